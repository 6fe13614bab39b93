package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What L-BFGS adds to a run besides its trajectory (which {@link TorchNewOptimizersTest} holds to real torch): the
 * evaluations, per step and in total, a failed line search, and its invalid settings.
 */
class LbfgsTest {

    @Test
    void oneStepOnAOneVariableQuadraticByHand() {
        // x² from 3, no line search, lr 1: g = 6, d = −6, τ = min(1, 1/6)·1 = 1/6, x = 3 − 1 = 2... then the inner
        // iterations: y = 4 − 6 = −2, s = −1, ys = 2, H₀ = 2/4 = 1/2, d = −g·H₀ = −2 (no curvature to correct on a
        // quadratic in one variable: the two-loop gives −g/2), τ = 1: x = 2 − 2 = 0, and g = 0 stops the step.
        // Evaluations: the runner's at 3, one at 2, one at 0 = 3.
        CsvTable table = new CsvTable(Cli.output(List.of("run", "--f", "x^2", "--x0", "3", "--optimizer", "lbfgs",
                "--steps", "1", "--grad", "exact", "--format", "csv")));
        assertEquals(0, table.number(1, "x"), 0);
        assertEquals(3, table.number(1, "evaluations"), 0);
        assertEquals(-2, table.number(1, "d_x"), 1e-15);
        assertTrue(table.header().contains("evaluations") && !table.header().contains("evaluations_x"),
                table.header().toString());
    }

    @Test
    void theSummaryCountsEveryEvaluation() {
        // 3 in step 1 as above; at x = 0 the gradient is 0, so step 2 is its first evaluation only: 4 in all
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "3", "--optimizer", "lbfgs", "--steps", "2",
                "--grad", "exact");
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        assertTrue(lines[lines.length - 1].endsWith("; 4 evaluations of f and ∇f"), lines[lines.length - 1]);
    }

    @Test
    void aFailedLineSearchSaysSoAndExitsWithThree() {
        // |x| + x/2 at 0: the gradient there is ½ (|x|' = 0 at 0) but f rises on both sides, so no step decreases it
        Cli.Result result = Cli.run("run", "--f", "abs(x)+0.5*x", "--x0", "0", "--optimizer", "lbfgs",
                "--line-search", "strong_wolfe", "--grad", "exact");
        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.err().contains("the strong Wolfe line search of step 1 (iteration 1) found no point along d"
                + " where f decreases"), result.err());
        assertEquals(1, result.errLines().length, result.err());
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("--lr must be > 0 (got 0)", List.of("--lr", "0")),
                Arguments.of("--max-iter must be a whole number ≥ 1 and ≤ 1000000 (got 0)", List.of("--max-iter", "0")),
                Arguments.of("--max-iter must be a whole number ≥ 1 and ≤ 1000000 (got 2.5)", List.of("--max-iter", "2.5")),
                Arguments.of("--max-eval must be a whole number ≥ 0 and ≤ 1000000 (got -1)", List.of("--max-eval", "-1")),
                Arguments.of("--tolerance-grad must be ≥ 0 (got -1)", List.of("--tolerance-grad", "-1")),
                Arguments.of("--tolerance-change must be ≥ 0 (got -1)", List.of("--tolerance-change", "-1")),
                Arguments.of("--history-size must be a whole number ≥ 1 and ≤ 1000000 (got 0)", List.of("--history-size", "0")),
                Arguments.of("--line-search must be strong_wolfe or none (got wolfe)",
                        List.of("--line-search", "wolfe")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSettings")
    void invalidSettingsAreUsageErrorsNamingTheValue(String message, List<String> options) {
        List<String> args = new ArrayList<>(List.of("run", "--f", "x^2", "--x0", "1", "--optimizer", "lbfgs"));
        args.addAll(options);
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(message), result.err());
    }

    /** Rosenbrock by hand, as a closure that counts its calls. */
    private static final class Rosenbrock implements Closure {
        int calls;

        @Override
        public double valueAndGradient(double[] p, double[] g) {
            calls++;
            double x = p[0];
            double y = p[1];
            g[0] = -2 * (1 - x) - 400 * x * (y - x * x);
            g[1] = 200 * (y - x * x);
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        }

        @Override
        public void hessian(double[] p, double[] h) {
            throw new AssertionError("L-BFGS needs no Hessian");
        }
    }

    @Test
    void narratingLeavesEveryStepBitwiseAndPlainStepsAllocateNothing() {
        for (String lineSearch : List.of("none", "strong_wolfe")) {
            java.util.Map<String, Object> settings = java.util.Map.of("line_search", lineSearch, "history_size", 3.0,
                    "lr", lineSearch.equals("none") ? 0.01 : 1.0);
            ClosureOptimizer narrated = (ClosureOptimizer) Lbfgs.SPEC.create(2, Compat.torch, settings);
            ClosureOptimizer plain = (ClosureOptimizer) Lbfgs.SPEC.create(2, Compat.torch, settings);
            Rosenbrock closure = new Rosenbrock();
            double[] x = {-1.5, 2};
            double[] y = x.clone();
            double[] g = new double[2];
            double[] update = new double[2];
            double[] plainUpdate = new double[2];
            NarrationEquivalenceTest.Recorder recorder = new NarrationEquivalenceTest.Recorder();
            for (long t = 1; t <= 5; t++) {
                double f = closure.valueAndGradient(x, g);
                narrated.step(t, x, f, g, update, recorder, closure);
                f = closure.valueAndGradient(y, g);
                plain.step(t, y, f, g, plainUpdate, null, closure);
                for (int i = 0; i < 2; i++) {
                    assertEquals(Double.doubleToRawLongBits(y[i]), Double.doubleToRawLongBits(x[i]), lineSearch);
                    assertEquals(Double.doubleToRawLongBits(plainUpdate[i]), Double.doubleToRawLongBits(update[i]));
                    for (int c = 0; c < plain.stateColumns().size(); c++) {
                        assertEquals(plain.state(c, i), narrated.state(c, i));
                    }
                }
            }
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            long allocated = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 3 && allocated > 0; attempt++) {
                long before = threads.getThreadAllocatedBytes(id);
                for (long t = 6; t <= 500; t++) {
                    double f = closure.valueAndGradient(y, g);
                    plain.step(t, y, f, g, plainUpdate, null, closure);
                }
                allocated = threads.getThreadAllocatedBytes(id) - before;
            }
            assertEquals(0, allocated, "bytes allocated by plain L-BFGS steps, line search " + lineSearch);
        }
    }

    @Test
    void compareTakesTheLineSearchAsAWord() {
        Cli.Result result = Cli.run("compare", "--f", "rosenbrock", "--optimizers", "lbfgs,adam", "--set",
                "lbfgs.line_search=strong_wolfe", "--steps", "5", "--grad", "exact");
        assertEquals(0, result.exitCode(), result.err());
    }
}
