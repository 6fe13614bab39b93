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
    private final double[] frozenState;
    private final int stateColumns;
    final double[] x;
    final double[] gradient;
    final double[] update;
    long step;
    double f;
    double gradientNorm;

    StepRecord(Optimizer optimizer, int dimension) {
        this.optimizer = optimizer;
        this.stateColumns = optimizer.stateColumns().size();
        this.frozenState = null;
        this.x = new double[dimension];
        this.gradient = new double[dimension];
        this.update = new double[dimension];
    }

    private StepRecord(int dimension, int stateColumns) {
        this.optimizer = null;
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
        System.arraycopy(row.x, 0, x, 0, n);
        System.arraycopy(row.gradient, 0, gradient, 0, n);
        System.arraycopy(row.update, 0, update, 0, n);
        step = row.step;
        f = row.f;
        gradientNorm = row.gradientNorm;
        if (!row.isStart()) {
            for (int c = 0; c < stateColumns; c++) {
                for (int v = 0; v < n; v++) {
                    frozenState[c * n + v] = row.state(c, v);
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
        return gradientNorm;
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
