package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic tests every optimizer of {@link OptimizerDb} gets, as torch's {@code optim_db} tests: descent on a
 * parabola and on Rosenbrock, ascent with {@link Maximize}, a zero gradient that moves nothing, every framework's
 * preset, a schedule that sets the rate, and the invalid settings refused with their words. Gradients are by hand.
 */
class OptimizerDbTest {

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (OptimizerDb.Entry entry : OptimizerDb.ALL) {
            for (Map<String, Object> settings : OptimizerDb.configurations(entry)) {
                all.add(Arguments.of(entry, settings));
            }
        }
        return all.stream();
    }

    static Stream<OptimizerDb.Entry> entries() {
        return OptimizerDb.ALL.stream();
    }

    @Test
    void everyRegisteredOptimizerHasAnEntry() {
        assertEquals(new TreeSet<>(ElementWise.names()),
                new TreeSet<>(OptimizerDb.ALL.stream().map(OptimizerDb.Entry::name).toList()));
    }

    @Test
    void theRegistryFindsEachSpecByTheNameItListsInOrder() {
        // names() is read without making any spec, so it must say what the specs themselves say
        List<String> names = new ArrayList<>();
        for (OptimizerSpec spec : Optimizers.all()) {
            names.add(spec.name());
            assertEquals(spec, Optimizers.byName(spec.name()).orElseThrow());
        }
        assertEquals(names, Optimizers.names());
        assertEquals(Optional.empty(), Optimizers.byName("adagrad2"));
        assertEquals(Optional.empty(), Optimizers.byName("ADAGRAD"));
    }

    /** f = x² + 3y², ∇f = (2x, 6y), from (1, −2): f₀ = 13. */
    private static double parabola(double[] p, double[] gradient) {
        gradient[0] = 2 * p[0];
        gradient[1] = 6 * p[1];
        return p[0] * p[0] + 3 * p[1] * p[1];
    }

    /** Rosenbrock (1 − x)² + 100(y − x²)², from (−1.2, 1): f₀ = 24.2. */
    private static double rosenbrock(double[] p, double[] gradient) {
        double x = p[0];
        double y = p[1];
        gradient[0] = -2 * (1 - x) - 400 * x * (y - x * x);
        gradient[1] = 200 * (y - x * x);
        return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
    }

    interface Problem {
        double valueAndGradient(double[] p, double[] gradient);
    }

    private static double run(Optimizer optimizer, Problem problem, double[] start, int steps) {
        double[] x = start.clone();
        double[] gradient = new double[2];
        double[] update = new double[2];
        for (int t = 1; t <= steps; t++) {
            problem.valueAndGradient(x, gradient);
            optimizer.step(t, x, gradient, update);
        }
        return problem.valueAndGradient(x, gradient);
    }

    private static Optimizer create(OptimizerDb.Entry entry, Map<String, Object> settings) {
        return create(entry, settings, entry.descentLr());
    }

    private static Optimizer create(OptimizerDb.Entry entry, Map<String, Object> settings, double lr) {
        Map<String, Object> given = new java.util.HashMap<>(settings);
        given.putIfAbsent("lr", lr);
        return Optimizers.byName(entry.name()).orElseThrow().create(2, Compat.torch, given);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void descendsAParabola(OptimizerDb.Entry entry, Map<String, Object> settings) {
        double f = run(create(entry, settings), OptimizerDbTest::parabola, new double[] {1, -2}, 200);
        assertTrue(f < 13 / 2.0, entry + " " + settings + ": f = " + f + " after 200 steps from 13");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void descendsRosenbrock(OptimizerDb.Entry entry, Map<String, Object> settings) {
        // Rosenbrock's valley is steep (∇f₀ ≈ (−216, −88)): a tenth of the parabola's rate.
        double f = run(create(entry, settings, entry.descentLr() / 10), OptimizerDbTest::rosenbrock,
                new double[] {-1.2, 1}, 2000);
        assertTrue(f < 24.2 && Double.isFinite(f), entry + " " + settings + ": f = " + f + " after 2000 steps");
    }

    /** Maximize climbs −f exactly as the optimizer descends f: the same points, bit for bit. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void maximizingMinusFRetracesMinimizingF(OptimizerDb.Entry entry, Map<String, Object> settings) {
        Optimizer down = create(entry, settings);
        Optimizer up = new Maximize(create(entry, settings), 2);
        double[] x = {1, -2};
        double[] y = {1, -2};
        double[] g = new double[2];
        double[] h = new double[2];
        double[] update = new double[2];
        for (int t = 1; t <= 50; t++) {
            parabola(x, g);
            parabola(y, h);
            h[0] = -h[0];
            h[1] = -h[1];
            down.step(t, x, g, update);
            up.step(t, y, h, update);
            assertEquals(x[0], y[0], 0, entry + " x at step " + t);
            assertEquals(x[1], y[1], 0, entry + " y at step " + t);
        }
    }

    /** With no weight decay, a gradient of exactly 0 from the start moves nothing. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void aZeroGradientMovesNothing(OptimizerDb.Entry entry, Map<String, Object> settings) {
        Object decay = Optimizers.byName(entry.name()).orElseThrow().settings(Compat.torch, settings).asMap()
                .get("weight_decay");
        Object lambd = Optimizers.byName(entry.name()).orElseThrow().settings(Compat.torch, settings).asMap()
                .get("lambd");
        if (decay instanceof Double d && d != 0 || lambd instanceof Double l && l != 0) {
            return; // decay moves x by itself: its own tests check it
        }
        Optimizer optimizer = create(entry, settings);
        double[] x = {0.5, -0.25};
        double[] update = new double[2];
        for (int t = 1; t <= 5; t++) {
            optimizer.step(t, x, new double[2], update);
        }
        assertEquals(0.5, x[0], 0, entry.name());
        assertEquals(-0.25, x[1], 0, entry.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyPresetBuildsOrSaysWhy(OptimizerDb.Entry entry) {
        OptimizerSpec spec = Optimizers.byName(entry.name()).orElseThrow();
        for (Compat compat : Compat.values()) {
            if (spec.preset(compat).unavailable() != null) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> spec.create(2, compat, Map.of()));
                assertTrue(e.getMessage().contains(compat.framework()), e.getMessage());
                continue;
            }
            double f = run(spec.create(2, compat, Map.of("lr", entry.descentLr())), OptimizerDbTest::parabola,
                    new double[] {1, -2}, 200);
            assertTrue(f < 13, entry + " under " + compat + ": f = " + f);
        }
    }

    /** ExponentialLR at γ = 0.5 halves the rate after every step, whichever optimizer it drives. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void aScheduleSetsTheRate(OptimizerDb.Entry entry) {
        Optimizer optimizer = new Scheduled(create(entry, Map.of()), Schedule.Spec.parse("exponential:gamma=0.5")
                .create(10, false), 2);
        double[] x = {1, -2};
        double[] g = new double[2];
        double[] update = new double[2];
        for (int t = 1; t <= 3; t++) {
            assertEquals(entry.descentLr() / Math.pow(2, t - 1), optimizer.learningRate(), 0, entry + " step " + t);
            parabola(x, g);
            optimizer.step(t, x, g, update);
            optimizer.stepSchedule(Double.NaN);
        }
    }

    static Stream<Arguments> invalidSettings() {
        List<Arguments> all = new ArrayList<>();
        for (OptimizerDb.Entry entry : OptimizerDb.ALL) {
            entry.invalid().forEach((settings, words) -> all.add(Arguments.of(entry, settings, words)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidSettings")
    void invalidSettingsAreRefusedWithTheirWords(OptimizerDb.Entry entry, Map<String, Object> settings,
                                                  String words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Optimizers.byName(entry.name()).orElseThrow().create(2, Compat.torch, settings));
        assertTrue(e.getMessage().contains(words), entry + " " + settings + ": " + e.getMessage());
    }
}
