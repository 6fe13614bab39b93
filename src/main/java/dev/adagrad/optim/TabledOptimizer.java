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

    protected TabledOptimizer(int dimension) {
        this.state = new StateTable(dimension);
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
