package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's PyTorch example: nn.Linear(1, 1) on x = 1..4, y = 2x, nn.MSELoss, optim.Adagrad(lr=0.1), 100 epochs,
 * here from w = 0, b = 0. The expected values are computed below from the closed-form gradient of the mean squared
 * error and PyTorch's documented Adagrad update, not by the program's own code (which takes central differences).
 */
class FitSeedTest {

    private static final double[] X = {1, 2, 3, 4};
    private static final double[] Y = {2, 4, 6, 8};

    @TempDir
    Path directory;

    /** Loss, w and b after each epoch 0..epochs, full batch: [epoch][loss, w, b]. */
    private static double[][] reference(int epochs, double lr) {
        double w = 0;
        double b = 0;
        double sumW = 0;
        double sumB = 0;
        double[][] rows = new double[epochs + 1][];
        for (int epoch = 0; ; epoch++) {
            double loss = 0;
            double gradW = 0;
            double gradB = 0;
            for (int i = 0; i < X.length; i++) {
                double residual = w * X[i] + b - Y[i];
                loss += residual * residual / X.length;
                gradW += 2 * residual * X[i] / X.length; // ∂/∂w of mean (wx + b − y)²
                gradB += 2 * residual / X.length;
            }
            rows[epoch] = new double[] {loss, w, b};
            if (epoch == epochs) {
                return rows;
            }
            sumW += gradW * gradW; // G += g²
            sumB += gradB * gradB;
            w -= lr * gradW / (Math.sqrt(sumW) + 1e-10); // p −= lr·g/(√G + eps)
            b -= lr * gradB / (Math.sqrt(sumB) + 1e-10);
        }
    }

