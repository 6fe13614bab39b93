package dev.adagrad.fit;

/**
 * The selection of rows a {@link RowObjective} evaluates, and the stop it watches: what every objective of a fit
 * keeps the same way. A subclass loops {@code for (int k = from; k < to; k++)}, takes row {@link #row(int) row(k)}
 * and calls {@link #checkStop(int) checkStop(k)} once a row.
 */
abstract class SelectedRows implements RowObjective {

    /** The selection: rows order[from] … order[to − 1], or from … to − 1 in file order when order is null. */
    int[] order;
    int from;
    int to;
    Stop stop = Stop.never();
    /** The selection's accuracy at the x of the last evaluation; a classifier sets it, the others leave it NaN. */
    double accuracy = Double.NaN;
    private final int rows;

    SelectedRows(int rows) {
        this.rows = rows;
        this.to = rows;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final void select(int[] order, int from, int to) {
        this.order = order;
        this.from = from;
        this.to = to;
    }

    @Override
    public final void selectAll() {
        this.order = null;
        this.from = 0;
        this.to = rows;
    }

    @Override
    public final double accuracy() {
        return accuracy;
    }

    @Override
    public final void watch(Stop stop) {
        this.stop = stop;
    }

    /** The row at position k of the selection. */
    final int row(int k) {
        return order == null ? k : order[k];
    }

    /** Looks at the stop every {@link Stop#ROWS} rows of the selection (cheap the other times). */
    final void checkStop(int k) {
        if (((k - from) & (Stop.ROWS - 1)) == Stop.ROWS - 1) {
            stop.check();
        }
    }

    /** This object's copy, watching the same stop. */
    final <T extends SelectedRows> T watching(T copy) {
        copy.stop = stop;
        return copy;
    }
}
