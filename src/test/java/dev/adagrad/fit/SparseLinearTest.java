package dev.adagrad.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logistic regression on an svmlight file against real PyTorch 1.13 in float64 (fixtures and their script in
 * {@code src/test/resources/sparse/}): AdaGrad's sparse steps reproduce torch's dense Adagrad, momentum keeps
 * torch's dense semantics (every weight moves every step), and {@code --lazy} Adam is torch's SparseAdam.
 */
class SparseLinearTest {

    private static final Path SPARSE = Path.of("src/test/resources/sparse");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9.]+(?:[eE][-+]?[0-9]+)?");

    @TempDir
    Path directory;

    /**
     * Fits, checks the per-epoch loss against the fixture and returns the largest difference of a final weight:
     * relative, and absolute.
     */
    private double[] fitAgainst(String fixture, double tolerance, String... options) throws IOException {
        Path weights = directory.resolve("weights.json");
        List<String> args = new ArrayList<>(List.of("fit", "--data", SPARSE.resolve("data.svm").toString(),
                "--model", "logistic", "--batch-size", "4", "--epochs", "3", "--format", "csv", "--save",
                weights.toString()));
        args.addAll(List.of(options));
        CsvTable actual = new CsvTable(Cli.output(args));
        List<String> lines = Files.readAllLines(SPARSE.resolve(fixture));
        assertEquals(List.of("epoch", "step", "loss", "accuracy"), actual.header());
        for (int epoch = 0; epoch <= 3; epoch++) {
            double expected = Double.parseDouble(lines.get(1 + epoch).split(",")[1]);
            assertEquals(expected, actual.number(epoch, "loss"), tolerance * expected, fixture + ", epoch " + epoch);
            assertEquals(10 * epoch, actual.number(epoch, "step"), 0, "40 rows in batches of 4");
        }
        String[] expected = lines.get(5).split(",");
        List<Double> saved = new ArrayList<>();
        Matcher number = NUMBER.matcher(Files.readString(weights).replaceAll("\"[A-Za-z0-9]+\"", ""));
        while (number.find()) {
            saved.add(Double.parseDouble(number.group()));
        }
        assertEquals(expected.length - 1, saved.size(), "28 weights and the bias: " + saved);
        double relative = 0;
        double absolute = 0;
        for (int i = 1; i < expected.length; i++) {
            double e = Double.parseDouble(expected[i]);
            double difference = Math.abs(e - saved.get(i - 1));
            relative = Math.max(relative, difference / Math.max(Math.abs(e), 1e-12));
            absolute = Math.max(absolute, difference);
        }
        return new double[] {relative, absolute};
    }

    @Test
    void adagradsSparseStepsAreTorchsDenseAdagrad() throws IOException {
        assertEquals(0, fitAgainst("adagrad.csv", 1e-12, "--optimizer", "adagrad", "--lr", "0.5")[0], 1e-12);
    }

    @Test
    void momentumMovesEveryWeightEveryStepAsTorchDoes() throws IOException {
        assertEquals(0, fitAgainst("momentum.csv", 1e-12, "--optimizer", "momentum", "--lr", "0.2")[0], 1e-12);
    }

    /**
     * {@code --lazy} steps only the weights of the batch's features, with the global step in the bias corrections:
     * torch's SparseAdam. SparseAdam puts ε after scaling by √(1 − β₂ᵗ) where Adam adds it to √v̂; adagrad keeps
     * Adam's documented formula, which the fixture's hand-written lazy Adam (on torch's autograd gradients) follows
     * to the last digit, and which SparseAdam itself matches to a few parts in a million.
     */
    @Test
    void lazyAdamIsTorchsSparseAdamWithAdamsEpsilon() throws IOException {
        String[] lazy = {"--optimizer", "adam", "--lr", "0.05", "--lazy"};
        assertEquals(0, fitAgainst("lazy-adam.csv", 1e-12, lazy)[0], 1e-12);
        assertEquals(0, fitAgainst("sparse-adam.csv", 1e-7, lazy)[1], 1e-5);
    }
}
