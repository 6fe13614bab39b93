package dev.adagrad.output;

import dev.adagrad.run.StepListener;
import dev.adagrad.run.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * The long rows of a comparison, {@code optimizer,step,f,<v1>,…,<vn>}, one per optimizer and step, as CSV or JSON
 * Lines: the shape plotting tools want. One instance writes one optimizer's rows.
 */
public final class TrajectoryWriter implements StepListener {

    private final Writer out;
    private final Format format;
    private final String optimizerCell;
    private final String[] jsonKeys;

    public TrajectoryWriter(Writer out, Format format, String optimizer, List<String> variables) {
        if (format == Format.table) {
            throw new IllegalArgumentException("trajectories are written as csv or jsonl");
        }
        this.out = out;
        this.format = format;
        this.optimizerCell = format == Format.csv ? optimizer
                : "{" + JsonLinesWriter.quote("optimizer") + ":" + JsonLinesWriter.quote(optimizer);
        List<String> keys = keys(variables);
        this.jsonKeys = keys.stream().map(key -> "," + JsonLinesWriter.quote(key) + ":").toArray(String[]::new);
    }

    /** The CSV header line (with its newline); JSON Lines has none. */
    public static String header(Format format, List<String> variables) {
        return format == Format.csv ? "optimizer," + String.join(",", keys(variables)) + "\n" : "";
    }

    private static List<String> keys(List<String> variables) {
        java.util.ArrayList<String> keys = new java.util.ArrayList<>(List.of("step", "f"));
        keys.addAll(variables);
        return keys;
    }

    @Override
    public void onStep(StepRecord row) {
        try {
            out.write(optimizerCell);
            cell(0, Long.toString(row.step()));
            cell(1, number(row.f()));
            for (int i = 0; i < row.dimension(); i++) {
                cell(2 + i, number(row.x(i)));
            }
            out.write(format == Format.csv ? "\n" : "}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void cell(int column, String text) throws IOException {
        out.write(format == Format.csv ? "," : jsonKeys[column]);
        out.write(text);
    }

    private String number(double value) {
        return format == Format.jsonl && !Double.isFinite(value) ? "null" : NumberText.shortest(value);
    }
}
