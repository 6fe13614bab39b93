package dev.adagrad.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A CSV file's bytes in one reused buffer, for {@link CsvDataLoader}'s fast path over plain numeric rows, which reads
 * the whole lines in the buffer in place ({@link #position()} to {@link #limit()}), with no decoding to characters and
 * no String per line or cell; {@link #next()} finds the header line. A line the fast path does not handle, and
 * everything after it, can be handed on unread ({@link #rest()}) to Commons CSV, decoded as strict UTF-8 as the whole
 * file used to be.
 *
 * <p>A plain row is ASCII, so it is valid UTF-8 whatever its bytes; anything else (a cell with an accent, a stray
 * byte of a binary file) is decoded, and checked, by the reader that {@link #rest()} gives.
 */
final class CsvLines {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 20];
    private int limit;
    private boolean eof;
    /** The current line: buffer[start, end), without its line break; next starts at {@code next}. */
    private int start;
    private int end;
    private int next;
    private long number;
    private boolean unusual;

    /** @param in the file's bytes, after any byte-order mark */
    CsvLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the text. */
    boolean next() throws IOException {
        start = next;
        unusual = false;
        int scanned = start;
        while (true) {
            int i = scanned;
            byte[] b = buffer;
            int stop = limit;
            boolean odd = false;
            while (i < stop) {
                byte c = b[i];
                if (c == '\n') {
                    break;
                }
                if (c == '"' || c == '\r') {
                    odd = true;
                }
                i++;
            }
            if (odd) {
                oddLine(scanned, i);
            }
            if (i < stop) { // a line break
                end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                next = i + 1;
                number++;
                return true;
            }
            if (eof) {
                if (start == limit) {
                    return false;
                }
                if (limit > start && b[limit - 1] == '\r') {
                    unusual = true; // a carriage return that ends the file, which Commons CSV reads as a line end
                }
                end = limit;
                next = limit;
                number++;
                return true;
            }
            if (limit - start > CsvDataLoader.MAX_LINE_LENGTH) {
                unusual = true; // the reader of the rest reports it, with the line
                end = limit;
                next = limit;
                number++;
                return true;
            }
            // A carriage return as the last byte read may be the first half of a CRLF: look at it again.
            scanned = (i > scanned && b[i - 1] == '\r' ? i - 1 : i) - start;
            fill();
            scanned += start;
        }
    }

    /**
     * Notes whether {@code buffer[from, to)}, part of a line, has a quote or a carriage return that is not the line's
     * end (one just before {@code to}, the line break or the last byte read, is looked at again later).
     */
    private void oddLine(int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = buffer[i];
            if (c == '"' || c == '\r' && i + 1 < to) {
                unusual = true;
            }
        }
    }

    /** Moves the current line to the front of the buffer (growing it if the line fills it) and reads more. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            limit -= start;
            next -= start;
            start = 0;
        }
        if (limit == buffer.length) {
            buffer = java.util.Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            eof = true;
        } else {
            limit += read;
        }
    }

    /**
     * Where the unread bytes begin, in {@link #buffer()}: just after the line {@link #next()} found, or the position
     * given to {@link #advance(int, long)}.
     */
    int position() {
        return next;
    }

    /** Where the bytes read so far end. */
    int limit() {
        return limit;
    }

    /** Whether the stream has no more bytes than those up to {@link #limit()}. */
    boolean eof() {
        return eof;
    }

    /** Takes the line {@link #next()} found: {@link #rest()} begins after it. */
    void take() {
        start = next;
    }

    /** Takes the {@code count} lines that end just before {@code to}, line breaks included, as read by the caller. */
    void advance(int to, long count) {
        start = to;
        next = to;
        number += count;
    }

    /**
     * Reads more bytes, keeping those from {@link #position()} on (which may move to the start of a buffer that
     * may grow); after it, {@link #eof()} may be true.
     */
    void readMore() throws IOException {
        start = next;
        fill();
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current line's number, from 1; after {@link #advance(int, long)}, the number of lines taken. */
    long number() {
        return number;
    }

    /**
     * Whether the line {@link #next()} found needs a CSV parser to be read, or to report it: it has a quote or a stray
     * carriage return, or is too long. A header of plain names with accents does not.
     */
    boolean needsParser() {
        return unusual;
    }

    /** The current line decoded as strict UTF-8 (a malformed byte is a CharacterCodingException). */
    String text() throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(buffer, start, end - start)).toString();
    }

    /**
     * The text from the start of the current line on, unread, as strict UTF-8: the buffered part, then the rest of
     * the stream. A malformed byte is a CharacterCodingException when the reader reaches it.
     */
    Reader rest() {
        InputStream held = new java.io.ByteArrayInputStream(buffer, start, limit - start);
        InputStream rest = eof ? held : new SequenceInputStream(held, in);
        return new InputStreamReader(rest, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
