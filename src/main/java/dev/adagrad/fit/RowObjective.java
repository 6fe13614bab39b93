package dev.adagrad.fit;

import dev.adagrad.expr.DifferentiableObjective;

/**
 * What the {@link Trainer} minimises: a mean loss over a selection of rows (a batch, or all of them), with the
 * parameters as the objective's variables. Implementations keep scratch space and the selection, so they are not
 * thread-safe: {@link #copy()} gives one per thread.
 *
 * <p>{@link #value} and {@link #valueAndGradient} also leave the selection's accuracy at that point behind, for the
 * classifiers ({@link #accuracy()}), so a step's loss and accuracy come from its one forward pass, as in Keras.
 */
public interface RowObjective extends DifferentiableObjective {

    /** The number of rows there are to select from. */
    int rows();

    /** The selection is the rows {@code order[from]}, …, {@code order[to − 1]}. The array is used, not copied. */
    void select(int[] order, int from, int to);

    /** The selection is every row, in order. */
    void selectAll();

    /** Whether the loss is over classes and has an accuracy. */
    boolean classifies();

    /** The fraction of the selected rows classified correctly at the x of the last evaluation; NaN if none. */
    double accuracy();

    /** Whether {@link #valueAndGradient} is available. */
    boolean differentiable();

    /** Asks {@link Stop} every so many rows inside long evaluations. */
    void watch(Stop stop);

    /**
     * The variables whose gradient can be nonzero for the current selection, written into {@code into} (room for
     * every variable), in no particular order; returns how many. −1 when the objective does not know (every
     * variable).
     */
    default int active(int[] into) {
        return -1;
    }

    /**
     * {@link #valueAndGradient} for the selection {@link #active} was last called for, with the gradient packed:
     * {@code gradient[k]} is the derivative by variable {@code into[k]}. Costs the selection's nonzeros, not the
     * dimension.
     */
    default double valueAndActiveGradient(double[] x, double[] gradient) {
        throw new UnsupportedOperationException("no sparse gradient");
    }

    @Override
    RowObjective copy();
}
