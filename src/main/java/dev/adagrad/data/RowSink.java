package dev.adagrad.data;

/** Receives generated rows one at a time; the array is reused, so copy what must outlive the call. */
@FunctionalInterface
public interface RowSink {

    void row(double[] values);

    /** Whether the generator should stop early (an interrupt came); it then returns after the row it is on. */
    default boolean stopped() {
        return false;
    }
}
