package dev.adagrad.data;

/** Receives generated rows one at a time; the array is reused, so copy what must outlive the call. */
@FunctionalInterface
public interface RowSink {

    void row(double[] values);

    /**
     * A row of binary features: {@code present[0..count)} (increasing, 0-based) are 1, the other of the
     * {@code features} are 0, then the label. Writers of sparse formats take it as it is; the default hands
     * {@link #row} the dense row.
     */
    default void sparseRow(int features, int[] present, int count, double label) {
        double[] values = new double[features + 1];
        for (int k = 0; k < count; k++) {
            values[present[k]] = 1;
        }
        values[features] = label;
        row(values);
    }

    /** Whether the generator should stop early (an interrupt came); it then returns after the row it is on. */
    default boolean stopped() {
        return false;
    }
}
