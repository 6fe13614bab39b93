package dev.adagrad.output;

import dev.adagrad.fit.FitResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Several fits side by side, for people: one line per optimizer, lowest final loss first, fits that diverged last.
 * Columns: optimizer, lr, final loss, accuracy (for a classifier), steps, the epoch at which the fit diverged.
 */
public final class FitComparisonTable {

    /** One optimizer's fit, with the learning rate it ran at. */
    public record Row(String optimizer, double learningRate, FitResult result) {
    }

    private static final String NONE = "—";

    private FitComparisonTable() {
    }

    public static void write(Writer out, boolean classification, List<Row> rows) throws IOException {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing((Row row) -> row.result().diverged())
                .thenComparingDouble(row -> row.result().loss()));
        List<String[]> cells = new ArrayList<>();
        cells.add(classification
                ? new String[] {"Optimizer", "lr", "final loss", "accuracy", "epochs", "steps", "diverged at epoch"}
                : new String[] {"Optimizer", "lr", "final loss", "epochs", "steps", "diverged at epoch"});
        for (Row row : sorted) {
            FitResult result = row.result();
            List<String> line = new ArrayList<>(List.of(row.optimizer(),
                    NumberText.significant(row.learningRate(), 6), NumberText.significant(result.loss(), 6)));
            if (classification) {
                line.add(NumberText.significant(result.accuracy(), 4));
            }
            line.add(Long.toString(result.epochs()));
            line.add(Long.toString(result.steps()));
            line.add(result.diverged() ? Long.toString(result.divergence().epoch()) : NONE);
            cells.add(line.toArray(String[]::new));
        }
        TextTable.write(out, cells, column -> column == 0);
    }
}
