package dev.adagrad.output;

import dev.adagrad.run.Sweep;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A learning-rate sweep's result: for people, one line per optimizer with its best rate; for programs, every run as
 * a row {@code optimizer,lr,final_f,diverged}.
 */
public final class SweepReport {

    private static final String NONE = "—";

    private SweepReport() {
    }

    /** The per-optimizer table: best lr, its final f, steps to tolerance, and how many rates diverged. */
    public static void table(Writer out, List<Sweep.Outcome> outcomes, double[] learningRates) throws IOException {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"Optimizer", "best lr", "final f", "steps to tol", "diverged"});
        for (Sweep.Outcome outcome : outcomes) {
            String diverged = outcome.divergedCount() + " of " + outcome.points().size();
            cells.add(outcome.best().map(best -> new String[] {
                    outcome.optimizer(),
                    NumberText.significant(best.learningRate(), 4) + (outcome.bestAtAnEnd() ? "*" : ""),
                    NumberText.significant(best.result().f(), 6),
                    best.reachedTolerance() ? Long.toString(best.result().steps()) : NONE,
                    diverged}).orElse(new String[] {outcome.optimizer(), NONE,
                    outcome.stoppedEarlyCount() > 0 ? "none finished" : "all diverged", NONE, diverged}));
        }
        TextTable.write(out, cells, column -> column == 0);
        long stoppedEarly = outcomes.stream().mapToLong(Sweep.Outcome::stoppedEarlyCount).sum();
        if (stoppedEarly > 0) {
            long runs = outcomes.stream().mapToLong(outcome -> outcome.points().size()).sum();
            out.write(stoppedEarly + " of " + runs + " runs were stopped early (--max-seconds or an interrupt) and "
                    + "are not candidates for the best rate.\n");
        }
        if (outcomes.stream().anyMatch(Sweep.Outcome::bestAtAnEnd)) {
            out.write("* at an end of the range: the best rate may lie beyond it; widen --lr to see.\n");
        }
        out.write(learningRates.length + " learning rates from " + NumberText.significant(learningRates[0], 4)
                + " to " + NumberText.significant(learningRates[learningRates.length - 1], 4)
                + ", log-spaced; best = reached the tolerance in the fewest steps, else the lowest final f.\n");
        out.flush();
    }

    /** Every run as CSV ({@code optimizer,lr,final_f,diverged}) or JSON Lines, at full precision. */
    public static void rows(Writer out, Format format, List<Sweep.Outcome> outcomes) throws IOException {
        header(out, format);
        for (Sweep.Outcome outcome : outcomes) {
            for (Sweep.Point point : outcome.points()) {
                row(out, format, point);
            }
        }
        out.flush();
    }

    /** What {@link #rows} writes first: CSV's header line; nothing for JSON Lines. */
    public static void header(Writer out, Format format) throws IOException {
        if (format == Format.csv) {
            out.write("optimizer,lr,final_f,diverged\n");
        }
    }

    /** One run's line, as {@link #rows} writes it. */
    public static void row(Writer out, Format format, Sweep.Point point) throws IOException {
        String f = NumberText.shortest(point.result().f());
        String learningRate = NumberText.shortest(point.learningRate());
        if (format == Format.csv) {
            out.write(point.optimizer() + "," + learningRate + "," + f + "," + point.diverged() + "\n");
        } else {
            out.write("{\"optimizer\":" + JsonLinesWriter.quote(point.optimizer()) + ",\"lr\":"
                    + learningRate + ",\"final_f\":"
                    + (Double.isFinite(point.result().f()) ? f : "null") + ",\"diverged\":"
                    + point.diverged() + "}\n");
        }
    }
}
