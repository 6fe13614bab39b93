package dev.adagrad.output;

import dev.adagrad.expr.TestFunction;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StopReason;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The summary of a comparison for people: one line per optimizer, best final f first, runs that diverged last.
 * Columns: optimizer, lr, final f, final point, steps to reach the tolerance (— if not reached), the step at which
 * the run diverged (— if it did not). For a named test function, a column "to minimum" after the final point: the
 * distance from the final point to the nearest known minimum.
 */
public final class ComparisonTable {

    /** One optimizer's outcome, with the learning rate it ran at. */
    public record Row(String optimizer, double learningRate, RunResult result) {
    }

    private static final String NONE = "—";

    private ComparisonTable() {
    }

    /** @param testFunction the named function being minimised, or null for a typed expression */
    public static void write(Writer out, List<String> variables, TestFunction testFunction, List<Row> rows)
            throws IOException {
        List<Row> sorted = new ArrayList<>(rows);
        // Stable: ties keep the order the optimizers were given in.
        sorted.sort(Comparator.comparing((Row row) -> row.result().reason() == StopReason.NON_FINITE)
                .thenComparingDouble(row -> row.result().f()));
        List<String[]> cells = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Optimizer", "lr", "final f", "final point"));
        if (testFunction != null) {
            header.add("to minimum");
        }
        header.addAll(List.of("steps to tol", "diverged at"));
        cells.add(header.toArray(String[]::new));
        for (Row row : sorted) {
            RunResult result = row.result();
            List<String> line = new ArrayList<>(List.of(
                    row.optimizer(),
                    NumberText.significant(row.learningRate(), 6),
                    NumberText.significant(result.f(), 6),
                    point(variables, result.x())));
            if (testFunction != null) {
                line.add(result.reason() == StopReason.NON_FINITE ? NONE
                        : NumberText.significant(testFunction.distanceToNearestMinimum(result.x()), 3));
            }
            line.add(result.reason() == StopReason.TOLERANCE_REACHED ? Long.toString(result.steps()) : NONE);
            line.add(result.reason() == StopReason.NON_FINITE ? Long.toString(result.divergence().step()) : NONE);
            cells.add(line.toArray(String[]::new));
        }
        int pointColumn = 3;
        TextTable.write(out, cells, column -> column == 0 || column == pointColumn);
    }

    private static String point(List<String> variables, double[] x) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            text.append(i == 0 ? "" : ", ").append(variables.get(i)).append(" = ")
                    .append(NumberText.significant(x[i], 6));
        }
        return text.toString();
    }
}
