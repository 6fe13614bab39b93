package dev.adagrad.run;

import dev.adagrad.optim.Optimizer;

/**
 * One row of a run, handed to a {@link StepListener}. Row 0 is the start point; row t holds the gradient gₜ taken at
 * xₜ₋₁, the optimizer's state after step t, the update applied and xₜ, f(xₜ).
 *
 * <p>The runner reuses one record and its arrays for every row, so the loop allocates nothing: a listener reads what
 * it needs during the call and keeps no reference.
 */
public final class StepRecord {

    /** Null for a snapshot, whose state is {@link #frozenState} instead of the optimizer's live state. */
    private final Optimizer optimizer;
    /** The optimizer's live state arrays, if it keeps them in arrays: a snapshot copies them without calls. */
    private final double[][] liveState;
    private final double[] frozenState;
    private final int stateColumns;
    final double[] x;
    /** Not final: with exact gradients the runner swaps it with the array the next gradient was computed into. */
    double[] gradient;
    final double[] update;
    long step;
    double f;
    /** ‖gradient‖₂ once computed; {@link #normKnown} false means it is still to compute from the gradient. */
    private double gradientNorm;
    private boolean normKnown;

    StepRecord(Optimizer optimizer, int dimension) {
        this.optimizer = optimizer;
        this.stateColumns = optimizer.stateColumns().size();
        double[][] arrays = optimizer.stateArrays();
        this.liveState = arrays != null && arrays.length == stateColumns ? arrays : null;
        this.frozenState = null;
        this.x = new double[dimension];
        this.gradient = new double[dimension];
        this.update = new double[dimension];
    }

    private StepRecord(int dimension, int stateColumns) {
        this.optimizer = null;
        this.liveState = null;
        this.stateColumns = stateColumns;
        this.frozenState = new double[stateColumns * dimension];
        this.x = new double[dimension];
        this.gradient = new double[dimension];
        this.update = new double[dimension];
    }

    /** An empty record of the same shape, to hold a {@link #copyFrom copy} of a row that must outlive its call. */
    public StepRecord newSnapshot() {
        return new StepRecord(x.length, stateColumns);
    }

    /** Makes this snapshot a copy of {@code row}, state included; allocates nothing. */
    public void copyFrom(StepRecord row) {
        if (frozenState == null) {
            throw new IllegalStateException("only a snapshot can be copied into");
        }
        int n = x.length;
        for (int v = 0; v < n; v++) { // plain loops: for the few values of a small problem quicker than arraycopy
            x[v] = row.x[v];
            gradient[v] = row.gradient[v];
            update[v] = row.update[v];
        }
        step = row.step;
        f = row.f;
        gradientNorm = row.gradientNorm;
        normKnown = row.normKnown;
        if (!row.isStart()) {
            if (row.liveState != null) {
                for (int c = 0; c < stateColumns; c++) {
                    double[] column = row.liveState[c];
                    for (int v = 0; v < n; v++) {
                        frozenState[c * n + v] = column[v];
                    }
                }
            } else {
                for (int c = 0; c < stateColumns; c++) {
                    for (int v = 0; v < n; v++) {
                        frozenState[c * n + v] = row.state(c, v);
                    }
                }
            }
        }
    }

    public long step() {
        return step;
    }

    /** True for row 0, which has a point and f but no gradient, state or update. */
    public boolean isStart() {
        return step == 0;
    }

    public int dimension() {
        return x.length;
    }

    public double f() {
        return f;
    }

    public double x(int variable) {
        return x[variable];
    }

    public double gradient(int variable) {
        return gradient[variable];
    }

    /** ‖gₜ‖₂ of the raw gradient of f (before any weight decay the optimizer adds). */
    public double gradientNorm() {
        if (!normKnown) { // computed when first asked: a CSV run never asks, and the loop spends nothing on it
            gradientNorm = norm(gradient);
            normKnown = true;
        }
        return gradientNorm;
    }

    /** Sets the norm (NaN for row 0). */
    void knownNorm(double norm) {
        gradientNorm = norm;
        normKnown = true;
    }

    /** Makes the norm that of this row's gradient, computed if asked. */
    void normOfGradient() {
        normKnown = false;
    }

    /** ‖v‖₂, scaled by the largest component so that finite gradients above 1e154 do not overflow to ∞. */
    static double norm(double[] v) {
        double largest = 0;
        for (double value : v) {
            largest = Math.max(largest, Math.abs(value));
        }
        if (largest == 0) {
            return 0;
        }
        double sum = 0;
        for (double value : v) {
            double scaled = value / largest;
            sum += scaled * scaled;
        }
        return largest * Math.sqrt(sum);
    }

    /** xₜ₋₁ − xₜ for this variable. */
    public double update(int variable) {
        return update[variable];
    }

    /** The optimizer's state column {@code column} for {@code variable}, after this step. */
    public double state(int column, int variable) {
        return optimizer == null ? frozenState[column * x.length + variable] : optimizer.state(column, variable);
    }
}
