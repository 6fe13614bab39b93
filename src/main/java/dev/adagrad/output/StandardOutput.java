package dev.adagrad.output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Standard output that says when it cannot be written. {@code System.out} and a plain {@link PrintWriter} swallow
 * errors, so a full disk ({@code > /dev/full}) or a closed pipe ({@code | head -1}) would go unnoticed and a long run
 * would go on computing for nobody. Here the file descriptor is written directly, and a write that fails throws
 * {@link UncheckedIOException}, which a PrintWriter lets through: a streaming command stops at once and reports it.
 * A failed flush is only recorded ({@link #failure()}), because picocli flushes after printing help and would print
 * the exception's stack trace; the entry point checks it at the end and exits 1.
 */
public final class StandardOutput extends PrintWriter implements Utf8Sink {

    private final Throwing sink;

    private StandardOutput(Throwing sink) {
        super(sink);
        this.sink = sink;
    }

    /** A buffered, UTF-8 writer over file descriptor 1 ({@link Utf8Output}). */
    public static StandardOutput open() {
        return new StandardOutput(new Throwing(new Utf8Output(new FileOutputStream(FileDescriptor.out))));
    }

    @Override
    public void writeUtf8(byte[] bytes, int offset, int length) {
        sink.writeUtf8(bytes, offset, length);
    }

    /** The first error writing or flushing, or null if there was none. */
    public IOException failure() {
        return sink.failure;
    }

    /** Passes everything to {@code delegate}, turning its IOExceptions into UncheckedIOExceptions. */
    private static final class Throwing extends Writer {

        private final Utf8Output delegate;
        private IOException failure;

        Throwing(Utf8Output delegate) {
            this.delegate = delegate;
        }

        void writeUtf8(byte[] bytes, int offset, int length) {
            try {
                delegate.writeUtf8(bytes, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(record(e));
            }
        }

        @Override
        public void write(char[] characters, int offset, int length) {
            try {
                delegate.write(characters, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(record(e));
            }
        }

        @Override
        public void write(String text, int offset, int length) {
            try {
                delegate.write(text, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException(record(e));
            }
        }

        @Override
        public void write(int character) {
            try {
                delegate.write(character);
            } catch (IOException e) {
                throw new UncheckedIOException(record(e));
            }
        }

        @Override
        public void flush() {
            try {
                delegate.flush();
            } catch (IOException e) {
                record(e);
            }
        }

        @Override
        public void close() {
            try {
                delegate.close();
            } catch (IOException e) {
                record(e);
            }
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
