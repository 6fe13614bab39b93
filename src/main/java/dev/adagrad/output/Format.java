package dev.adagrad.output;

import java.io.Writer;

/** The output formats of a run; the names are the values of {@code --format}. */
public enum Format {
    table, csv, jsonl;

    /** A writer of this format over {@code out}. */
    public RunWriter writer(Writer out, RunShape shape) {
        return switch (this) {
            case table -> new TableWriter(out, shape);
            case csv -> new CsvWriter(out, shape.variables(), shape.stateColumns());
            case jsonl -> new JsonLinesWriter(out, shape.variables(), shape.stateColumns());
        };
    }
}
