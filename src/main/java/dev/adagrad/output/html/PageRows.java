package dev.adagrad.output.html;

import dev.adagrad.optim.StateColumn;
import dev.adagrad.output.Columns;
import dev.adagrad.run.StepListener;
import dev.adagrad.run.StepRecord;
import java.util.List;

/**
 * The rows of one run that the page shows, with every column the CSV has (x, gradient, state, update), kept as the
 * run goes.
 *
 * <p>Memory and the page's size are bounded whatever the number of steps: every row is kept up to {@link #CAPACITY};
 * past that every other row is dropped and only every second step is kept from then on (the stride doubles), so
 * between half and all of the capacity remains, evenly spaced, plus the last row. Recording copies numbers into
 * arrays made up front and allocates nothing.
 */
public final class PageRows implements StepListener {

    /** Rows kept at most (plus the last): 500 steps of four optimizers stay whole and the page well under 2 MB. */
    public static final int CAPACITY = 2048;

    private final List<Columns.Column> columns;
    private final int width;
    private final int capacity;
    private final double[] values;
    private final double[] last;
    private int size;
    private long stride = 1;
    private long lastStep = -1;

    public PageRows(List<String> variables, List<StateColumn> stateColumns) {
        this(variables, stateColumns, CAPACITY);
    }

    PageRows(List<String> variables, List<StateColumn> stateColumns, int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and ≥ 2: " + capacity);
        }
        this.columns = Columns.of(variables, stateColumns);
        this.width = columns.size();
        this.capacity = capacity;
        this.values = new double[capacity * width];
        this.last = new double[width];
    }

    @Override
    public void onStep(StepRecord row) {
        read(row, last, 0);
        lastStep = row.step();
        if (row.step() % stride != 0) {
            return;
        }
        if (size == capacity) {
            halve();
            if (row.step() % stride != 0) {
                return;
            }
        }
        System.arraycopy(last, 0, values, size * width, width);
        size++;
    }

    /** The row's value in each column into {@code into}; NaN where the CSV leaves the cell empty (row 0). */
    private void read(StepRecord row, double[] into, int offset) {
        for (int c = 0; c < width; c++) {
            Columns.Column column = columns.get(c);
            into[offset + c] = row.isStart() && !Columns.presentAtStart(column) ? Double.NaN
                    : Columns.value(column, row);
        }
    }

    private void halve() {
        int kept = 0;
        for (int k = 0; k < size; k += 2) {
            System.arraycopy(values, k * width, values, kept * width, width);
            kept++;
        }
        size = kept;
        stride *= 2;
    }

    /** The columns' keys, as the CSV's header names them. */
    public List<String> keys() {
        return columns.stream().map(Columns.Column::key).toList();
    }

    /** Rows kept, the last row seen counted once. */
    public int size() {
        return size + (lastIsExtra() ? 1 : 0);
    }

    private boolean lastIsExtra() {
        return lastStep >= 0 && (size == 0 || (long) values[(size - 1) * width] != lastStep);
    }

    /** Kept row {@code k}'s value in column {@code column} (0 is the step), NaN where the CSV cell is empty. */
    public double value(int k, int column) {
        return k < size ? values[k * width + column] : last[column];
    }
}
