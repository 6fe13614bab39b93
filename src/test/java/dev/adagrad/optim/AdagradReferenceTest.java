package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adagrad.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@code adagrad run --format csv} against an independent AdaGrad written in this class straight from
 * PyTorch's documented algorithm for {@code torch.optim.Adagrad} (float64), plus the Keras/TF.js variant with ε
 * inside the square root. The reference uses analytic gradients derived by hand for each objective, not central
 * differences, and shares no code with the program: the program is only run through {@link Main#run}.
 *
 * <p>Every row's f, x, G and effective learning rate must agree with the reference to {@value #RELATIVE_TOLERANCE}
 * relative; the remaining difference comes from the program's central-difference gradient.
 */
class AdagradReferenceTest {

    private static final double RELATIVE_TOLERANCE = 1e-5;
    /** Values smaller than this in magnitude are compared absolutely, to {@code RELATIVE_TOLERANCE · this}. */
    private static final double RELATIVE_FLOOR = 1e-3;

    // torch.optim.Adagrad's documented defaults (the program's too); lr is given per objective.
    private static final double DEFAULT_LR_DECAY = 0;
    private static final double DEFAULT_WEIGHT_DECAY = 0;
    private static final double DEFAULT_INITIAL_ACCUMULATOR_VALUE = 0;
    private static final double DEFAULT_EPS = 1e-10;

    // ---------------------------------------------------------------------------------------------------------------
    // Objectives with hand-derived gradients
    // ---------------------------------------------------------------------------------------------------------------

    /** An objective as the program reads it (expression, variables in order of first appearance) and by hand. */
    private record Objective(String name, String expression, List<String> variables, double[] start, double lr,
                             int steps, ToDoubleFunction<double[]> value, Function<double[], double[]> gradient) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Objective ROSENBROCK = new Objective(
            "Rosenbrock", "(1-x)^2+100*(y-x^2)^2", List.of("x", "y"), new double[] {-1.5, 2}, 0.05, 500,
            p -> {
                double x = p[0], y = p[1];
                return sq(1 - x) + 100 * sq(y - x * x);
            },
            p -> {
                double x = p[0], y = p[1];
                return new double[] {
                        -2 * (1 - x) - 400 * x * (y - x * x),
                        200 * (y - x * x)};
            });

    private static final Objective BEALE = new Objective(
            "Beale", "(1.5-x+x*y)^2+(2.25-x+x*y^2)^2+(2.625-x+x*y^3)^2", List.of("x", "y"),
            new double[] {1, 1.5}, 0.05, 300,
            p -> {
                double x = p[0], y = p[1];
                return sq(1.5 - x + x * y) + sq(2.25 - x + x * y * y) + sq(2.625 - x + x * y * y * y);
            },
            p -> {
                double x = p[0], y = p[1];
                double a = 1.5 - x + x * y;
                double b = 2.25 - x + x * y * y;
                double c = 2.625 - x + x * y * y * y;
                return new double[] {
                        2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                        2 * a * x + 2 * b * (2 * x * y) + 2 * c * (3 * x * y * y)};
            });

    private static final Objective HIMMELBLAU = new Objective(
            "Himmelblau", "(x^2+y-11)^2+(x+y^2-7)^2", List.of("x", "y"), new double[] {0, 0}, 0.1, 400,
            p -> {
                double x = p[0], y = p[1];
                return sq(x * x + y - 11) + sq(x + y * y - 7);
            },
            p -> {
                double x = p[0], y = p[1];
                double a = x * x + y - 11;
                double b = x + y * y - 7;
                return new double[] {4 * x * a + 2 * b, 2 * a + 4 * y * b};
            });

    private static final Objective QUADRATIC = new Objective(
            "3-variable quadratic", "x^2+10*y^2+3*z^2+x*y", List.of("x", "y", "z"), new double[] {3, -2, 1}, 0.1,
            200,
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return x * x + 10 * y * y + 3 * z * z + x * y;
            },
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return new double[] {2 * x + y, 20 * y + x, 6 * z};
            });

    /** Minimiser at x = 2·ln 2, y = 0, z = π; f is finite everywhere the run can reach. */
    private static final Objective EXP_LOG_TRIG = new Objective(
            "exp/log/cos", "exp(0.5*x)-x+log(1+y^2)+cos(z)", List.of("x", "y", "z"), new double[] {0, 1, 2}, 0.1,
            300,
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return Math.exp(0.5 * x) - x + Math.log(1 + y * y) + Math.cos(z);
            },
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return new double[] {0.5 * Math.exp(0.5 * x) - 1, 2 * y / (1 + y * y), -Math.sin(z)};
            });

    private static double sq(double v) {
        return v * v;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Option sets
    // ---------------------------------------------------------------------------------------------------------------

    /** Command-line options and the hyperparameters they stand for (lr comes from the objective). */
    private record OptionSet(String name, List<String> arguments, double lrDecay, double weightDecay,
                             double initialAccumulatorValue, double eps, boolean epsInsideSqrt) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<OptionSet> OPTION_SETS = List.of(
            new OptionSet("defaults", List.of(),
                    DEFAULT_LR_DECAY, DEFAULT_WEIGHT_DECAY, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPS, false),
            new OptionSet("lr-decay 0.01", List.of("--lr-decay", "0.01"),
                    0.01, DEFAULT_WEIGHT_DECAY, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPS, false),
            new OptionSet("weight-decay 0.1", List.of("--weight-decay", "0.1"),
                    DEFAULT_LR_DECAY, 0.1, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPS, false),
            new OptionSet("initial-accumulator-value 0.5", List.of("--initial-accumulator-value", "0.5"),
                    DEFAULT_LR_DECAY, DEFAULT_WEIGHT_DECAY, 0.5, DEFAULT_EPS, false),
            new OptionSet("eps 1e-8", List.of("--eps", "1e-8"),
                    DEFAULT_LR_DECAY, DEFAULT_WEIGHT_DECAY, DEFAULT_INITIAL_ACCUMULATOR_VALUE, 1e-8, false),
            new OptionSet("eps-inside-sqrt", List.of("--eps-inside-sqrt"),
                    DEFAULT_LR_DECAY, DEFAULT_WEIGHT_DECAY, DEFAULT_INITIAL_ACCUMULATOR_VALUE, DEFAULT_EPS, true),
            // With eps as small as 1e-10 or 1e-8 its placement changes nothing visible at 1e-5; 0.1 makes it show.
            new OptionSet("eps 0.1", List.of("--eps", "0.1"),
                    DEFAULT_LR_DECAY, DEFAULT_WEIGHT_DECAY, DEFAULT_INITIAL_ACCUMULATOR_VALUE, 0.1, false),
            new OptionSet("eps-inside-sqrt, eps 0.1", List.of("--eps-inside-sqrt", "--eps", "0.1"),
                    DEFAULT_LR_DECAY, DEFAULT_WEIGHT_DECAY, DEFAULT_INITIAL_ACCUMULATOR_VALUE, 0.1, true),
            new OptionSet("Keras/TF.js", List.of("--eps-inside-sqrt", "--initial-accumulator-value", "0.1",
                    "--eps", "1e-7"),
                    DEFAULT_LR_DECAY, DEFAULT_WEIGHT_DECAY, 0.1, 1e-7, true));

    static Stream<Arguments> objectivesTimesOptionSets() {
        return Stream.of(ROSENBROCK, BEALE, HIMMELBLAU, QUADRATIC, EXP_LOG_TRIG)
                .flatMap(objective -> OPTION_SETS.stream().map(options -> Arguments.of(objective, options)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The reference: torch.optim.Adagrad as documented
    // ---------------------------------------------------------------------------------------------------------------

    /** One row of the reference trajectory; G and lr are null for the start row. */
    private record ReferenceRow(double f, double[] x, double[] sumOfSquares, double[] effectiveLr) {
    }

    /**
     * PyTorch's documented loop, with ε inside the square root when asked:
     *
     * <pre>
     * state_sum ← τ
     * for t = 1..steps:
     *     g ← ∇f(θ);  γ̃ ← γ / (1 + (t−1)·η);  if λ ≠ 0: g ← g + λ·θ
     *     state_sum ← state_sum + g²
     *     θ ← θ − γ̃ · g / (√state_sum + ε)        (inside: γ̃ · g / √(state_sum + ε))
     * </pre>
     */
    private static List<ReferenceRow> referenceTrajectory(Objective objective, OptionSet options) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] stateSum = new double[n];
        Arrays.fill(stateSum, options.initialAccumulatorValue());

        List<ReferenceRow> rows = new ArrayList<>();
        rows.add(new ReferenceRow(objective.value().applyAsDouble(theta), theta.clone(), null, null));
        for (int t = 1; t <= objective.steps(); t++) {
            double[] g = objective.gradient().apply(theta);
            double decayedLr = objective.lr() / (1 + (t - 1) * options.lrDecay());
            double[] effectiveLr = new double[n];
            for (int i = 0; i < n; i++) {
                if (options.weightDecay() != 0) {
                    g[i] += options.weightDecay() * theta[i];
                }
                stateSum[i] += g[i] * g[i];
                double denominator = options.epsInsideSqrt()
                        ? Math.sqrt(stateSum[i] + options.eps())
                        : Math.sqrt(stateSum[i]) + options.eps();
                effectiveLr[i] = decayedLr / denominator;
                theta[i] -= decayedLr * g[i] / denominator;
            }
            rows.add(new ReferenceRow(objective.value().applyAsDouble(theta), theta.clone(), stateSum.clone(),
                    effectiveLr));
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tests
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("objectivesTimesOptionSets")
    void trajectoryMatchesPyTorchReference(Objective objective, OptionSet options) {
        List<String> command = new ArrayList<>(List.of("run", "--f", objective.expression(),
                "--x0", startByName(objective), "--lr", Double.toString(objective.lr()),
                "--steps", Integer.toString(objective.steps()), "--format", "csv"));
        command.addAll(options.arguments());

        Csv csv = Csv.parse(runProgram(command));
        List<ReferenceRow> reference = referenceTrajectory(objective, options);

        assertEquals(objective.steps() + 1, csv.rowCount(), "number of rows for " + command);
        for (int step = 0; step <= objective.steps(); step++) {
            ReferenceRow expected = reference.get(step);
            assertEquals(step, (int) csv.number(step, "step"), "step column of row " + step);
            assertClose(expected.f(), csv.number(step, "f"), step, "f", command);
            for (int i = 0; i < objective.variables().size(); i++) {
                String variable = objective.variables().get(i);
                assertClose(expected.x()[i], csv.number(step, variable), step, variable, command);
                if (step > 0) {
                    assertClose(expected.sumOfSquares()[i], csv.number(step, "G_" + variable), step,
                            "G_" + variable, command);
                    assertClose(expected.effectiveLr()[i], csv.number(step, "lr_" + variable), step,
                            "lr_" + variable, command);
                }
            }
        }
    }

    /**
     * With {@code --grad exact} the program's gradient is the analytic one up to rounding, so the trajectory must
     * match the reference to {@value #EXACT_RELATIVE_TOLERANCE} relative, not just 1e-5.
     */
    @ParameterizedTest(name = "{0} with {1}, --grad exact")
    @MethodSource("objectivesTimesOptionSets")
    void exactGradientTrajectoryMatchesPyTorchReference(Objective objective, OptionSet options) {
        List<String> command = new ArrayList<>(List.of("run", "--f", objective.expression(),
                "--x0", startByName(objective), "--lr", Double.toString(objective.lr()),
                "--steps", Integer.toString(objective.steps()), "--format", "csv", "--grad", "exact"));
        command.addAll(options.arguments());

        Csv csv = Csv.parse(runProgram(command));
        List<ReferenceRow> reference = referenceTrajectory(objective, options);

        assertEquals(objective.steps() + 1, csv.rowCount(), "number of rows for " + command);
        for (int step = 0; step <= objective.steps(); step++) {
            ReferenceRow expected = reference.get(step);
            assertRelative(expected.f(), csv.number(step, "f"), step, "f", command);
            for (int i = 0; i < objective.variables().size(); i++) {
                String variable = objective.variables().get(i);
                assertRelative(expected.x()[i], csv.number(step, variable), step, variable, command);
                if (step > 0) {
                    assertRelative(expected.sumOfSquares()[i], csv.number(step, "G_" + variable), step,
                            "G_" + variable, command);
                    assertRelative(expected.effectiveLr()[i], csv.number(step, "lr_" + variable), step,
                            "lr_" + variable, command);
                }
            }
        }
    }

    private static final double EXACT_RELATIVE_TOLERANCE = 1e-10;

    private static void assertRelative(double expected, double actual, int step, String column,
                                       List<String> command) {
        if (!(Math.abs(actual - expected) <= EXACT_RELATIVE_TOLERANCE * Math.abs(expected))) {
            fail("step " + step + ", column " + column + ": program " + actual + ", reference " + expected
                    + " (relative difference " + Math.abs(actual - expected) / Math.abs(expected) + ") for "
                    + command);
        }
    }

    /**
     * The seed's worked example: f = x², x₀ = 4, η = 1, ε = 1e-8 outside the square root, 10 steps of
     * {@code G += g²; adjusted_eta = eta / (sqrt(G) + eps); update = adjusted_eta * g; x -= update}.
     */
    @Test
    void reproducesSeedPythonLoop() {
        int steps = 10;
        double eta = 1;
        double eps = 1e-8;
        double[] expectedX = new double[steps + 1];
        double x = 4;
        double sumOfSquares = 0;
        expectedX[0] = x;
        for (int t = 1; t <= steps; t++) {
            double g = 2 * x;
            sumOfSquares += g * g;
            double adjustedEta = eta / (Math.sqrt(sumOfSquares) + eps);
            double update = adjustedEta * g;
            x -= update;
            expectedX[t] = x;
        }

        List<String> command = List.of("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps",
                Integer.toString(steps), "--format", "csv", "--eps", "1e-8");
        Csv csv = Csv.parse(runProgram(command));

        assertEquals(steps + 1, csv.rowCount(), "number of rows");
        for (int step = 0; step <= steps; step++) {
            double actual = csv.number(step, "x");
            double difference = Math.abs(actual - expectedX[step]);
            assertTrue(difference <= 1e-9 * Math.abs(expectedX[step]),
                    "step " + step + ", column x: program " + actual + ", seed loop " + expectedX[step]);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    private static String startByName(Objective objective) {
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < objective.variables().size(); i++) {
            if (i > 0) {
                start.append(',');
            }
            start.append(objective.variables().get(i)).append('=').append(objective.start()[i]);
        }
        return start.toString();
    }

    /** Runs the program in-process and returns its standard output; it must succeed and print no errors. */
    private static String runProgram(List<String> command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err), command.toArray(String[]::new));
        assertEquals(0, exitCode, () -> "exit code of " + command + "; stderr: " + err);
        assertEquals("", err.toString(), () -> "stderr of " + command);
        return out.toString();
    }

    private static void assertClose(double expected, double actual, int step, String column, List<String> command) {
        double allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(expected), RELATIVE_FLOOR);
        if (!(Math.abs(actual - expected) <= allowed)) {
            fail("step " + step + ", column " + column + ": program " + actual + ", reference " + expected
                    + " (relative difference " + Math.abs(actual - expected) / Math.abs(expected) + ") for "
                    + command);
        }
    }

    /** The program's CSV output: a header naming the columns, then one row of cells per step. */
    private record Csv(Map<String, Integer> columnIndex, List<String[]> rows) {

        static Csv parse(String text) {
            String[] lines = text.strip().split("\n");
            String[] header = lines[0].split(",", -1);
            Map<String, Integer> columnIndex = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                columnIndex.put(header[i], i);
            }
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                String[] cells = lines[i].split(",", -1);
                assertEquals(header.length, cells.length, "cells in CSV line " + (i + 1) + ": " + lines[i]);
                rows.add(cells);
            }
            return new Csv(columnIndex, rows);
        }

        int rowCount() {
            return rows.size();
        }

        double number(int row, String column) {
            Integer index = columnIndex.get(column);
            if (index == null) {
                fail("no column '" + column + "' in CSV header " + columnIndex.keySet());
            }
            return Double.parseDouble(rows.get(row)[index]);
        }
    }
}
