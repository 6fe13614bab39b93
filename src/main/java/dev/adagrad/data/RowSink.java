package dev.adagrad.data;

/** Receives generated rows one at a time; the array is reused, so copy what must outlive the call. */
@FunctionalInterface
public interface RowSink {

    void row(double[] values);
}
