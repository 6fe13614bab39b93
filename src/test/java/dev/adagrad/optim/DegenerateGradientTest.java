package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer on the two degenerate gradients the command line can feed it: a gradient that is exactly 0 at every
 * step (a flat f, or x² at its minimum), and a finite gradient so large that g² overflows to +∞.
 *
 * <p>The expectations are PyTorch's documented algorithm evaluated by hand in IEEE arithmetic (√∞ = ∞, finite/∞ = 0,
 * ∞ − ∞ = NaN), with the project's one documented departure: where {@code eps = 0} and only zero gradients have been
 * seen, PyTorch's 0/0 is replaced by "x stays". Each case's comment shows the arithmetic; no value is read from the
 * program.
 */
class DegenerateGradientTest {

    private static final double[] START = {1.5, -0.75};

    /** Runs {@code steps} steps of {@code name} with {@code settings} from x, the gradient fixed at {@code g}. */
    private static final class Trace {
        final Optimizer optimizer;
        final List<double[]> x = new ArrayList<>();
        final List<double[]> updates = new ArrayList<>();
        final List<Map<String, double[]>> states = new ArrayList<>();

        Trace(String name, Compat compat, Map<String, ?> settings, double[] start, double[] g, int steps) {
            optimizer = Optimizers.byName(name).orElseThrow().create(start.length, compat, settings);
            double[] point = start.clone();
            double[] gradient = g.clone();
            double[] update = new double[start.length];
            x.add(point.clone());
            updates.add(null);
            states.add(null);
            for (int t = 1; t <= steps; t++) {
                optimizer.step(t, point, gradient, update);
                assertArrayEquals(g, gradient, "the gradient is not modified");
                x.add(point.clone());
                updates.add(update.clone());
                Map<String, double[]> state = new LinkedHashMap<>();
                List<StateColumn> columns = optimizer.stateColumns();
                for (int c = 0; c < columns.size(); c++) {
                    double[] values = new double[start.length];
                    for (int i = 0; i < start.length; i++) {
                        values[i] = optimizer.state(c, i);
                    }
                    state.put(columns.get(c).key(), values);
                }
                states.add(state);
            }
        }

        double state(int t, String key, int variable) {
            double[] values = states.get(t).get(key);
            if (values == null) {
                throw new AssertionError("no state column " + key + " in " + states.get(t).keySet());
            }
            return values[variable];
        }
    }

