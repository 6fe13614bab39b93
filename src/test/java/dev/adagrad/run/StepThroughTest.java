package dev.adagrad.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.expr.ParsedExpression;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step-through takes the steps {@link Runner} takes, keeps them, and changes a learning rate from a step on
 * without touching the rows before it.
 */
class StepThroughTest {

    private static final List<String> VARIABLES = List.of("w", "b");
    private static final double[] START = {1.5, -0.7};

    static List<String> optimizers() {
        return Optimizers.names();
    }

    private static Objective objective() {
        ParsedExpression parsed = ExpressionSyntax.check("(1-w)^2+5*(b-w^2)^2+0.3*w*b");
        return Objective.compile(parsed, VARIABLES);
    }

    private static StepThrough.OptimizerFactory factory(OptimizerSpec spec) {
        Map<String, Object> weightDecay = spec.uses("weight_decay") ? Map.of("weight_decay", 0.05) : Map.of();
        return lr -> {
            Map<String, Object> settings = new java.util.LinkedHashMap<>(weightDecay);
            settings.put("lr", lr);
            return spec.create(2, Compat.torch, settings);
        };
    }

    private static StepThrough stepThrough(OptimizerSpec spec, double lr, long steps, GradientMethod gradient) {
        return new StepThrough(objective(), gradient, START, steps, 0,
                List.of(new StepThrough.LaneSpec(spec.name(), lr, factory(spec), null)));
    }

    /** Runner's rows, copied. */
    private static List<StepRecord> runnerRows(Optimizer optimizer, long steps) {
        List<StepRecord> rows = new ArrayList<>();
        new Runner(objective(), CentralDifference.scaled(), optimizer).run(START, steps, 0, row -> {
            StepRecord copy = row.newSnapshot();
            copy.copyFrom(row);
            rows.add(copy);
        });
        return rows;
    }

