package dev.adagrad.optim;

import java.util.List;

/**
 * Any optimizer turned to ascent, with PyTorch 1.13's {@code maximize=True}: the gradient's sign flips before the
 * optimizer sees it, so before its weight decay (gₜ ← −∇f(θₜ₋₁), then gₜ + λθₜ₋₁). One part for every optimizer,
 * rule files included, in the way optax chains a transformation rather than giving each optimizer a switch.
 */
public final class Maximize implements Optimizer {

    private final Optimizer inner;
    private final double[] negated;

    public Maximize(Optimizer inner, int dimension) {
        this.inner = inner;
        this.negated = new double[dimension];
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        for (int k = 0; k < count; k++) {
            negated[k] = -gradient[k];
            if (narrator != null) {
                narrator.line(active == null ? k : active[k], "gₜ", "−gₜ  (maximize)", "−({})", negated[k],
                        gradient[k]);
            }
        }
        inner.step(t, x, negated, update, narrator, active, count);
    }

    @Override
    public boolean skipsZeroGradients() {
        return inner.skipsZeroGradients();
    }

    @Override
    public List<StateColumn> stateColumns() {
        return inner.stateColumns();
    }

    @Override
    public double state(int column, int variable) {
        return inner.state(column, variable);
    }

    @Override
    public boolean hasLearningRate() {
        return inner.hasLearningRate();
    }

    @Override
    public double learningRate() {
        return inner.learningRate();
    }

    @Override
    public void learningRate(double rate) {
        inner.learningRate(rate);
    }

    @Override
    public void stepSchedule(double f) {
        inner.stepSchedule(f);
    }
}
