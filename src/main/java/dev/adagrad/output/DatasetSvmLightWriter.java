package dev.adagrad.output;

import dev.adagrad.data.RowSink;
import dev.adagrad.run.StopRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes generated rows in the svmlight / LIBSVM format, {@code label index:value …}, 1-based indices in increasing
 * order and only the nonzero values, so a row of a million binary features with fifty present is fifty tokens.
 * Whole numbers are written without a fraction, others as {@link Double#toString} writes them.
 */
public final class DatasetSvmLightWriter implements RowSink {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);
    private long rows;

    public DatasetSvmLightWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void row(double[] values) {
        line.setLength(0);
        int features = values.length - 1;
        number(values[features]);
        for (int j = 0; j < features; j++) {
            if (values[j] != 0) {
                line.append(' ').append(j + 1).append(':');
                number(values[j]);
            }
        }
        finish();
    }

    @Override
    public void sparseRow(int features, int[] present, int count, double label) {
        line.setLength(0);
        number(label);
        for (int k = 0; k < count; k++) {
            line.append(' ').append(present[k] + 1).append(":1");
        }
        finish();
    }

    private void number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 0x1p53 && !(value == 0 && 1 / value < 0)) {
            line.append((long) value);
        } else {
            line.append(value);
        }
    }

    private void finish() {
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    /** An interrupt stops the generator after the row it has written, so every row in the output is whole. */
    @Override
    public boolean stopped() {
        return StopRequest.interrupted();
    }

    public long rows() {
        return rows;
    }
}
