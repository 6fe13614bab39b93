package dev.adagrad.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * A buffered UTF-8 writer over a stream that also takes encoded bytes ({@link Utf8Sink}): one 64 KB byte buffer for
 * both, so rows written as bytes and text written as characters stay in order without a second buffer to flush. It
 * encodes as {@code OutputStreamWriter} with UTF-8 does, a lone surrogate becoming '?'.
 */
final class Utf8Output extends Writer implements Utf8Sink {

    private final OutputStream stream;
    private final byte[] buffer = new byte[1 << 16];
    private final char[] characters = new char[1 << 12];
    private int length;
    /** A high surrogate whose low half has not been written yet, or 0. */
    private char pendingHigh;

    Utf8Output(OutputStream stream) {
        this.stream = stream;
    }

    @Override
    public void writeUtf8(byte[] bytes, int offset, int count) throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            put((byte) '?');
        }
        if (count > buffer.length - length) {
            drain();
            if (count > buffer.length) {
                stream.write(bytes, offset, count);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    @Override
    public void write(int c) throws IOException {
        encode((char) c);
    }

    @Override
    public void write(char[] characters, int offset, int count) throws IOException {
        int end = offset + count;
        int i = offset;
        while (i < end) {
            // as many characters as surely fit (3 bytes each at most), ASCII copied in a tight loop
            int room = (buffer.length - length) / 3 - 1;
            if (room <= 0) {
                drain();
                continue;
            }
            int stop = Math.min(end, i + room);
            if (pendingHigh != 0) {
                encode(characters[i++]);
                continue;
            }
            byte[] bytes = buffer;
            int at = length;
            for (; i < stop; i++) {
                char c = characters[i];
                if (c < 0x80) {
                    bytes[at++] = (byte) c;
                } else {
                    length = at;
                    encode(c);
                    at = length;
                    if (pendingHigh != 0) { // the next character completes it, or is preceded by '?'
                        i++;
                        break;
                    }
                }
            }
            length = at;
        }
    }

    @Override
    public void write(String text, int offset, int count) throws IOException {
        for (int done = 0; done < count; ) {
            int chunk = Math.min(count - done, characters.length);
            text.getChars(offset + done, offset + done + chunk, characters, 0);
            write(characters, 0, chunk);
            done += chunk;
        }
    }

    private void encode(char c) throws IOException {
        if (length > buffer.length - 4) {
            drain();
        }
        if (pendingHigh != 0) {
            char high = pendingHigh;
            pendingHigh = 0;
            if (Character.isLowSurrogate(c)) {
                int point = Character.toCodePoint(high, c);
                buffer[length++] = (byte) (0xF0 | point >> 18);
                buffer[length++] = (byte) (0x80 | (point >> 12 & 0x3F));
                buffer[length++] = (byte) (0x80 | (point >> 6 & 0x3F));
                buffer[length++] = (byte) (0x80 | (point & 0x3F));
                return;
            }
            buffer[length++] = '?';
            if (length > buffer.length - 4) {
                drain();
            }
        }
        if (c < 0x80) {
            buffer[length++] = (byte) c;
        } else if (c < 0x800) {
            buffer[length++] = (byte) (0xC0 | c >> 6);
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        } else if (Character.isHighSurrogate(c)) {
            pendingHigh = c;
        } else if (Character.isLowSurrogate(c)) {
            buffer[length++] = '?';
        } else {
            buffer[length++] = (byte) (0xE0 | c >> 12);
            buffer[length++] = (byte) (0x80 | (c >> 6 & 0x3F));
            buffer[length++] = (byte) (0x80 | (c & 0x3F));
        }
    }

    private void put(byte b) throws IOException {
        if (length == buffer.length) {
            drain();
        }
        buffer[length++] = b;
    }

    private void drain() throws IOException {
        if (length > 0) {
            int count = length;
            length = 0; // a failed write loses this buffer, as BufferedWriter's failure does
            stream.write(buffer, 0, count);
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        stream.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            if (pendingHigh != 0) { // the text ended inside a surrogate pair
                pendingHigh = 0;
                put((byte) '?');
            }
            flush();
        } finally {
            stream.close();
        }
    }
}
