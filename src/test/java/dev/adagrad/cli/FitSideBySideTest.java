package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fit --optimizers: several optimizers on the same data, side by side. */
class FitSideBySideTest {

    @TempDir
    Path directory;

    private Path seedPoints() throws Exception {
        Path points = directory.resolve("points.csv");
        Files.writeString(points, "x,y\n1,2\n2,4\n3,6\n4,8\n");
        return points;
    }

    @Test
    void longRowsCarryEachOptimizersEpochsInTheOrderGiven() throws Exception {
        Cli.Result result = Cli.run("fit", "--data", seedPoints().toString(), "--loss", "(w*x+b-y)^2", "--params",
                "w=0,b=0", "--optimizers", "sgd,adagrad", "--set", "sgd.lr=0.01", "--set", "adagrad.lr=0.1",
                "--epochs", "10", "--print-every", "10", "--format", "csv");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals("optimizer,epoch,step,loss,w,b", lines.get(0));
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).startsWith("sgd,0,0,30.0,"), lines.get(1)); // mean of (2x)² over x = 1..4
        assertTrue(lines.get(3).startsWith("adagrad,0,0,30.0,"), lines.get(3));
        // Seed 000's PyTorch loop prints "Epoch 10, Loss: 14.2909" for Adagrad(lr=0.1) from w = b = 0.
        assertEquals(14.2909, Double.parseDouble(lines.get(4).split(",")[3]), 5e-5);
    }

    /**
     * SGD's first step by hand: at w = b = 0 the gradient of mean((w·x + b − 2x)²) is (−4·mean(x²), −2·mean(2x)) =
     * (−30, −10); with lr 0.01, w = 0.3 and b = 0.1, and the loss is mean((0.1 − 1.7x)²) = (2.56 + 10.89 + 25 +
     * 44.89) / 4 = 20.835.
     */
    @Test
    void eachOptimizerRunsWithItsOwnSettings() throws Exception {
        Cli.Result result = Cli.run("fit", "--data", seedPoints().toString(), "--loss", "(w*x+b-y)^2", "--params",
                "w=0,b=0", "--optimizers", "sgd,adam", "--set", "sgd.lr=0.01", "--epochs", "1", "--format",
                "jsonl");
        assertEquals(0, result.exitCode(), result.err());
        String sgd = result.out().lines().filter(line -> line.startsWith("{\"optimizer\":\"sgd\",\"epoch\":1,"))
                .findFirst().orElseThrow();
        assertTrue(sgd.matches(".*\"loss\":20\\.83(49999\\d*|50000\\d*|5),\"w\":0\\.(29999\\d*|30000\\d*|3),.*"),
                sgd);
    }

    @Test
    void theTableSortsByFinalLossAndThePlotHasEveryCurve() throws Exception {
        Path picture = directory.resolve("loss.png");
        Cli.Result result = Cli.run("fit", "--data", seedPoints().toString(), "--loss", "(w*x+b-y)^2", "--params",
                "w=0,b=0", "--optimizers", "sgd,adagrad", "--set", "sgd.lr=0.01", "--set", "adagrad.lr=0.1",
                "--epochs", "30", "--plot", picture.toString());
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertTrue(lines.get(0).startsWith("Optimizer | lr "), lines.get(0));
        // SGD at 0.01 on this well-scaled problem ends far below AdaGrad at 0.1 (which is still at 6.3 by epoch 30).
        assertTrue(lines.get(2).startsWith("sgd "), result.out());
        assertTrue(lines.get(3).startsWith("adagrad "), result.out());
        assertTrue(Files.size(picture) > 1000);
    }

    @Test
    void settingsForOneOptimizerGoWithoutOptimizersAndViceVersa() throws Exception {
        String data = seedPoints().toString();
        for (String[] args : List.of(
                new String[] {"--optimizers", "sgd,adam", "--weight-decay", "0.1"},
                new String[] {"--optimizers", "sgd,adam", "--optimizer", "adam"},
                new String[] {"--set", "sgd.lr=0.1"},
                new String[] {"--optimizers", "sgd,sgd"},
                new String[] {"--optimizers", "sgd", "--set", "adam.lr=0.1"})) {
            List<String> all = new java.util.ArrayList<>(List.of("fit", "--data", data, "--loss", "(w*x+b-y)^2",
                    "--params", "w=0,b=0"));
            all.addAll(List.of(args));
            Cli.Result result = Cli.run(all.toArray(String[]::new));
            assertEquals(2, result.exitCode(), String.join(" ", args) + ": " + result.err());
            assertTrue(result.err().startsWith("adagrad fit: "), result.err());
        }
    }

    /** Issue 12, item 8: as in compare, one --lr is every optimizer's rate; each then follows its own update. */
    @Test
    void oneLearningRateIsSharedByEveryOptimizer() throws Exception {
        String data = seedPoints().toString();
        CsvTable shared = new CsvTable(Cli.output(List.of("fit", "--data", data, "--loss", "(w*x+b-y)^2",
                "--params", "w=0,b=0", "--optimizers", "sgd,adagrad", "--lr", "0.05", "--epochs", "1",
                "--format", "csv")));
        // Epoch 1 from w = b = 0 on x = 1..4, y = 2x: ∂/∂w mean (wx + b − y)² = mean(−2·2x·x) = −30 and
        // ∂/∂b = mean(−2·2x) = −10, by hand. SGD: w = 0.05·30 = 1.5, b = 0.5; AdaGrad's first step is lr·g/|g|.
        assertEquals(1.5, shared.number(1, "w"), 1e-6);
        assertEquals(0.5, shared.number(1, "b"), 1e-6);
        assertEquals(0.05, shared.number(3, "w"), 1e-6);
        assertEquals(0.05, shared.number(3, "b"), 1e-6);
    }
}
