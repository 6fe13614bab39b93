package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code rprop} and {@code asgd} against real {@code torch.optim.Rprop} and {@code torch.optim.ASGD} of PyTorch 1.13:
 * float64 trajectories with autograd gradients written by {@code src/test/resources/torch-new-optimizers/generate.py}
 * (the worked example's w² + 10b², Rosenbrock from (−1.5, 2) and a non-separable x² + 3y² + xy + sin(x + y), each
 * with PyTorch's defaults and other settings). Every column of the fixture (f, x, the gradient and the state torch
 * keeps: step_size and prev, ax) must agree at {@value #EXACT_TOLERANCE} relative with {@code --grad exact} and at
 * {@value #CENTRAL_TOLERANCE} with central differences; values below {@value #FLOOR} in magnitude are compared
 * absolutely, to the tolerance times that floor.
 */
class TorchNewOptimizersTest {

    private static final String FOLDER = "/torch-new-optimizers/";
    private static final double EXACT_TOLERANCE = 1e-10;
    private static final double CENTRAL_TOLERANCE = 1e-5;
    private static final double FLOOR = 1e-3;
    /** The optimizers whose fixtures this test runs. */
    private static final Set<String> OPTIMIZERS = Set.of("rprop", "asgd", "lbfgs");

    static Stream<Arguments> cases() {
        CsvTable index = new CsvTable(resource("cases.csv"));
        List<Arguments> cases = new ArrayList<>();
        for (int row = 0; row < index.size(); row++) {
            if (!OPTIMIZERS.contains(index.cell(row, "optimizer"))) {
                continue;
            }
            for (String gradient : List.of("exact", "central")) {
                cases.add(Arguments.of(index.cell(row, "case"), index.cell(row, "optimizer"),
                        index.cell(row, "function"), index.cell(row, "x0").replace(';', ','),
                        index.cell(row, "steps"), index.cell(row, "options"), gradient));
            }
        }
        assertTrue(cases.size() >= 38, "the fixtures hold " + cases.size() / 2 + " cases");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} --grad {6}")
    @MethodSource("cases")
    void agreesWithTorch(String name, String optimizer, String function, String x0, String steps, String options,
                         String gradient) {
        List<String> args = new ArrayList<>(List.of("run", "--f", function, "--x0", x0, "--optimizer", optimizer,
                "--steps", steps, "--format", "csv", "--grad", gradient));
        if (!options.isBlank()) {
            args.addAll(Arrays.asList(options.split(" ")));
        }
        CsvTable ours = new CsvTable(Cli.output(args));
        CsvTable torch = new CsvTable(resource(name + ".csv"));
        assertEquals(torch.size(), ours.size(), "rows");
        double tolerance = gradient.equals("exact") ? EXACT_TOLERANCE : CENTRAL_TOLERANCE;
        for (int row = 0; row < torch.size(); row++) {
            for (String column : torch.header()) {
                String expected = torch.cell(row, column);
                if (expected.isEmpty()) {
                    assertEquals("", ours.cell(row, column), column + " at row " + row);
                    continue;
                }
                double want = Double.parseDouble(expected);
                double got = ours.number(row, column);
                double scale = Math.max(FLOOR, Math.max(Math.abs(want), Math.abs(got)));
                if (!(Math.abs(got - want) <= tolerance * scale)) {
                    fail(name + " --grad " + gradient + ": " + column + " at step " + row + " is " + got
                            + ", torch " + want);
                }
            }
        }
    }

    private static String resource(String file) {
        try (InputStream in = TorchNewOptimizersTest.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + FOLDER + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
