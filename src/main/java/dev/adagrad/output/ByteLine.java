package dev.adagrad.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One row of CSV or JSON Lines built as UTF-8 bytes in a reused buffer and written in one call: numbers go straight
 * from their digits into the buffer ({@link ShortestDecimal}), with no String per cell.
 */
final class ByteLine {

    private final ShortestDecimal decimal = new ShortestDecimal();
    private byte[] bytes = new byte[256];
    private int length;

    ByteLine clear() {
        length = 0;
        return this;
    }

    /** An ASCII character. */
    ByteLine append(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** Bytes already encoded (a column's key). */
    ByteLine append(byte[] utf8) {
        room(utf8.length);
        System.arraycopy(utf8, 0, bytes, length, utf8.length);
        length += utf8.length;
        return this;
    }

    /** The double as {@link Double#toString} lays it out, with the shortest digits that read back to it. */
    ByteLine number(double value) {
        room(ShortestDecimal.MAX_LENGTH);
        length = decimal.write(value, bytes, length);
        return this;
    }

    /** A whole number, as {@link Long#toString}. */
    ByteLine number(long value) {
        room(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                return append(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
            }
            bytes[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte swap = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = swap;
        }
        return this;
    }

    /** Writes the row: as bytes to a {@link Utf8Sink}, decoded to characters for any other writer. */
    void writeTo(Writer out) throws IOException {
        if (out instanceof Utf8Sink sink) {
            sink.writeUtf8(bytes, 0, length);
        } else {
            out.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