    /** Exact for 0 and ±∞ (and NaN), else to 1e-12 relative: the hand values are the same formula in IEEE doubles. */
    private static void assertClose(double expected, double actual, String what) {
        double tolerance = expected == 0 || !Double.isFinite(expected) ? 0 : 1e-12 * Math.abs(expected);
        assertEquals(expected, actual, tolerance, what);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A flat f: gₜ = 0 at every step
    // ---------------------------------------------------------------------------------------------------------------

    private static final double INF = Double.POSITIVE_INFINITY;

    /** One configuration and the state it must report after step t, for both variables. */
    private static Arguments flat(String name, Compat compat, Map<String, ?> settings,
                                  LongFunction<Map<String, Double>> state) {
        return Arguments.of(name, compat, settings, state);
    }

    private static Arguments flat(String name, Map<String, ?> settings, LongFunction<Map<String, Double>> state) {
        return flat(name, Compat.torch, settings, state);
    }

    /** RAdam's rₜ·√(1 − β₂ᵗ) at β₂ = 0.999, from its documented ρ∞, ρₜ and rₜ; NaN while ρₜ ≤ 5 (no rectification). */
    private static double radamScale(long t) {
        double beta2 = 0.999;
        double rhoInfinity = 2 / (1 - beta2) - 1;                                       // 1999
        double rho = rhoInfinity - 2 * t * Math.pow(beta2, t) / (1 - Math.pow(beta2, t));
        if (rho <= 5) {
            return Double.NaN;
        }
        double r = Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
        return r * Math.sqrt(1 - Math.pow(beta2, t));
    }

    static Stream<Arguments> flatConfigurations() {
        Map<String, Object> none = Map.of();
        Map<String, Object> eps0 = Map.of("eps", 0.0);
        return Stream.of(
                // SGD keeps no state; with momentum b₁ = g₁ = 0 and bₜ = μ·0 + (1 − τ)·0 = 0
                flat("sgd", none, t -> Map.of()),
                flat("sgd", Map.of("weight_decay", 0.0), t -> Map.of()),
                flat("momentum", none, t -> Map.of("buf", 0.0)),
                flat("momentum", Map.of("dampening", 0.5), t -> Map.of("buf", 0.0)),
                flat("nesterov", none, t -> Map.of("buf", 0.0)),
                flat("sgd", Map.of("momentum", 0.9, "nesterov", true), t -> Map.of("buf", 0.0)),
                // AdaGrad: G = 0 + 0² = 0; lr = 0.01 / (√0 + 1e-10) = 1e8; eps 0: 0.01 / 0 = +∞ (x still stays)
                flat("adagrad", none, t -> Map.of("G", 0.0, "lr", 1e8)),
                flat("adagrad", eps0, t -> Map.of("G", 0.0, "lr", INF)),
                // eps inside: 0.01 / √(0 + 1e-10) = 0.01 / 1e-5 = 1000
                flat("adagrad", Map.of("eps_inside_sqrt", true), t -> Map.of("G", 0.0, "lr", 1000.0)),
                flat("adagrad", Map.of("eps_inside_sqrt", true, "eps", 0.0), t -> Map.of("G", 0.0, "lr", INF)),
                // lr_decay 0.5: γ̃ = 0.01 / (1 + (t − 1)·0.5), over 1e-10
                flat("adagrad", Map.of("lr_decay", 0.5), t -> Map.of("G", 0.0, "lr", 0.01 / (1 + (t - 1) * 0.5) / 1e-10)),
                // G₀ = 0.1 stays 0.1; lr = 0.01 / √0.1 ≈ 0.0316228
                flat("adagrad", Map.of("initial_accumulator_value", 0.1, "eps", 0.0),
                        t -> Map.of("G", 0.1, "lr", 0.01 / Math.sqrt(0.1))),
                flat("adagrad", Map.of("weight_decay", 0.0), t -> Map.of("G", 0.0, "lr", 1e8)),
                // RMSprop: v = 0.99·0 + 0.01·0 = 0; lr = 0.01 / (√0 + 1e-8) = 1e6; eps 0: +∞
                flat("rmsprop", none, t -> Map.of("sq", 0.0, "lr", 1e6)),
                flat("rmsprop", eps0, t -> Map.of("sq", 0.0, "lr", INF)),
                // eps inside: 0.01 / √1e-8 = 0.01 / 1e-4 = 100
                flat("rmsprop", Map.of("eps_inside_sqrt", true), t -> Map.of("sq", 0.0, "lr", 100.0)),
                // centered: ḡ = 0, ṽ = 0 − 0² = 0
                flat("rmsprop", Map.of("centered", true), t -> Map.of("sq", 0.0, "grad_avg", 0.0, "lr", 1e6)),
                flat("rmsprop", Map.of("centered", true, "eps", 0.0),
                        t -> Map.of("sq", 0.0, "grad_avg", 0.0, "lr", INF)),
                // momentum: b = 0.9·0 + 0 (the 0/0 of g / (√0 + 0) counted as 0) = 0
                flat("rmsprop", Map.of("momentum", 0.9, "eps", 0.0), t -> Map.of("sq", 0.0, "buf", 0.0, "lr", INF)),
                flat("rmsprop", Map.of("centered", true, "momentum", 0.5, "eps_inside_sqrt", true, "eps", 0.0),
                        t -> Map.of("sq", 0.0, "grad_avg", 0.0, "buf", 0.0, "lr", INF)),
                // Adadelta: v = 0, Δx = √(0 + 1e-6)/√(0 + 1e-6)·0 = 0, u = 0; lr = 1·√1e-6/√1e-6 = 1
                flat("adadelta", none, t -> Map.of("sq", 0.0, "acc_delta", 0.0, "lr", 1.0)),
                // eps 0: √(u + 0) = 0 over √(v + 0) = 0 is PyTorch's 0/0; the ratio is 0, as over any denominator
                flat("adadelta", eps0, t -> Map.of("sq", 0.0, "acc_delta", 0.0, "lr", 0.0)),
                flat("adadelta", Map.of("rho", 0.5, "eps", 0.0), t -> Map.of("sq", 0.0, "acc_delta", 0.0, "lr", 0.0)),
                // Adam: m = v = 0; lr = 0.001 / (√0/√(1 − β₂ᵗ) + 1e-8) = 1e5; eps 0: +∞
                flat("adam", none, t -> Map.of("m", 0.0, "v", 0.0, "lr", 1e5)),
                flat("adam", eps0, t -> Map.of("m", 0.0, "v", 0.0, "lr", INF)),
                flat("adam", Map.of("amsgrad", true, "eps", 0.0), t -> Map.of("m", 0.0, "v", 0.0, "v_max", 0.0, "lr", INF)),
                flat("adamw", Map.of("weight_decay", 0.0), t -> Map.of("m", 0.0, "v", 0.0, "lr", 1e5)),
                flat("adamw", Map.of("weight_decay", 0.0, "eps", 0.0), t -> Map.of("m", 0.0, "v", 0.0, "lr", INF)),
                flat("amsgrad", none, t -> Map.of("m", 0.0, "v", 0.0, "v_max", 0.0, "lr", 1e5)),
                flat("amsgrad", eps0, t -> Map.of("m", 0.0, "v", 0.0, "v_max", 0.0, "lr", INF)),
                // Keras's epsilon hat with eps 0: lr = 0.001·√(1 − β₂ᵗ)/(√0 + 0) = +∞
                flat("adam", Compat.keras, eps0, t -> Map.of("m", 0.0, "v", 0.0, "lr", INF)),
                // Adamax: u = max(0.999·u, |0| + 1e-8) = 1e-8; lr = 0.002 / 1e-8 = 2e5; eps 0: u = 0, lr = +∞
                flat("adamax", none, t -> Map.of("m", 0.0, "u", 1e-8, "lr", 2e5)),
                flat("adamax", eps0, t -> Map.of("m", 0.0, "u", 0.0, "lr", INF)),
                // Keras: u = max(0.999·u, |0|) = 0, divided by u + 1e-7: lr = 0.001 / 1e-7 = 1e4
                flat("adamax", Compat.keras, none, t -> Map.of("m", 0.0, "u", 0.0, "lr", 1e4)),
                flat("adamax", Compat.keras, eps0, t -> Map.of("m", 0.0, "u", 0.0, "lr", INF)),
                // NAdam: m = v = 0; lr = 0.002 / (√0 + 1e-8) = 2e5
                flat("nadam", none, t -> Map.of("m", 0.0, "v", 0.0, "lr", 2e5)),
                flat("nadam", eps0, t -> Map.of("m", 0.0, "v", 0.0, "lr", INF)),
                // RAdam: lr = γ = 0.001 while ρₜ ≤ 5 (t ≤ 5), then γ·rₜ·√(1 − β₂ᵗ)/(√0 + 1e-8); eps 0: +∞ then
                flat("radam", none, t -> Map.of("m", 0.0, "v", 0.0,
                        "lr", Double.isNaN(radamScale(t)) ? 1e-3 : 1e-3 * radamScale(t) / 1e-8)),
                flat("radam", eps0, t -> Map.of("m", 0.0, "v", 0.0, "lr", Double.isNaN(radamScale(t)) ? 1e-3 : INF)),
                // Lion: c = 0.9·0 + 0.1·0 = 0, sign 0 = 0: no move; m = 0; lr reports γ = 0.001
                flat("lion", none, t -> Map.of("m", 0.0, "lr", 1e-3)));
    }

    @Test
    void theFlatCasesCoverEveryOptimizer() {
        Set<String> covered = new HashSet<>();
        flatConfigurations().forEach(arguments -> covered.add((String) arguments.get()[0]));
        assertEquals(new HashSet<>(Optimizers.names()), covered);
    }

    @Test
    void radamRectifiesFromStepSix() {
        // ρ₅ = 1999 − 10·0.999⁵/(1 − 0.999⁵) ≈ 4.990 ≤ 5 and ρ₆ ≈ 5.985 > 5
        assertTrue(Double.isNaN(radamScale(5)));
        assertFalse(Double.isNaN(radamScale(6)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("flatConfigurations")
    void aZeroGradientLeavesXExactlyWhereItIsWithTheDocumentedState(String name, Compat compat,
                                                                    Map<String, ?> settings,
                                                                    LongFunction<Map<String, Double>> expected) {
        Map<String, Object> given = new LinkedHashMap<>(settings);
        if (compat == Compat.keras) {
            given.putIfAbsent("weight_decay", 0.0);
        }
        Trace trace = new Trace(name, compat, given, START, new double[] {0, 0}, 7);
        for (int t = 1; t <= 7; t++) {
            for (int i = 0; i < START.length; i++) {
                String where = name + " " + settings + " step " + t + " variable " + i;
                assertEquals(START[i], trace.x.get(t)[i], 0, "x stays: " + where);
                assertEquals(0, trace.updates.get(t)[i], 0, "update: " + where);
                assertEquals(expected.apply(t).keySet(), trace.states.get(t).keySet(), "state columns: " + where);
                for (Map.Entry<String, Double> column : expected.apply(t).entrySet()) {
                    assertClose(column.getValue(), trace.state(t, column.getKey(), i), column.getKey() + ": " + where);
                }
            }
        }
    }

    @Test
    void adamwsDecoupledDecayStillShrinksXOnAFlatF() {
        // λ = 0.01, γ = 0.001: θₜ = (1 − γλ)·θₜ₋₁ and Adam's own step is 0 (m = 0); the update is γλ·θₜ₋₁
        Trace trace = new Trace("adamw", Compat.torch, Map.of(), START, new double[] {0, 0}, 3);
        double[] expected = START.clone();
        for (int t = 1; t <= 3; t++) {
            for (int i = 0; i < 2; i++) {
                double before = expected[i];
                expected[i] = (1 - 0.001 * 0.01) * before;
                assertClose(expected[i], trace.x.get(t)[i], "x at step " + t);
                assertClose(0.001 * 0.01 * before, trace.updates.get(t)[i], "update at step " + t);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // g = 1e300: finite, but g² = 1e600 overflows to +∞
    // ---------------------------------------------------------------------------------------------------------------

    private static final double G = 1e300;

    private static Trace huge(String name, Map<String, ?> settings, int steps) {
        return new Trace(name, Compat.torch, settings, new double[] {1}, new double[] {G}, steps);
    }

    private static void assertStays(Trace trace, String what) {
        for (int t = 1; t < trace.x.size(); t++) {
            assertEquals(1.0, trace.x.get(t)[0], 0, what + ": x stays at step " + t);
            assertEquals(0.0, trace.updates.get(t)[0], 0, what + ": update at step " + t);
        }
    }

    @Test
    void sgdTakesTheHugeStepItIsAsked() {
        // θ₁ = 1 − 0.001·1e300 ≈ −1e297, θ₂ ≈ −2e297: finite here; the run then stops when f is not finite
        Trace sgd = huge("sgd", Map.of(), 2);
        assertClose(1 - 1e-3 * G, sgd.x.get(1)[0], "sgd x₁");
        assertClose(1 - 1e-3 * G - 1e-3 * G, sgd.x.get(2)[0], "sgd x₂");
        // momentum: b₁ = g, b₂ = 0.9g + g = 1.9e300; θ₂ = θ₁ − 0.001·1.9e300 ≈ −2.9e297
        Trace momentum = huge("momentum", Map.of(), 2);
        assertClose(1.9 * G, momentum.state(2, "buf", 0), "momentum b₂");
        assertClose(1 - 1e-3 * G - 1e-3 * (0.9 * G + G), momentum.x.get(2)[0], "momentum x₂");
        // nesterov: step along g + 0.9·b: 1.9e300 then 1e300 + 0.9·1.9e300 = 2.71e300
        Trace nesterov = huge("nesterov", Map.of(), 2);
        assertClose(1 - 1e-3 * (G + 0.9 * G), nesterov.x.get(1)[0], "nesterov x₁");
        assertClose(1 - 1e-3 * (G + 0.9 * G) - 1e-3 * (G + 0.9 * 1.9 * G), nesterov.x.get(2)[0], "nesterov x₂");
    }

    @Test
    void adagradWithAnInfiniteSumStopsMovingWithoutNaN() {
        // G = 0 + (1e300)² = +∞; γ/(√∞ + ε) = 0; x −= 0·1e300 = 0. Finite and stuck, not an error.
        for (Map<String, Object> settings : List.of(Map.<String, Object>of(), Map.<String, Object>of("eps", 0.0),
                Map.<String, Object>of("eps_inside_sqrt", true), Map.<String, Object>of("lr_decay", 0.1))) {
            Trace trace = huge("adagrad", settings, 2);
            assertStays(trace, "adagrad " + settings);
            assertEquals(INF, trace.state(2, "G", 0), 0);
            assertEquals(0.0, trace.state(2, "lr", 0), 0);
        }
    }

    @Test
    void rmspropStopsMovingButCenteredRmspropMakesNaNAsPyTorchDoes() {
        // v = 0.99·0 + 0.01·1e300·1e300 = +∞; g/(√∞ + ε) = 0
        Trace plain = huge("rmsprop", Map.of(), 2);
        assertStays(plain, "rmsprop");
        assertEquals(INF, plain.state(2, "sq", 0), 0);
        assertEquals(0.0, plain.state(2, "lr", 0), 0);
        // with momentum: b = 0.9·0 + 0 = 0
        Trace momentum = huge("rmsprop", Map.of("momentum", 0.9), 2);
        assertStays(momentum, "rmsprop momentum");
        assertEquals(0.0, momentum.state(2, "buf", 0), 0);
        // centered: ḡ = 0.01·1e300 = 1e298, ṽ = ∞ − (1e298)² = ∞ − ∞ = NaN, so θ₁ = 1 − 0.01·1e300/NaN = NaN.
        // PyTorch computes exactly this (square_avg.addcmul(grad_avg, grad_avg, value=-1)); the run stops there.
        Trace centered = huge("rmsprop", Map.of("centered", true), 1);
        assertClose(0.01 * G, centered.state(1, "grad_avg", 0), "ḡ₁");
        assertEquals(INF, centered.state(1, "sq", 0), 0);
        assertTrue(Double.isNaN(centered.x.get(1)[0]), "centered x₁ = " + centered.x.get(1)[0]);
    }

    @Test
    void adadeltaStopsMovingWithoutNaN() {
        // v = 0.1·1e600 = +∞; Δx = √(0 + 1e-6)/√(∞ + 1e-6)·1e300 = 0·1e300 = 0; u = 0; lr = 0 (not ∞/∞)
        for (Map<String, Object> settings : List.of(Map.<String, Object>of(), Map.<String, Object>of("eps", 0.0))) {
            Trace trace = huge("adadelta", settings, 2);
            assertStays(trace, "adadelta " + settings);
            assertEquals(INF, trace.state(2, "sq", 0), 0);
            assertEquals(0.0, trace.state(2, "acc_delta", 0), 0);
            assertEquals(0.0, trace.state(2, "lr", 0), 0);
        }
    }

    @Test
    void theAdamFamilyWithAnInfiniteSecondMomentStopsMoving() {
        // m₁ = 0.1·1e300 = 1e299, m₂ = 0.9·1e299 + 0.1·1e300 = 1.9e299; v = 0.001·1e600 = +∞;
        // m̂/(√v̂ + ε) = finite/∞ = 0, and NAdam's two terms g/∞ and m/∞ are 0 too
        for (String name : List.of("adam", "amsgrad", "nadam")) {
            for (Map<String, Object> settings : List.of(Map.<String, Object>of(), Map.<String, Object>of("eps", 0.0))) {
                Trace trace = huge(name, settings, 2);
                assertStays(trace, name + " " + settings);
                assertClose(0.9 * 0.1 * G + 0.1 * G, trace.state(2, "m", 0), name + " m₂");
                assertEquals(INF, trace.state(2, "v", 0), 0);
                assertEquals(0.0, trace.state(2, "lr", 0), 0);
            }
        }
        assertEquals(INF, huge("amsgrad", Map.of(), 2).state(2, "v_max", 0), 0);
        // AdamW: only its decoupled decay moves x: θₜ = (1 − 0.001·0.01)·θₜ₋₁
        Trace adamw = huge("adamw", Map.of(), 2);
        assertClose(1 - 0.001 * 0.01, adamw.x.get(1)[0], "adamw x₁");
        assertClose((1 - 0.001 * 0.01) * (1 - 0.001 * 0.01), adamw.x.get(2)[0], "adamw x₂");
    }

    @Test
    void adamaxNeverSquaresSoItStepsNormally() {
        // u₁ = max(0, 1e300 + 1e-8) = 1e300, m₁ = 1e299: θ₁ = 1 − 0.002/(1 − 0.9)·1e299/1e300 = 1 − 0.002 = 0.998
        // u₂ = max(0.999e300, 1e300) = 1e300, m₂ = 1.9e299: θ₂ = 0.998 − 0.002/(1 − 0.81)·0.19 = 0.996
        Trace trace = huge("adamax", Map.of(), 2);
        assertClose(0.998, trace.x.get(1)[0], "adamax x₁");
        assertClose(0.996, trace.x.get(2)[0], "adamax x₂");
        assertClose(G, trace.state(2, "u", 0), "u₂");
        assertClose(0.002 / G, trace.state(2, "lr", 0), "lr₂ = 0.002/1e300");
    }

    @Test
    void radamStepsUnrectifiedThenStopsOnceItDividesByTheInfiniteSecondMoment() {
        // t ≤ 5 (ρₜ ≤ 5): θₜ = θₜ₋₁ − γ·m̂ₜ with m̂ₜ = mₜ/(1 − 0.9ᵗ) = 1e300 (g constant), so θ₅ ≈ 1 − 5·1e297;
        // t ≥ 6: lₜ = √(1 − β₂ᵗ)/(√∞ + ε) = 0, so θ₆ = θ₇ = θ₅
        Trace trace = huge("radam", Map.of(), 7);
        assertClose(1 - 5 * 1e-3 * G, trace.x.get(5)[0], "radam x₅");
        assertEquals(trace.x.get(5)[0], trace.x.get(6)[0], 0);
        assertEquals(trace.x.get(5)[0], trace.x.get(7)[0], 0);
        assertEquals(0.0, trace.state(7, "lr", 0), 0);
        assertEquals(INF, trace.state(7, "v", 0), 0);
    }
}
