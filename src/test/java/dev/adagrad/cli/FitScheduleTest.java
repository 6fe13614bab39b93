package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fit's schedule steps once per epoch by default and once per optimizer step with {@code --schedule-every step}:
 * with γ = 0 after the first scheduler step, the weights move in the first epoch only, or in its first step only.
 */
class FitScheduleTest {

    private static final String DATA = "x1,y\n0,1\n1,3\n2,5\n3,7\n";

    private static CsvTable fit(Path dir, String... extra) throws IOException {
        Path data = dir.resolve("line.csv");
        Files.writeString(data, DATA);
        String[] base = {"fit", "--data", data.toString(), "--model", "linear", "--optimizer", "sgd", "--lr", "0.1",
            "--epochs", "3", "--batch-size", "2", "--format", "csv", "--schedule", "step:step_size=1,gamma=0"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Cli.Result result = Cli.run(args);
        assertEquals(0, result.exitCode(), result.err());
        return new CsvTable(result.out());
    }

    @Test
    void everyEpochByDefault(@TempDir Path dir) throws IOException {
        CsvTable rows = fit(dir);
        assertNotEquals(rows.cell(0, "w_x1"), rows.cell(1, "w_x1"), "epoch 1 moves (two steps at lr 0.1)");
        assertEquals(rows.cell(1, "w_x1"), rows.cell(3, "w_x1"), "after epoch 1 the rate is 0");
        // Epoch 1 by hand: rows (0,1),(1,3) then (2,5),(3,7); mean squared error's gradient 2·mean(e·x), 2·mean(e).
        double w = 0;
        double b = 0;
        double[][] batches = {{0, 1, 1, 3}, {2, 5, 3, 7}};
        for (double[] batch : batches) {
            double e1 = w * batch[0] + b - batch[1];
            double e2 = w * batch[2] + b - batch[3];
            double gw = (e1 * batch[0] + e2 * batch[2]);
            double gb = (e1 + e2);
            w -= 0.1 * gw;
            b -= 0.1 * gb;
        }
        assertEquals(w, rows.number(1, "w_x1"), 1e-12);
        assertEquals(b, rows.number(1, "b"), 1e-12);
    }

    @Test
    void everyStepWhenAsked(@TempDir Path dir) throws IOException {
        CsvTable rows = fit(dir, "--schedule-every", "step");
        // Only the first batch moves: w = −0.1·(e1·0 + e2·1) with e = (−1, −3), b = −0.1·(−1 − 3).
        assertEquals(0.3, rows.number(1, "w_x1"), 1e-12);
        assertEquals(0.4, rows.number(1, "b"), 1e-12);
        assertEquals(rows.cell(1, "w_x1"), rows.cell(3, "w_x1"));
    }
}
