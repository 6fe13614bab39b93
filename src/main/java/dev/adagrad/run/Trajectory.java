package dev.adagrad.run;

import java.util.Arrays;

/**
 * The path of a run, kept for pictures: step, f and x of evenly spaced rows, always including the first and the last.
 *
 * <p>Memory is bounded whatever the number of steps: rows are kept every {@code stride} steps, and when the buffer
 * is full every other kept row is dropped and the stride doubles, so between {@code capacity / 2} and
 * {@code capacity} evenly spaced rows remain, plus the last row seen. Recording allocates nothing after construction.
 */
public final class Trajectory implements StepListener {

    /** Enough rows for a smooth curve at any picture width. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final int dimension;
    private final int capacity;
    private final long[] steps;
    private final double[] f;
    private final double[] x;
    private int size;
    private long stride = 1;
    private boolean hasLast;
    private long lastStep;
    private double lastF;
    private final double[] lastX;

    public Trajectory(int dimension) {
        this(dimension, DEFAULT_CAPACITY);
    }

    public Trajectory(int dimension, int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and ≥ 2: " + capacity);
        }
        this.dimension = dimension;
        this.capacity = capacity;
        this.steps = new long[capacity];
        this.f = new double[capacity];
        this.x = new double[capacity * dimension];
        this.lastX = new double[dimension];
    }

    @Override
    public void onStep(StepRecord record) {
        long step = record.step();
        hasLast = true;
        lastStep = step;
        lastF = record.f();
        for (int i = 0; i < dimension; i++) {
            lastX[i] = record.x(i);
        }
        if (step % stride != 0) {
            return;
        }
        if (size == capacity) {
            halve();
            if (step % stride != 0) {
                return;
            }
        }
        steps[size] = step;
        f[size] = record.f();
        for (int i = 0; i < dimension; i++) {
            x[size * dimension + i] = record.x(i);
        }
        size++;
    }

    private void halve() {
        int kept = 0;
        for (int k = 0; k < size; k += 2) {
            steps[kept] = steps[k];
            f[kept] = f[k];
            System.arraycopy(x, k * dimension, x, kept * dimension, dimension);
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    /** Rows kept, counting the last row seen once even when it fell between strides. */
    public int size() {
        return size + (lastIsExtra() ? 1 : 0);
    }

    private boolean lastIsExtra() {
        return hasLast && (size == 0 || steps[size - 1] != lastStep);
    }

    public int dimension() {
        return dimension;
    }

    /** The step number of kept row {@code k} (0 ≤ k < size()), increasing with k. */
    public long step(int k) {
        return k < size ? steps[k] : lastStep;
    }

    public double f(int k) {
        return k < size ? f[k] : lastF;
    }

    public double x(int k, int variable) {
        return k < size ? x[k * dimension + variable] : lastX[variable];
    }

    /** The kept steps as a new array, for charting libraries that want one. */
    public double[] stepsArray() {
        double[] out = new double[size()];
        Arrays.setAll(out, k -> step(k));
        return out;
    }

    public double[] fArray() {
        double[] out = new double[size()];
        Arrays.setAll(out, this::f);
        return out;
    }

    public double[] xArray(int variable) {
        double[] out = new double[size()];
        Arrays.setAll(out, k -> x(k, variable));
        return out;
    }
}
