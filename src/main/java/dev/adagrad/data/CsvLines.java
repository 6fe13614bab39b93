package dev.adagrad.data;

import java.io.IOException;
import java.io.Reader;

/**
 * The lines of a CSV file read into one reused buffer, for {@link CsvDataLoader}'s fast path over plain numeric rows:
 * each line is found once and its cells parsed in place, with no String per line or cell. A line the fast path does
 * not handle ({@link #unusual()}: a quote, a carriage return not ending the line, a line longer than the loader's
 * limit) and everything after it can be handed on unread ({@link #rest()}) to Commons CSV.
 */
final class CsvLines {

    private final Reader in;
    private char[] buffer = new char[1 << 16];
    private int limit;
    private boolean eof;
    /** The current line: buffer[start, end), without its line break; next starts at {@code next}. */
    private int start;
    private int end;
    private int next;
    private long number;
    private boolean unusual;

    CsvLines(Reader in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the text. */
    boolean next() throws IOException {
        start = next;
        unusual = false;
        int scanned = start;
        while (true) {
            int i = scanned;
            char[] b = buffer;
            int stop = limit;
            while (i < stop) {
                char c = b[i];
                if (c == '\n') {
                    break;
                }
                if (c == '"') {
                    unusual = true;
                } else if (c == '\r') {
                    if (i + 1 >= stop) {
                        if (!eof) {
                            break; // its \n may come with the next read: look again then
                        }
                        unusual = true;
                    } else if (b[i + 1] != '\n') {
                        unusual = true;
                    }
                }
                i++;
            }
            if (i < stop && b[i] == '\n') { // a line break
                end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                next = i + 1;
                number++;
                return true;
            }
            if (eof) {
                if (start == limit) {
                    return false;
                }
                end = limit;
                next = limit;
                number++;
                return true;
            }
            if (limit - start > CsvDataLoader.MAX_LINE_LENGTH) {
                unusual = true; // Commons CSV's reader reports it, with the line
                end = limit;
                next = limit;
                number++;
                return true;
            }
            scanned = i - start;
            fill();
            scanned += start;
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

    char[] buffer() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The current line's number, from 1. */
    long number() {
        return number;
    }

    /** Whether the current line has a quote or a stray carriage return, or is too long: a line for Commons CSV. */
    boolean unusual() {
        return unusual;
    }

    String text() {
        return new String(buffer, start, end - start);
    }

    /** The text from the start of the current line on, unread: the buffered part, then the rest of the reader. */
    Reader rest() {
        char[] held = buffer;
        int from = start;
        int to = limit;
        return new Reader() {
            private int at = from;

            @Override
            public int read(char[] into, int offset, int length) throws IOException {
                if (at < to) {
                    int count = Math.min(length, to - at);
                    System.arraycopy(held, at, into, offset, count);
                    at += count;
                    return count;
                }
                return in.read(into, offset, length);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
