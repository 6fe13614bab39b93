package dev.adagrad.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The per-variable arrays an optimizer reports, each under its column, in output order. An optimizer adds them in its
 * constructor and updates them in place; {@link Optimizer#stateColumns()} and {@link Optimizer#state} then read
 * straight from here, so the reported columns cannot drift from the arrays behind them.
 */
final class StateTable {

    private final int dimension;
    private final List<StateColumn> columns = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();

    StateTable(int dimension) {
        this.dimension = dimension;
    }

    /** A new array of zeros, one per variable, reported under {@code column}. */
    double[] add(StateColumn column) {
        double[] array = new double[dimension];
        columns.add(column);
        values.add(array);
        return array;
    }

    /** {@link #add} when {@code reported}; otherwise a working array of zeros that is not reported. */
    double[] addIf(boolean reported, StateColumn column) {
        return reported ? add(column) : new double[dimension];
    }

    /**
     * Starts reporting a working array from {@link #addIf} under {@code column}, after the constructor: for state that
     * a schedule switches on before the first step (SGD's momentum buffer once OneCycleLR cycles its momentum). An
     * array already reported stays as it is, so a setter may call this every time.
     */
    void report(StateColumn column, double[] array) {
        for (int k = 0; k < values.size(); k++) { // indexed: a setter a step calls this, and allocates nothing
            if (values.get(k) == array) {
                return;
            }
        }
        columns.add(column);
        values.add(array);
    }

    List<StateColumn> columns() {
        return Collections.unmodifiableList(columns);
    }

    double value(int column, int variable) {
        return values.get(column)[variable];
    }

    /** The columns' arrays, live, in column order. */
    double[][] arrays() {
        return values.toArray(new double[0][]);
    }
}
