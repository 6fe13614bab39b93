package dev.adagrad.data;

import java.util.Arrays;
import java.util.List;

/**
 * Rows of features with a label each, what the built-in models train on, held as compressed sparse rows: row r's
 * nonzero features are {@code index[k]} with value {@code values[k]} for {@code start(r) ≤ k < end(r)}, features
 * numbered from 0. A million binary features with fifty present a row cost 12 bytes a nonzero, not 8 MB a row.
 *
 * <p>Rows read from a CSV file are dense: {@code index} is null and row r's k-th value is feature {@code k − start(r)},
 * every feature stored. The models' loops read both forms through {@link #feature(int, int)}.
 */
public final class LabelledRows {

    private final String source;
    private final List<String> featureNames;
    private final int features;
    private final int[] rowStart;
    private final int[] index;
    private final double[] values;
    private final double[] labels;
    private final int[] lines;
    /** The CSV column of the labels, for messages; null for svmlight, whose messages name lines. */
    private final String labelColumn;

    /**
     * @param source       where the rows came from, for messages
     * @param featureNames the features' names (CSV columns), or null when they are only numbered (svmlight)
     * @param features     d, the number of features
     * @param rowStart     rows + 1 offsets into index and values
     * @param index        the feature of each stored value, increasing within a row; null for dense rows
     * @param values       the stored values
     * @param labels       one label a row
     * @param lines        the line of the file each row was read from, for messages
     */
    public LabelledRows(String source, List<String> featureNames, int features, int[] rowStart, int[] index,
                        double[] values, double[] labels, int[] lines) {
        this(source, featureNames, features, rowStart, index, values, labels, lines, null);
    }

    private LabelledRows(String source, List<String> featureNames, int features, int[] rowStart, int[] index,
                         double[] values, double[] labels, int[] lines, String labelColumn) {
        if (rowStart.length != labels.length + 1 || lines.length != labels.length) {
            throw new IllegalArgumentException("row offsets, labels and lines disagree on the number of rows");
        }
        if (index == null && values.length != (long) labels.length * features) {
            throw new IllegalArgumentException("dense rows need rows × features values");
        }
        if (featureNames != null && featureNames.size() != features) {
            throw new IllegalArgumentException(featureNames.size() + " names for " + features + " features");
        }
        this.source = source;
        this.featureNames = featureNames == null ? null : List.copyOf(featureNames);
        this.features = features;
        this.rowStart = rowStart;
        this.index = index;
        this.values = values;
        this.labels = labels;
        this.lines = lines;
        this.labelColumn = labelColumn;
    }

    /** Every column of a CSV dataset but the target, as dense rows; the target's values are the labels. */
    public static LabelledRows fromDataset(Dataset data, int target) {
        int width = data.width();
        int d = width - 1;
        int rows = data.rows();
        double[] values = new double[Math.multiplyExact(rows, d)];
        double[] labels = new double[rows];
        int[] rowStart = new int[rows + 1];
        int[] lines = new int[rows];
        double[] all = data.values();
        for (int r = 0; r < rows; r++) {
            // the columns before the target and those after it: two copies, not a loop that tests every cell
            int from = r * width;
            int to = r * d;
            System.arraycopy(all, from, values, to, target);
            System.arraycopy(all, from + target + 1, values, to + target, d - target);
            labels[r] = all[from + target];
            rowStart[r + 1] = to + d;
            lines[r] = r + 1; // for a CSV file, the row (messages say "row", as the CSV loader does)
        }
        List<String> names = new java.util.ArrayList<>(data.columns());
        names.remove(target);
        return new LabelledRows(data.source(), names, d, rowStart, null, values, labels, lines,
                data.columns().get(target));
    }

    public String source() {
        return source;
    }

    public int rows() {
        return labels.length;
    }

    /** d: features are numbered 0 … d − 1. */
    public int features() {
        return features;
    }

    /** Whether every feature of every row is stored (CSV) rather than only the nonzeros (svmlight). */
    public boolean dense() {
        return index == null;
    }

    /** The name of feature j: its CSV column, or its 1-based svmlight index. */
    public String featureName(int j) {
        return featureNames == null ? Integer.toString(j + 1) : featureNames.get(j);
    }

    /** Whether the features have names of their own (CSV columns) rather than numbers. */
    public boolean named() {
        return featureNames != null;
    }

    public int start(int row) {
        return rowStart[row];
    }

    public int end(int row) {
        return rowStart[row + 1];
    }

    /** The feature of stored value k of a row that starts at {@code start}. */
    public int feature(int k, int start) {
        return index == null ? k - start : index[k];
    }

    /** The stored values, for the models' loops. Do not modify. */
    public double[] values() {
        return values;
    }

    public double label(int row) {
        return labels[row];
    }

    /** The line of the file that row {@code row} was read from. */
    public int line(int row) {
        return lines[row];
    }

    /** The stored values in all rows: the nonzeros for sparse rows. */
    public long stored() {
        return rowStart[rowStart.length - 1];
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as rows of their own, e.g. for a validation split. */
    public LabelledRows slice(int from, int to) {
        int[] starts = new int[to - from + 1];
        int base = rowStart[from];
        for (int r = from; r <= to; r++) {
            starts[r - from] = rowStart[r] - base;
        }
        int last = rowStart[to];
        return new LabelledRows(source, featureNames, features, starts,
                index == null ? null : Arrays.copyOfRange(index, base, last), Arrays.copyOfRange(values, base, last),
                Arrays.copyOfRange(labels, from, to), Arrays.copyOfRange(lines, from, to), labelColumn);
    }

    /** The same rows with d raised to {@code d} (sparse rows only: a validation file may name fewer features). */
    public LabelledRows withFeatures(int d) {
        if (d == features) {
            return this;
        }
        if (index == null || d < features) {
            throw new IllegalArgumentException("only sparse rows can gain features: " + features + " → " + d);
        }
        return new LabelledRows(source, null, d, rowStart, index, values, labels, lines, labelColumn);
    }

    /**
     * Makes the labels the two classes of a classifier, {@code negative} and {@code positive} (0 and 1 for binary
     * cross-entropy, −1 and 1 for the logistic and hinge losses), in place. The file's labels must be all 0 or 1, or
     * all −1 or 1; anything else, or a file that mixes 0 and −1, is a {@link DataException} naming the file and line.
     */
    public void toClasses(double negative, double positive) {
        int firstZero = -1;
        int firstMinusOne = -1;
        for (int r = 0; r < labels.length; r++) {
            double label = labels[r];
            if (label == 0 && firstZero < 0) {
                firstZero = r;
            } else if (label == -1 && firstMinusOne < 0) {
                firstMinusOne = r;
            } else if (label != 0 && label != 1 && label != -1) {
                throw new DataException(where(r) + ": the label is " + Labels.text(label)
                        + "; a classifier's labels are 0 and 1, or -1 and 1");
            }
            if (firstZero >= 0 && firstMinusOne >= 0) {
                int other = Math.min(firstZero, firstMinusOne);
                throw new DataException(where(r) + ": the label is " + Labels.text(label)
                        + " but " + (labelColumn == null ? "line " : "row ") + lines[other] + " has "
                        + Labels.text(labels[other])
                        + "; use 0 and 1, or -1 and 1, not both");
            }
        }
        for (int r = 0; r < labels.length; r++) {
            labels[r] = labels[r] == 1 ? positive : negative;
        }
    }

    /** Where row r's label is, for messages: the file and line, and the column of a CSV file. */
    private String where(int r) {
        return labelColumn == null ? source + ", line " + lines[r]
                : source + ", row " + lines[r] + ", column " + labelColumn;
    }
}
