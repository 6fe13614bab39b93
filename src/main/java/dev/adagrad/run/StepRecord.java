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

    private final Optimizer optimizer;
    final double[] x;
    final double[] gradient;
    final double[] update;
    long step;
    double f;
    double gradientNorm;

    StepRecord(Optimizer optimizer, int dimension) {
        this.optimizer = optimizer;
        this.x = new double[dimension];
        this.gradient = new double[dimension];
        this.update = new double[dimension];
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
        return optimizer.state(column, variable);
    }
}
