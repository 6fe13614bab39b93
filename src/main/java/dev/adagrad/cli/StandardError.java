package dev.adagrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Standard error whose every line passes {@link Messages#clean}: control characters escaped, long names and values
 * cut, the line held to {@link Messages#MOST_PER_LINE} characters. Messages echo what the user gave (a column name,
 * an option's value, a data cell), and input can carry terminal escapes or be a megabyte long; cleaning where lines
 * leave the program covers every message, including picocli's own, with one rule. A terminal chart, whose colours
 * are escapes on purpose, is written to {@link #raw()}.
 */
public final class StandardError extends PrintWriter {

    private final PrintWriter raw;

    private StandardError(PrintWriter raw) {
        super(new Lines(raw), true);
        this.raw = raw;
    }

    /** {@code err} itself if it already cleans its lines, else a cleaning writer over it. */
    public static PrintWriter over(PrintWriter err) {
        return err instanceof StandardError ? err : new StandardError(err);
    }

    /** The writer underneath, for output that is not a message. */
    PrintWriter raw() {
        return raw;
    }

    /** The writer to use for a terminal chart on standard error. */
    static PrintWriter raw(PrintWriter err) {
        return err instanceof StandardError clean ? clean.raw() : err;
    }

    /** Collects a line (at most a little more than can be shown), then writes it cleaned. */
    private static final class Lines extends Writer {

        private final PrintWriter out;
        private final StringBuilder line = new StringBuilder();

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] characters, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                char c = characters[i];
                if (c == '\n') {
                    out.write(Messages.clean(line.toString()));
                    out.write('\n');
                    line.setLength(0);
                } else if (c != '\r' && line.length() <= 4 * Messages.MOST_PER_LINE) {
                    line.append(c); // the rest of a huge line would be cut anyway: do not hold it
                }
            }
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (line.length() > 0) {
                out.write(Messages.clean(line.toString()));
                line.setLength(0);
            }
            out.flush();
        }
    }
}
