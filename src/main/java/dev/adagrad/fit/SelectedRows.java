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
    /** Rows evaluated since the last look at the stop, counted across evaluations. */
    private int sinceLook;
    /** How many rows between two looks; set by {@link #watch}. */
    private int lookEvery = Stop.ROWS;
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
        this.lookEvery = Stop.rowsBetweenLooks(dimension());
    }

    /** The row at position k of the selection. */
    final int row(int k) {
        return order == null ? k : order[k];
    }

    /**
     * Looks at the stop every so many rows evaluated ({@link Stop#rowsBetweenLooks}), cheap the other times. The
     * count runs on across evaluations: a central difference evaluates a small batch twice per weight, and a count
     * that began again with each evaluation never reached a look (a linear model of 8,000 columns on 200 rows held
     * a signal for minutes).
     */
    final void checkStop(int k) {
        if (++sinceLook >= lookEvery) {
            sinceLook = 0;
            stop.check();
        }
    }

    /** This object's copy, watching the same stop. */
    final <T extends SelectedRows> T watching(T copy) {
        copy.stop = stop;
        ((SelectedRows) copy).lookEvery = lookEvery;
        return copy;
    }
}
