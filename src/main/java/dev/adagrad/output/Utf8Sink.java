package dev.adagrad.output;

import java.io.IOException;

/**
 * A writer that also takes bytes already encoded as UTF-8, so that the CSV and JSON Lines rows, built as bytes, reach
 * the file without being turned into characters and encoded back ({@link ByteLine#writeTo}).
 */
interface Utf8Sink {

    /** Writes {@code length} bytes of UTF-8 from {@code bytes[offset]}, in order with the characters written. */
    void writeUtf8(byte[] bytes, int offset, int length) throws IOException;
}
