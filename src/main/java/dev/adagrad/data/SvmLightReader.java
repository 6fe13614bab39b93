package dev.adagrad.data;

import com.fasterxml.jackson.core.io.NumberInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;

/**
 * Reads the svmlight / LIBSVM format into sparse {@link LabelledRows}: one row a line, {@code label index:value …}
 * with 1-based feature indices in increasing order, an optional {@code qid:N} (ignored), {@code #} to the end of a
 * line a comment, blank lines skipped. d is the largest index seen. Values of 0 are not stored.
 *
 * <p>A malformed line is a {@link DataException} naming the file, the line and the column (the 1-based character
 * where the bad token starts): no label, an index of 0 or not a whole number, a value that is not a number, indices
 * out of order or repeated.
 */
public final class SvmLightReader {

    /** The most features: the model's weights and the optimizer's state are dense, several arrays of d doubles. */
    public static final int MAX_FEATURES = 10_000_000;

    private final String name;
    private int rows;
    private int stored;
    private int features;
    private int[] rowStart = new int[1024];
    private int[] index = new int[1 << 14];
    private double[] values = new double[1 << 14];
    private double[] labels = new double[1024];
    private int[] lines = new int[1024];

    private SvmLightReader(String name) {
        this.name = name;
    }

    /** Reads every line of {@code reader}; {@code name} names the source in messages. */
    public static LabelledRows read(String name, BufferedReader reader) throws IOException {
        return new SvmLightReader(name).readAll(reader);
    }

    private LabelledRows readAll(BufferedReader reader) throws IOException {
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            parse(line, lineNumber);
        }
        if (rows == 0) {
            throw DataException.file(name, "no rows: every line is blank or a comment");
        }
        return new LabelledRows(name, null, features, Arrays.copyOf(rowStart, rows + 1),
                Arrays.copyOf(index, stored), Arrays.copyOf(values, stored), Arrays.copyOf(labels, rows),
                Arrays.copyOf(lines, rows));
    }

    private void parse(String line, int lineNumber) {
        int end = line.indexOf('#');
        if (end < 0) {
            end = line.length();
        }
        int i = skipSpace(line, 0, end);
        if (i == end) {
            return;
        }
        int tokenEnd = tokenEnd(line, i, end);
        String label = line.substring(i, tokenEnd);
        if (label.indexOf(':') >= 0) {
            throw error(lineNumber, i, "no label: the line starts with '" + DataException.shorten(label)
                    + "' where its label must be");
        }
        double labelValue = number(label, lineNumber, i, "the label");
        startRow(labelValue, lineNumber);
        int previous = 0;
        for (i = skipSpace(line, tokenEnd, end); i < end; i = skipSpace(line, tokenEnd, end)) {
            tokenEnd = tokenEnd(line, i, end);
            int colon = line.indexOf(':', i);
            if (colon < 0 || colon >= tokenEnd) {
                throw error(lineNumber, i, "'" + DataException.shorten(line.substring(i, tokenEnd))
                        + "' is not index:value");
            }
            if (line.startsWith("qid", i) && colon == i + 3) {
                continue;
            }
            int feature = featureIndex(line, i, colon, lineNumber);
            if (feature <= previous) {
                throw error(lineNumber, i, feature == previous ? "index " + feature + " is repeated"
                        : "index " + feature + " comes after index " + previous + "; indices must increase");
            }
            previous = feature;
            double value = number(line.substring(colon + 1, tokenEnd), lineNumber, colon + 1,
                    "the value of feature " + feature);
            if (value != 0) {
                add(feature - 1, value);
            }
            features = Math.max(features, feature);
        }
        rows++;
        rowStart[rows] = stored;
    }

    private int featureIndex(String line, int from, int colon, int lineNumber) {
        String text = line.substring(from, colon);
        if (text.isEmpty()) {
            throw error(lineNumber, from, "a value without an index");
        }
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                throw error(lineNumber, from, "the index '" + DataException.shorten(text) + "' is not a whole number");
            }
        }
        long feature = text.length() > 10 ? Long.MAX_VALUE : Long.parseLong(text);
        if (feature == 0) {
            throw error(lineNumber, from, "index 0: svmlight indices start at 1");
        }
        if (feature > MAX_FEATURES) {
            throw error(lineNumber, from, "index " + DataException.shorten(text) + " is above the limit of "
                    + MAX_FEATURES
                    + " features");
        }
        return (int) feature;
    }

    private double number(String text, int lineNumber, int column, String what) {
        if (!CsvDataLoader.isNumber(text)) {
            throw error(lineNumber, column, what + " '" + DataException.shorten(text) + "' is not a number");
        }
        double value = NumberInput.parseDouble(text, true);
        if (Double.isInfinite(value)) {
            throw error(lineNumber, column, what + " '" + DataException.shorten(text) + "' is too large for a double");
        }
        return value;
    }

    private void startRow(double label, int lineNumber) {
        if (rows + 2 > rowStart.length) {
            int grown = Math.multiplyExact(rowStart.length, 2);
            rowStart = Arrays.copyOf(rowStart, grown);
            labels = Arrays.copyOf(labels, grown);
            lines = Arrays.copyOf(lines, grown);
        }
        labels[rows] = label;
        lines[rows] = lineNumber;
    }

    private void add(int feature, double value) {
        if (stored == index.length) {
            if (stored > Integer.MAX_VALUE / 2 - 8) {
                throw DataException.file(name, "more than " + stored + " nonzeros do not fit in one array");
            }
            index = Arrays.copyOf(index, stored * 2);
            values = Arrays.copyOf(values, stored * 2);
        }
        index[stored] = feature;
        values[stored] = value;
        stored++;
    }

    private static int skipSpace(String line, int i, int end) {
        while (i < end && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    private static int tokenEnd(String line, int i, int end) {
        while (i < end && line.charAt(i) != ' ' && line.charAt(i) != '\t' && line.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private DataException error(int line, int index, String problem) {
        return new DataException(name + ", line " + line + ", column " + (index + 1) + ": " + problem);
    }

}
