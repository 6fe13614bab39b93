package dev.adagrad.output;

import dev.adagrad.data.RowSink;
import dev.adagrad.run.StopRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes generated rows as CSV: the column names, then one line per row. Whole numbers below 2⁵³ are written without
 * a fraction ({@code 1}, {@code -1}), others as {@link Double#toString} writes them; both read back to the same double.
 * Column names are x1…xd and y, so nothing needs quoting.
 */
public final class DatasetCsvWriter implements RowSink {

    private static final double EXACT_LONGS = 0x1p53;

    private final Writer out;
    private long rows;

    public DatasetCsvWriter(Writer out, List<String> columns) {
        this.out = out;
        write(String.join(",", columns));
        write("\n");
    }

    @Override
    public void row(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                write(",");
            }
            double value = values[i];
            boolean whole = value == Math.rint(value) && Math.abs(value) < EXACT_LONGS && !isNegativeZero(value);
            write(whole ? Long.toString((long) value) : NumberText.shortest(value));
        }
        write("\n");
        rows++;
    }

    /** A binary row written as 0s and 1s without building the dense row. */
    @Override
    public void sparseRow(int features, int[] present, int count, double label) {
        StringBuilder line = new StringBuilder(2 * features + 4);
        int next = 0;
        for (int j = 0; j < features; j++) {
            boolean one = next < count && present[next] == j;
            if (one) {
                next++;
            }
            line.append(one ? "1," : "0,");
        }
        line.append(label == 1 ? "1" : label == -1 ? "-1" : NumberText.shortest(label)).append('\n');
        write(line.toString());
        rows++;
    }

    /** An interrupt stops the generator after the row it has written, so every row in the output is whole. */
    @Override
    public boolean stopped() {
        return StopRequest.interrupted();
    }

    /** The rows written so far. */
    public long rows() {
        return rows;
    }

    private static boolean isNegativeZero(double value) {
        return value == 0 && Double.doubleToRawLongBits(value) != 0;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
