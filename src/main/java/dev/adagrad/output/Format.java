package dev.adagrad.output;

import java.io.Writer;

/** The output formats of a run; the names are the values of {@code --format}. */
public enum Format {
    table, csv, jsonl;

    /** The table width that shows every column. */
    public static final int WIDE = TableWriter.WIDE;

    /** A writer of this format over {@code out}; a table shows every column. */
    public RunWriter writer(Writer out, RunShape shape) {
        return writer(out, shape, WIDE);
    }

    /**
     * A writer of this format over {@code out}; a table fits {@code tableWidth} characters where it can (fewer
     * decimals, narrow cells, then fewer columns: {@link RunWriter#narrowing} says what went), the other formats
     * ignore it.
     */
    public RunWriter writer(Writer out, RunShape shape, int tableWidth) {
        return switch (this) {
            case table -> new TableWriter(out, shape, tableWidth);
            case csv -> new CsvWriter(out, shape.variables(), shape.stateColumns());
            case jsonl -> new JsonLinesWriter(out, shape.variables(), shape.stateColumns());
        };
    }
}
