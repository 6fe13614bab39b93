package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Explaining a step must not change it: for every registered optimizer and each of its switches, N steps with a
 * {@link Narrator} leave x, the update and every state column bitwise equal to N plain steps, and each variable's last
 * narrated line is θₜ with exactly the new x as its value. That is what makes {@code adagrad explain} trustworthy: the
 * numbers it shows come from the computation the other commands run.
 */
class NarrationEquivalenceTest {

    private static final int STEPS = 10;
    private static final double[] START = {1.5, -0.75};

    /** What a narrator was told, kept as given. */
    record Line(int variable, String symbol, String formula, String substituted, double value, double[] arguments) {
    }

    static final class Recorder implements Narrator {
        final List<Line> lines = new ArrayList<>();

        @Override
        public void line(int variable, String symbol, String formula, String substituted, double value,
                         double... arguments) {
            lines.add(new Line(variable, symbol, formula, substituted, value, arguments.clone()));
        }
    }

    static Stream<Arguments> configurations() {
        List<Arguments> all = new ArrayList<>();
        for (OptimizerSpec spec : Optimizers.all()) {
            all.add(Arguments.of(spec.name(), Compat.torch, Map.of()));
            for (Map<String, Object> variant : OptimizerDb.byName(spec.name()).orElseThrow().variants()) {
                all.add(Arguments.of(spec.name(), Compat.torch, variant));
            }
            if (spec.preset(Compat.keras).unavailable() == null) {
                // Keras's conventions: decoupled decay everywhere, epsilon hat, eps outside the maximum.
                all.add(Arguments.of(spec.name(), Compat.keras, Map.of("weight_decay", 0.1)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configurations")
    void explainingLeavesEveryStepBitwiseAsItWas(String name, Compat compat, Map<String, Object> settings) {
        OptimizerSpec spec = Optimizers.byName(name).orElseThrow();
        Optimizer plain = spec.create(START.length, compat, settings);
        Optimizer narrated = spec.create(START.length, compat, settings);
        double[] x = START.clone();
        double[] y = START.clone();
        double[] gradient = new double[START.length];
        double[] gradientY = new double[START.length];
        double[] update = new double[START.length];
        double[] updateY = new double[START.length];
        Recorder recorder = new Recorder();
        for (long t = 1; t <= STEPS; t++) {
            gradient(x, gradient);
            gradient(y, gradientY);
            plain.step(t, x, gradient, update);
            recorder.lines.clear();
            narrated.step(t, y, gradientY, updateY, recorder);

            String at = name + " " + settings + " step " + t;
            assertBitwiseEqual(x, y, "x at " + at);
            assertBitwiseEqual(update, updateY, "update at " + at);
            for (int column = 0; column < plain.stateColumns().size(); column++) {
                for (int i = 0; i < START.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(plain.state(column, i)),
                            Double.doubleToRawLongBits(narrated.state(column, i)),
                            plain.stateColumns().get(column).key() + " of variable " + i + " at " + at);
                }
            }
            assertNarration(recorder.lines, y, at);
        }
    }

    /** Each variable's lines end with θₜ = the new x; every line's placeholders match its numbers. */
    private static void assertNarration(List<Line> lines, double[] x, String at) {
        for (int i = 0; i < x.length; i++) {
            Line last = null;
            for (Line line : lines) {
                if (line.variable() == i) {
                    last = line;
                }
            }
            assertTrue(last != null, "no lines for variable " + i + " at " + at);
            assertEquals("θₜ", last.symbol(), "the last line of variable " + i + " at " + at);
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(last.value()),
                    "θₜ's value is the new x of variable " + i + " at " + at);
        }
        for (Line line : lines) {
            assertTrue(line.variable() == Narrator.WHOLE_STEP || line.variable() >= 0 && line.variable() < x.length,
                    line + " at " + at);
            assertEquals(placeholders(line.substituted()), line.arguments().length,
                    "placeholders of " + line.symbol() + " ← " + line.substituted() + " at " + at);
            assertFalse(line.symbol().isBlank() || line.formula().isBlank(), line + " at " + at);
            assertTrue(Double.isFinite(line.value()), line.symbol() + " = " + line.value() + " at " + at);
        }
    }

    /**
     * Narration is behind {@code if (narrator != null)}: plain steps still allocate nothing (no formatting, boxing or
     * varargs arrays), measured with HotSpot's per-thread allocation counter.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("configurations")
    void plainStepsAllocateNothing(String name, Compat compat, Map<String, Object> settings) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Optimizer optimizer = Optimizers.byName(name).orElseThrow().create(START.length, compat, settings);
        double[] x = START.clone();
        double[] gradient = new double[START.length];
        double[] update = new double[START.length];
        long id = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && allocated > 0; attempt++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (long t = 1; t <= 2_000; t++) {
                gradient(x, gradient);
                optimizer.step(t, x, gradient, update);
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, "bytes allocated by 2000 plain steps of " + name + " " + settings);
    }

    @Test
    void radamNarratesBothBranches() {
        Optimizer radam = RAdam.SPEC.create(1, Compat.torch, Map.of());
        double[] x = {2};
        double[] gradient = new double[1];
        double[] update = new double[1];
        List<String> formulas = new ArrayList<>();
        for (long t = 1; t <= 7; t++) {
            Recorder recorder = new Recorder();
            gradient[0] = 2 * x[0];
            radam.step(t, x, gradient, update, recorder);
            Map<String, String> bySymbol = new LinkedHashMap<>();
            recorder.lines.forEach(line -> bySymbol.put(line.symbol(), line.formula()));
            formulas.add(bySymbol.get("θₜ"));
            assertEquals(t >= 6, bySymbol.containsKey("rₜ"), "rₜ from step 6 (ρₜ > 5) on, step " + t);
        }
        assertTrue(formulas.get(4).contains("ρₜ ≤ 5"), formulas.get(4));
        assertEquals("θₜ₋₁ − γ·m̂ₜ·rₜ·lₜ", formulas.get(5));
    }

    private static int placeholders(String template) {
        Matcher matcher = Pattern.compile("\\{t?}").matcher(template);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    /** A gradient that depends on x only, so equal points get equal gradients: that of x₀² + 3x₁² + sin(x₀x₁). */
    private static void gradient(double[] x, double[] gradient) {
        gradient[0] = 2 * x[0] + x[1] * Math.cos(x[0] * x[1]);
        gradient[1] = 6 * x[1] + x[0] * Math.cos(x[0] * x[1]);
    }

    private static void assertBitwiseEqual(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    what + "[" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }
}
