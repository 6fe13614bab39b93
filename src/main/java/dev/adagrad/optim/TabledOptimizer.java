package dev.adagrad.optim;

import java.util.List;

/**
 * An optimizer whose reported state lives in one {@link StateTable}: the subclass adds its columns in its constructor
 * ({@code state.add(...)}) and updates the returned arrays in {@code step}; the columns and their values are reported
 * from the table, so no optimizer writes that bookkeeping again.
 */
abstract class TabledOptimizer implements Optimizer {

    /** The per-variable state this optimizer reports, one array per column. */
    protected final StateTable state;

    /**
     * The learning rate γ the next step uses: the hyperparameter {@code lr} until a schedule sets another between
     * steps (PyTorch's {@code param_group['lr']}). Never folded into a constant, so a new value counts from the next
     * step on.
     */
    protected double learningRate;

    protected TabledOptimizer(int dimension) {
        this.state = new StateTable(dimension);
    }

    @Override
    public final double learningRate() {
        return learningRate;
    }

    @Override
    public final void learningRate(double rate) {
        learningRate = rate;
    }

    @Override
    public final List<StateColumn> stateColumns() {
        return state.columns();
    }

    @Override
    public final double state(int column, int variable) {
        return state.value(column, variable);
    }

    @Override
    public final double[][] stateArrays() {
        return state.arrays();
    }
}
