package dev.adagrad.data;

import java.util.List;

/**
 * A table of numbers: named columns and {@code rows} rows, stored row-major in one {@code double[]} so that a million
 * rows of twenty columns take 160 MB and no boxed values, and one row's values sit side by side for the per-row loss.
 */
public final class Dataset {

    private final String source;
    private final List<String> columns;
    private final int rows;
    private final double[] values;

    /**
     * @param source  where the data came from (the file name), for messages
     * @param columns the column names
     * @param rows    the number of rows
     * @param values  row-major: the value of column c in row r is {@code values[r * columns.size() + c]}; not copied,
     *                and it may be longer (a loader's array with room to spare): what follows the rows is not used
     */
    public Dataset(String source, List<String> columns, int rows, double[] values) {
        this.source = source;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        if (values.length < (long) rows * this.columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + rows + " rows of "
                    + this.columns.size() + " columns");
        }
        this.values = values;
    }

    public String source() {
        return source;
    }

    public List<String> columns() {
        return columns;
    }

    public int width() {
        return columns.size();
    }

    public int rows() {
        return rows;
    }

    /** The index of the column with this name, or −1. */
    public int column(String name) {
        return columns.indexOf(name);
    }

    public double value(int row, int column) {
        return values[row * columns.size() + column];
    }

    /**
     * The row-major values themselves, for loops that must not call a method per cell: rows × width of them, perhaps
     * followed by unused room. Do not modify.
     */
    public double[] values() {
        return values;
    }

    /**
     * Makes a classification label column ±1. Labels must be all −1 or 1, or all 0 or 1 (0 becomes −1); anything
     * else, including a file that mixes −1 and 0, is a data error naming the row.
     */
    public void mapLabelsToPlusMinusOne(int column) {
        int width = columns.size();
        long firstMinusOne = 0;
        long firstZero = 0;
        for (int r = 0; r < rows; r++) {
            double label = values[r * width + column];
            if (label == 0 && firstZero == 0) {
                firstZero = r + 1;
            } else if (label == -1 && firstMinusOne == 0) {
                firstMinusOne = r + 1;
            } else if (label != 0 && label != 1 && label != -1) {
                throw labelError(r + 1, column, "the label is " + label + "; classification labels are -1 and 1, "
                        + "or 0 and 1");
            }
            if (firstZero > 0 && firstMinusOne > 0) {
                throw labelError(r + 1, column, "the label is " + label + " but row "
                        + Math.min(firstZero, firstMinusOne) + " has " + (firstZero < firstMinusOne ? "0" : "-1")
                        + "; use -1 and 1, or 0 and 1, not both");
            }
        }
        if (firstZero > 0) {
            for (int r = 0; r < rows; r++) {
                if (values[r * width + column] == 0) {
                    values[r * width + column] = -1;
                }
            }
        }
    }

    private DataException labelError(long row, int column, String problem) {
        return new DataException(source + ", row " + row + ", column " + columns.get(column) + ": " + problem);
    }
}
