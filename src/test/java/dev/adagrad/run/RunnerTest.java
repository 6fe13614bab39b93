package dev.adagrad.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.DifferentiableObjective;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Adagrad;
import dev.adagrad.optim.Compat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loop: which rows it emits, when it stops, and what it reports when a value stops being finite. */
class RunnerTest {

    private static Runner adagrad(String expression, double learningRate) {
        Objective objective = Objective.of(expression);
        return new Runner(objective, CentralDifference.scaled(),
                Adagrad.SPEC.create(objective.dimension(), Compat.torch, Map.of("lr", learningRate)));
    }

    @Test
    void emitsTheStartRowThenOneRowPerStepThroughOneReusedRecord() {
        List<Long> steps = new ArrayList<>();
        Set<StepRecord> records = new HashSet<>();

        RunResult result = adagrad("x^2", 1).run(new double[] {4}, 5, 0, row -> {
            steps.add(row.step());
            records.add(row);
        });

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), steps);
        assertEquals(1, records.size(), "one record, reused: the loop allocates no rows");
        assertEquals(StopReason.STEPS_DONE, result.reason());
        assertEquals(5, result.steps());
        // x₅ of the worked example (seed 000 §5)
        assertEquals(1.3656, result.x()[0], 1e-4);
        assertNull(result.divergence());
    }

    @Test
    void rowZeroHasTheStartPointAndF() {
        List<String> rows = new ArrayList<>();
        adagrad("w^2+10*b^2", 0.1).run(new double[] {1, -2}, 0, 0,
                row -> rows.add(row.step() + ":" + row.x(0) + "," + row.x(1) + ":" + row.f() + ":" + row.isStart()));

        assertEquals(List.of("0:1.0,-2.0:41.0:true"), rows);
    }

    @Test
    void toleranceIsCheckedBeforeEachStepOnTheGradientNorm() {
        // ∇(w² + b²) at (0.3, 0.4) is (0.6, 0.8): norm 1.0
        RunResult atTolerance = adagrad("w^2+b^2", 0.1).run(new double[] {0.3, 0.4}, 10, 1.0, row -> { });
        RunResult below = adagrad("w^2+b^2", 0.1).run(new double[] {0.3, 0.4}, 10, 0.999, row -> { });

        assertEquals(StopReason.TOLERANCE_REACHED, atTolerance.reason());
        assertEquals(0, atTolerance.steps());
        assertEquals(1.0, atTolerance.gradientNorm(), 1e-9);
        assertArrayEquals(new double[] {0.3, 0.4}, atTolerance.x());
        assertTrue(below.steps() > 0);
    }

    @Test
    void zeroToleranceNeverStopsEvenAtAFlatPoint() {
        RunResult result = adagrad("x^2", 0.1).run(new double[] {0}, 3, 0, row -> { });

        assertEquals(StopReason.STEPS_DONE, result.reason());
        assertEquals(3, result.steps());
        assertEquals(0.0, result.x()[0], "AdaGrad with eps > 0 does not move on a zero gradient");
    }

    @Test
    void xOverflowingIsReportedWithTheLastFinitePoint() {
        // f = x has gradient 1, and AdaGrad's first step is lr·g/|g| = lr: −1.5e308 − 1.5e308 overflows to −∞
        List<Long> emitted = new ArrayList<>();
        RunResult result = adagrad("x", 1.5e308).run(new double[] {-1.5e308}, 5, 0, row -> emitted.add(row.step()));

        assertEquals(StopReason.NON_FINITE, result.reason());
        assertEquals(List.of(0L), emitted, "the row with -∞ is never emitted");
        assertEquals(0, result.steps());
        assertEquals(-1.5e308, result.x()[0], "the last finite point");
        Divergence divergence = result.divergence();
        assertEquals(1, divergence.step());
        assertEquals(Divergence.Quantity.X, divergence.quantity());
        assertEquals(Double.NEGATIVE_INFINITY, divergence.x()[0]);
    }

    @Test
    void fNonFiniteAtTheStart() {
        RunResult result = adagrad("log(x)", 0.1).run(new double[] {-1}, 5, 0, row -> { });

        assertEquals(StopReason.NON_FINITE, result.reason());
        assertEquals(0, result.divergence().step());
        assertEquals(Divergence.Quantity.F, result.divergence().quantity());
        assertTrue(Double.isNaN(result.divergence().f()));
    }

    @Test
    void hugeFiniteGradientsDoNotOverflowTheNorm() {
        // ∂/∂x of 1e300·x is 1e300 in both coordinates: the naive Σg² overflows, the norm is √2·1e300
        RunResult result = adagrad("1e300*x+1e300*y", 1).run(new double[] {0, 0}, 1, 1e301, row -> { });

        assertEquals(StopReason.TOLERANCE_REACHED, result.reason());
        assertEquals(Math.sqrt(2) * 1e300, result.gradientNorm(), 1e288);
    }

    @Test
    void theStartArrayIsNotModified() {
        double[] start = {4};
        StepListener ignore = row -> { };

        adagrad("x^2", 1).run(start, 3, 0, ignore);

        assertArrayEquals(new double[] {4}, start);
    }

    @Test
    void recordExposesTheOptimizerState() {
        List<Double> sums = new ArrayList<>();
        adagrad("x^2", 1).run(new double[] {4}, 2, 0, row -> {
            if (!row.isStart()) {
                sums.add(row.state(0, 0));
            }
        });

        assertEquals(64, sums.get(0), 1e-6);
        assertEquals(100, sums.get(1), 1e-6);
    }

    @Test
    void theSameInstanceIsPassedEachTime() {
        StepRecord[] first = new StepRecord[1];
        adagrad("x^2", 1).run(new double[] {4}, 3, 0, row -> {
            if (first[0] == null) {
                first[0] = row;
            }
            assertSame(first[0], row);
        });
    }

    /** f and the gradient counted: how many forward passes the loop asks for. */
    private static final class Counting implements DifferentiableObjective {
        final DifferentiableObjective f;
        int values;
        int valuesAndGradients;

        Counting(String text) {
            f = (DifferentiableObjective) Objective.of(text);
        }

        @Override
        public double value(double[] x) {
            values++;
            return f.value(x);
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            valuesAndGradients++;
            return f.valueAndGradient(x, gradient);
        }

        @Override
        public List<String> variables() {
            return f.variables();
        }

        @Override
        public String text() {
            return f.text();
        }

        @Override
        public Objective copy() {
            return this;
        }
    }

    /** Every row as text with every bit: step, x, f, gradient, update and norm. */
    private static List<String> rows(Runner runner, double[] start, long steps, List<String> result) {
        return rows(runner, start, steps, 0, 1, result);
    }

    /** The rows {@link EveryKth} passes on (every {@code every}-th and the last), the run stopping at the tolerance. */
    private static List<String> rows(Runner runner, double[] start, long steps, double tolerance, long every,
                                     List<String> result) {
        List<String> rows = new ArrayList<>();
        StepListener filter = EveryKth.of(row -> {
            StringBuilder line = new StringBuilder(row.step() + " f=" + Double.doubleToLongBits(row.f()) + " norm="
                    + Double.doubleToLongBits(row.gradientNorm()));
            for (int i = 0; i < row.dimension(); i++) {
                line.append(' ').append(Double.doubleToLongBits(row.x(i))).append(',')
                        .append(Double.doubleToLongBits(row.gradient(i))).append(',')
                        .append(Double.doubleToLongBits(row.update(i)));
            }
            rows.add(line.toString());
        }, every);
        RunResult run = runner.run(start, steps, tolerance, filter);
        EveryKth.finish(filter);
        result.add(run.reason() + " " + run.steps() + " " + java.util.Arrays.toString(run.x()) + " " + run.f()
                + (run.divergence() == null ? "" : " " + run.divergence().step() + " " + run.divergence().quantity()
                + " " + java.util.Arrays.toString(run.divergence().x()) + " "
                + java.util.Arrays.toString(run.divergence().gradient())));
        return rows;
    }

    @Test
    void withExactGradientsEachStepIsOneForwardPassAndTheRowsAreTheSame() {
        for (String text : List.of("(1-x)^2+100*(y-x^2)^2", "log(x)+y^2")) { // the second leaves log's domain
            Counting counted = new Counting(text);
            double[] start = text.startsWith("(") ? new double[] {-1.2, 1} : new double[] {2, 3};
            Runner fused = new Runner(counted, ExactGradient.instance(),
                    Adagrad.SPEC.create(2, Compat.torch, Map.of("lr", 0.5)));
            List<String> fusedResult = new ArrayList<>();
            List<String> fusedRows = rows(fused, start, 200, fusedResult);
            assertEquals(0, counted.values, text);
            boolean diverged = fusedResult.get(0).startsWith("NON_FINITE"); // the last step's point has no row
            assertEquals(fusedRows.size() + (diverged ? 1 : 0), counted.valuesAndGradients, text + ": one call a step");

            // A gradient listener makes the loop call the gradient and f separately, as it did before.
            Runner separate = new Runner(Objective.of(text), ExactGradient.instance(),
                    Adagrad.SPEC.create(2, Compat.torch, Map.of("lr", 0.5)), (i, a, b, v) -> { }, null);
            List<String> separateResult = new ArrayList<>();
            assertEquals(rows(separate, start, 200, separateResult), fusedRows, text);
            assertEquals(separateResult, fusedResult, text);
            assertEquals(text.startsWith("log") ? StopReason.NON_FINITE : StopReason.STEPS_DONE,
                    StopReason.valueOf(fusedResult.get(0).split(" ")[0]), fusedResult.toString());
        }
    }

    /**
     * With exact gradients the row's gradient array alternates with the one the next gradient is computed into: the
     * rows held back by --every, the last one printed at the step limit, at the tolerance and before a non-finite step,
     * are still bitwise those of the loop that computes each gradient into the row.
     */
    @Test
    void heldBackRowsAreWholeWhenTheGradientArraysAlternate() {
        record Case(String text, double[] start, double tolerance, StopReason reason) { }
        for (Case c : List.of(new Case("(1-x)^2+100*(y-x^2)^2", new double[] {-1.2, 1}, 0, StopReason.STEPS_DONE),
                new Case("x^2+10*y^2", new double[] {3, -2}, 1e-3, StopReason.TOLERANCE_REACHED),
                new Case("log(x)+y^2", new double[] {2, 3}, 0, StopReason.NON_FINITE))) {
            for (long every : new long[] {1, 2, 7, 1000}) {
                Runner fused = new Runner(Objective.of(c.text()), ExactGradient.instance(),
                        Adagrad.SPEC.create(2, Compat.torch, Map.of("lr", 0.5)));
                Runner separate = new Runner(Objective.of(c.text()), ExactGradient.instance(),
                        Adagrad.SPEC.create(2, Compat.torch, Map.of("lr", 0.5)), (i, a, b, v) -> { }, null);
                List<String> fusedResult = new ArrayList<>();
                List<String> separateResult = new ArrayList<>();
                List<String> fusedRows = rows(fused, c.start(), 5000, c.tolerance(), every, fusedResult);
                String label = c.text() + " every " + every;
                assertEquals(rows(separate, c.start(), 5000, c.tolerance(), every, separateResult), fusedRows, label);
                assertEquals(separateResult, fusedResult, label);
                assertEquals(c.reason(), StopReason.valueOf(fusedResult.get(0).split(" ")[0]), label);
                long last = Long.parseLong(fusedResult.get(0).split(" ")[1]);
                assertTrue(fusedRows.get(fusedRows.size() - 1).startsWith(last + " "), label + ": the last row");
            }
        }
    }
}