    private Path points() throws IOException {
        Path file = directory.resolve("points.csv");
        Files.writeString(file, "x,y\n1,2\n2,4\n3,6\n4,8\n");
        return file;
    }

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertEquals(expected, actual, tolerance * Math.max(Math.abs(expected), 1e-12), what);
    }

    @Test
    void everyEpochFollowsPyTorchsAdagradToOnePartInAHundredThousand() throws IOException {
        double[][] expected = reference(100, 0.1);

        CsvTable table = new CsvTable(Cli.output(List.of("fit", "--data", points().toString(), "--loss",
                "(w*x+b-y)^2", "--params", "w=0,b=0", "--lr", "0.1", "--epochs", "100", "--format", "csv")));

        assertEquals(List.of("epoch", "step", "loss", "w", "b"), table.header());
        assertEquals(101, table.size());
        for (int epoch = 0; epoch <= 100; epoch++) {
            assertEquals(epoch, table.number(epoch, "epoch"));
            assertEquals(epoch, table.number(epoch, "step"), "full batch: one step per epoch");
            assertRelative(expected[epoch][0], table.number(epoch, "loss"), 1e-5, "loss at epoch " + epoch);
            assertRelative(expected[epoch][1], table.number(epoch, "w"), 1e-5, "w at epoch " + epoch);
            assertRelative(expected[epoch][2], table.number(epoch, "b"), 1e-5, "b at epoch " + epoch);
        }
    }

    /** With the exact gradient the only difference from the closed-form reference is rounding. */
    @Test
    void withTheExactGradientEveryEpochAgreesToOnePartInTenBillion() throws IOException {
        double[][] expected = reference(100, 0.1);

        CsvTable table = new CsvTable(Cli.output(List.of("fit", "--data", points().toString(), "--loss",
                "(w*x+b-y)^2", "--params", "w=0,b=0", "--lr", "0.1", "--epochs", "100", "--grad", "exact",
                "--format", "csv")));

        for (int epoch = 0; epoch <= 100; epoch++) {
            assertRelative(expected[epoch][0], table.number(epoch, "loss"), 1e-10, "loss at epoch " + epoch);
            assertRelative(expected[epoch][1], table.number(epoch, "w"), 1e-10, "w at epoch " + epoch);
            assertRelative(expected[epoch][2], table.number(epoch, "b"), 1e-10, "b at epoch " + epoch);
        }
    }

    /**
     * The seed's loop prints, for epoch in range(100) with epoch % 10 == 0, the loss computed before that epoch's
     * step: the loss after `epoch` steps. fit's row for epoch e is the loss after e epochs, so rows 0, 10, …, 90 of
     * --print-every 10 are the numbers PyTorch prints; fit adds row 100.
     */
    @Test
    void printEveryTenGivesTheLinesThePyTorchScriptPrints() throws IOException {
        List<String> pytorch = new ArrayList<>();
        double w = 0;
        double b = 0;
        double sumW = 0;
        double sumB = 0;
        for (int epoch = 0; epoch < 100; epoch++) {
            double loss = 0;
            double gradW = 0;
            double gradB = 0;
            for (int i = 0; i < X.length; i++) {
                double residual = w * X[i] + b - Y[i];
                loss += residual * residual / X.length;
                gradW += 2 * residual * X[i] / X.length;
                gradB += 2 * residual / X.length;
            }
            sumW += gradW * gradW;
            sumB += gradB * gradB;
            w -= 0.1 * gradW / (Math.sqrt(sumW) + 1e-10);
            b -= 0.1 * gradB / (Math.sqrt(sumB) + 1e-10);
            if (epoch % 10 == 0) {
                pytorch.add(String.format(java.util.Locale.ROOT, "Epoch %d, Loss: %.4f", epoch, loss));
            }
        }

        String out = Cli.output(List.of("fit", "--data", points().toString(), "--loss", "(w*x+b-y)^2", "--params",
                "w=0,b=0", "--lr", "0.1", "--epochs", "100", "--print-every", "10", "--format", "csv"));
        CsvTable table = new CsvTable(out);
        List<String> fit = new ArrayList<>();
        for (int row = 0; row < table.size() - 1; row++) {
            fit.add(String.format(java.util.Locale.ROOT, "Epoch %d, Loss: %.4f", (long) table.number(row, "epoch"),
                    table.number(row, "loss")));
        }

        assertEquals(pytorch, fit);
        assertEquals(100, table.number(table.size() - 1, "epoch"), "the last epoch is always printed");
        // The seed's first line by hand: at w = b = 0 the loss is the mean of y², (4 + 16 + 36 + 64) / 4.
        assertEquals("Epoch 0, Loss: 30.0000", pytorch.get(0));
    }

    @Test
    void theTableEndsWithTheFinalLossAndParameters() throws IOException {
        double[] last = reference(100, 0.1)[100];

        Cli.Result result = Cli.run("fit", "--data", points().toString(), "--loss", "(w*x+b-y)^2", "--params",
                "w=0,b=0", "--lr", "0.1", "--epochs", "100", "--print-every", "10");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        assertEquals(2 + 11 + 2, lines.length, result.out());
        assertEquals("Epoch | Step | Loss          | w             | b", lines[0]);
        assertEquals("    0 |    0 |     30.000000 |      0.000000 |      0.000000", lines[2]);
        java.util.regex.Matcher done = java.util.regex.Pattern
                .compile("Done: 100 epochs, 100 steps; loss = (\\S+)").matcher(lines[13]);
        java.util.regex.Matcher parameters = java.util.regex.Pattern
                .compile("Final parameters: w = (\\S+), b = (\\S+)").matcher(lines[14]);
        assertEquals(true, done.matches(), lines[13]);
        assertEquals(true, parameters.matches(), lines[14]);
        assertRelative(last[0], Double.parseDouble(done.group(1)), 1e-5, "final loss");
        assertRelative(last[1], Double.parseDouble(parameters.group(1)), 1e-5, "final w");
        assertRelative(last[2], Double.parseDouble(parameters.group(2)), 1e-5, "final b");
    }
}
