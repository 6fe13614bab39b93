package dev.adagrad.optim;

import java.util.List;

/**
 * An optimizer around another that changes one thing ({@link Maximize} the gradient's sign, {@link Scheduled} the
 * rate) and passes every other question to it: what it evaluates, its state, its rate and its momentum. A subclass
 * overrides only what it changes, so a method added to {@link Optimizer} is forwarded in one place.
 */
abstract class Wrapper implements Optimizer {

    final Optimizer inner;

    Wrapper(Optimizer inner) {
        this.inner = inner;
    }

    @Override
    public boolean evaluatesInStep() {
        return inner.evaluatesInStep();
    }

    @Override
    public boolean needsHessian() {
        return inner.needsHessian();
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

    @Override
    public String cycledMomentum() {
        return inner.cycledMomentum();
    }

    @Override
    public double momentum() {
        return inner.momentum();
    }

    @Override
    public void momentum(double value) {
        inner.momentum(value);
    }
}