    private static void assertSameRow(StepRecord expected, StepRecord actual, String where) {
        assertEquals(expected.step(), actual.step(), where);
        assertEquals(expected.f(), actual.f(), where + ": f");
        for (int v = 0; v < expected.dimension(); v++) {
            assertEquals(expected.x(v), actual.x(v), where + ": x");
            assertEquals(expected.gradient(v), actual.gradient(v), where + ": gradient");
            assertEquals(expected.update(v), actual.update(v), where + ": update");
        }
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void eachStepIsTheStepRunTakes(String name) {
        OptimizerSpec spec = Optimizers.byName(name).orElseThrow();
        List<StepRecord> expected = runnerRows(factory(spec).create(0.01), 8);
        StepThrough run = stepThrough(spec, 0.01, 8, CentralDifference.scaled());
        for (int t = 1; t <= 8; t++) {
            assertTrue(run.next());
        }
        assertFalse(run.next(), "step 8 is the last");
        StepThrough.Lane lane = run.lanes().get(0);
        Optimizer reference = factory(spec).create(0.01);
        int columns = reference.stateColumns().size();
        for (int t = 0; t <= 8; t++) {
            assertSameRow(expected.get(t), lane.row(t), name + " row " + t);
            for (int c = 0; c < columns && t > 0; c++) {
                for (int v = 0; v < 2; v++) {
                    assertEquals(expected.get(t).state(c, v), lane.row(t).state(c, v), name + " state " + t);
                }
            }
        }
    }

    /**
     * The replay's premise: no optimizer's state but the reported effective rate depends on the learning rate, so an
     * optimizer built with another rate and fed the recorded points and gradients reaches the same state bitwise.
     */
    @ParameterizedTest
    @MethodSource("optimizers")
    void theStateDoesNotDependOnTheLearningRate(String name) {
        OptimizerSpec spec = Optimizers.byName(name).orElseThrow();
        List<StepRecord> rows = runnerRows(factory(spec).create(0.01), 6);
        Optimizer other = factory(spec).create(0.37);
        double[] x = new double[2];
        double[] gradient = new double[2];
        double[] update = new double[2];
        for (int t = 1; t <= 6; t++) {
            x[0] = rows.get(t - 1).x(0);
            x[1] = rows.get(t - 1).x(1);
            gradient[0] = rows.get(t).gradient(0);
            gradient[1] = rows.get(t).gradient(1);
            other.step(t, x, gradient, update);
            for (int c = 0; c < other.stateColumns().size(); c++) {
                if (!other.stateColumns().get(c).key().equals("lr")) {
                    for (int v = 0; v < 2; v++) {
                        assertEquals(rows.get(t).state(c, v), other.state(c, v),
                                name + " " + other.stateColumns().get(c).key() + " after step " + t);
                    }
                }
            }
        }
    }

    /** A change to the rate in force changes nothing: the replay rebuilds every bit of state, hidden parts too. */
    @ParameterizedTest
    @MethodSource("optimizers")
    void changingToTheSameRateLeavesTheRunAsItWas(String name) {
        OptimizerSpec spec = Optimizers.byName(name).orElseThrow();
        List<StepRecord> expected = runnerRows(factory(spec).create(0.01), 9);
        StepThrough run = stepThrough(spec, 0.01, 9, CentralDifference.scaled());
        run.moveTo(4);
        run.changeLearningRate(null, 0.01);
        assertEquals(4, run.lanes().get(0).recorded(), "the rows after step 4 are dropped");
        run.moveTo(9);
        for (int t = 0; t <= 9; t++) {
            assertSameRow(expected.get(t), run.lanes().get(0).row(t), name + " row " + t);
        }
    }

    /**
     * By hand, AdaGrad on x² from 4 with the exact gradient 2x: lr 1 takes x to 3 (G = 64); from step 2 on lr 0.5:
     * g = 6, G = 100, x = 3 − 0.5·6/(√100 + 1e-10) = 2.7; step 3: g = 5.4, G = 129.16, x = 2.7 − 0.5·5.4/√129.16.
     */
    @Test
    void aNewRateTakesEffectFromTheNextStepAndKeepsTheRowsBefore() {
        Objective square = Objective.compile(ExpressionSyntax.check("x^2"), List.of("x"));
        OptimizerSpec adagrad = Optimizers.byName("adagrad").orElseThrow();
        StepThrough run = new StepThrough(square, ExactGradient.instance(), new double[] {4}, 10, 0,
                List.of(new StepThrough.LaneSpec("adagrad", 1, lr -> adagrad.create(1, Compat.torch,
                        Map.of("lr", lr)), null)));
        run.moveTo(3);
        assertEquals(2.4, run.lanes().get(0).row(2).x(0), 1e-9, "lr 1 throughout: 3, then 2.4 (eps moves the 11th digit)");
        run.previous();
        run.previous();
        assertEquals(1, run.current());
        run.changeLearningRate(null, 0.5);
        StepThrough.Lane lane = run.lanes().get(0);
        assertEquals(3, lane.row(1).x(0), 1e-9, "step 1 is kept");
        assertEquals(1, lane.learningRate(1));
        assertEquals(0.5, lane.learningRate(2));
        assertEquals(List.of(new StepThrough.RateChange(1, 1), new StepThrough.RateChange(2, 0.5)),
                lane.rateChanges());
        run.next();
        assertEquals(2.7, lane.row(2).x(0), 1e-9);
        assertEquals(100, lane.row(2).state(0, 0), 1e-9, "G");
        run.next();
        assertEquals(2.7 - 0.5 * 5.4 / Math.sqrt(129.16), lane.row(3).x(0), 1e-9);
    }

    @Test
    void goingBackComputesNothing() {
        AtomicInteger gradients = new AtomicInteger();
        GradientMethod counting = (f, x, gradient) -> {
            gradients.incrementAndGet();
            CentralDifference.scaled().gradient(f, x, gradient);
        };
        StepThrough run = stepThrough(Optimizers.byName("adam").orElseThrow(), 0.1, 20, counting);
        run.moveTo(6);
        assertEquals(6, gradients.get());
        StepRecord six = run.lanes().get(0).row(6);
        double x = six.x(0);
        for (int i = 0; i < 4; i++) {
            assertTrue(run.previous());
        }
        assertEquals(2, run.current());
        run.moveTo(6);
        assertEquals(6, gradients.get(), "steps 3 to 6 are read from the record");
        assertEquals(x, run.lanes().get(0).row(6).x(0));
        run.next();
        assertEquals(7, gradients.get());
    }

    @Test
    void aStepPastTheEndShowsTheLastAndTheToleranceEndsALane() {
        StepThrough limited = stepThrough(Optimizers.byName("sgd").orElseThrow(), 0.01, 5, CentralDifference.scaled());
        assertEquals(5, limited.moveTo(1_000_000));
        assertTrue(limited.atEnd());
        assertFalse(limited.next());

        Objective square = Objective.compile(ExpressionSyntax.check("x^2"), List.of("x"));
        OptimizerSpec sgd = Optimizers.byName("sgd").orElseThrow();
        // sgd with lr 0.25 on x²: x halves each step, so ‖g‖ = 2x ≤ 0.1 first at x = 0.03125 (after step 7)
        StepThrough run = new StepThrough(square, ExactGradient.instance(), new double[] {4}, 100, 0.1,
                List.of(new StepThrough.LaneSpec("sgd", 0.25, lr -> sgd.create(1, Compat.torch, Map.of("lr", lr)),
                        null)));
        assertEquals(7, run.moveTo(100));
        assertEquals(StopReason.TOLERANCE_REACHED, run.lanes().get(0).end().reason());
        assertEquals(0.03125, run.lanes().get(0).row(7).x(0));
        assertTrue(run.atEnd());
    }

    @Test
    void aLaneThatDivergesEndsAndANewRateLetsItGoOn() {
        Objective square = Objective.compile(ExpressionSyntax.check("x^2"), List.of("x"));
        OptimizerSpec sgd = Optimizers.byName("sgd").orElseThrow();
        // lr 1e200: x = 4 − 1e200·8 is finite, but its square is not
        StepThrough run = new StepThrough(square, ExactGradient.instance(), new double[] {4}, 10, 0,
                List.of(new StepThrough.LaneSpec("sgd", 1e200, lr -> sgd.create(1, Compat.torch, Map.of("lr", lr)),
                        null)));
        assertEquals(0, run.moveTo(3));
        assertEquals(StopReason.NON_FINITE, run.lanes().get(0).end().reason());
        assertEquals(1, run.lanes().get(0).end().divergence().step());
        run.changeLearningRate(null, 0.25);
        assertNull(run.lanes().get(0).end());
        assertEquals(3, run.moveTo(3));
        assertEquals(0.5, run.lanes().get(0).row(3).x(0));
    }

    @Test
    void aRateTheOptimizerRefusesChangesNothing() {
        StepThrough run = stepThrough(Optimizers.byName("adagrad").orElseThrow(), 0.1, 10, CentralDifference.scaled());
        run.moveTo(3);
        assertThrows(IllegalArgumentException.class, () -> run.changeLearningRate(null, -1));
        assertEquals(3, run.lanes().get(0).recorded());
        assertEquals(1, run.lanes().get(0).rateChanges().size());
        assertThrows(IllegalArgumentException.class, () -> run.changeLearningRate("adam", 0.1));
        assertNotEquals(null, run.lanes().get(0).row(3));
    }
}
