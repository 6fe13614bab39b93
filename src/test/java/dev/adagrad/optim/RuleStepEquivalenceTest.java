package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule's step compiled whole (one generated method, t-only subexpressions hoisted out of the loop over the
 * variables) against the same rule assignment by assignment (the path explain narrates), on random hyperparameters,
 * starts, gradients, learning-rate changes and sparse steps: x, the update, every state and every report are the same
 * bits after every step. NaNs are compared as NaN (their payload is not an output), everything else bit for bit,
 * -0.0 included.
 */
class RuleStepEquivalenceTest {

    /** Hand-written rules whose t-only and hyperparameter-only subexpressions the whole step computes once per step. */
    static final Map<String, String> HAND_WRITTEN = new LinkedHashMap<>();

    static {
        HAND_WRITTEN.put("adam, corrections inside", """
                hyper: lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8
                state: m = 0, v = 0
                step:
                  m = beta1 * m + (1 - beta1) * g
                  v = beta2 * v + (1 - beta2) * g * g
                  x = x - lr * (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
                report: lr = lr * sqrt(1 - beta2^t) / (1 - beta1^t)
                  c1 = 1 - beta1^t
                """);
        HAND_WRITTEN.put("a rate that divides by a hyperparameter (0 makes every step NaN)", """
                hyper: lr = 0.1, a = 2, k = 3
                step:
                  x = x - lr / (a - 1) * g + 0 * (t % k)
                """);
        HAND_WRITTEN.put("a throwing division seen through signum, which makes NaN 0", """
                hyper: lr = 0.1, a = 2
                step:
                  x = x - lr * signum(g + 1 / (a - 1))
                """);
        HAND_WRITTEN.put("a division shared by two lines, 0 where x = a, seen through signum", """
                hyper: lr = 0.1, a = 2
                state: s = 1
                step:
                  s = s + abs(g / (x - a)) * 0 + abs(g)
                  x = x - lr * signum(g / (x - a) + 1)
                report: r = signum(g / (x - a))
                  q = s * abs(g) + signum(abs(g) - s)
                """);
        HAND_WRITTEN.put("decay after the step: the update is x before minus x after", """
                hyper: lr = 0.05, wd = 0.01
                state: s = 1
                step:
                  x = x - lr * g / s
                  x = x * (1 - lr * wd / t)
                  s = s + cot(t) * 0 + sqrt(t) / t
                report: r = s * (lr / sqrt(t))
                """);
        HAND_WRITTEN.put("a whole step that depends only on t", """
                hyper: lr = 0.1
                step:
                  x = x - lr / t
                report: lr = lr / t
                """);
        HAND_WRITTEN.put("constants alone, and pi", """
                hyper: lr = 0.1
                state: m = 0
                step:
                  m = (1 - 0.9) * g + 0.9 * m
                  x = x - lr * pi / (2 * pi) * signum(m) * max(abs(m), 1e-3)
                """);
        HAND_WRITTEN.put("cot of a hyperparameter, undefined at 0", """
                hyper: lr = 0.1, a = 1
                state: m = 0
                step:
                  m = m + g * cot(a * t)
                  x = x - lr * atan(m)
                """);
    }

    static Stream<String> rules() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String name : new String[] {"adagrad", "rmsprop", "adam", "lion"}) {
            texts.add(Files.readString(Path.of("examples/optimizers/" + name + ".opt")));
        }
        texts.addAll(HAND_WRITTEN.values());
        return texts.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void theWholeStepIsTheAssignmentsBitForBit(String text) {
        RuleFile rule = RuleFile.parse("r.opt", text);
        Random random = new Random(text.hashCode());
        for (int trial = 0; trial < 40; trial++) {
            compare(rule, random, text.lines().filter(l -> !l.startsWith("#")).findFirst().orElse("") + ", trial "
                    + trial);
        }
    }

    /** Random rules from a small grammar, each part mixing per-variable values with t-only subexpressions. */
    @Test
    void randomRulesAgreeToo() {
        Random random = new Random(13);
        int accepted = 0;
        int tries = 0;
        while (accepted < 150 && tries < 5000) {
            tries++;
            String text = "hyper: lr = 0.1, a = 0.9, b = 2\nstate: s = 0.5, w = 1\nstep:\n"
                    + "  s = " + expression(random, 3, false) + "\n"
                    + (random.nextBoolean() ? "  x = x - (" + expression(random, 3, false) + ")\n"
                    : "  x = " + expression(random, 3, false) + "\n")
                    + "  w = " + expression(random, 2, false) + "\n"
                    + "report: r = " + expression(random, 2, false) + "\n";
            RuleFile rule;
            try {
                rule = RuleFile.parse("r.opt", text);
            } catch (IllegalArgumentException e) {
                continue; // not finite at step 1: the file would be refused
            }
            accepted++;
            for (int trial = 0; trial < 3; trial++) {
                compare(rule, random, text);
            }
        }
        assertEquals(150, accepted, "random rules accepted in " + tries + " tries");
    }

    /** The four examples take the one-method path (so the comparison above compares two paths). */
    @Test
    void theExamplesRunAsOneMethod() {
        for (String name : new String[] {"adagrad", "rmsprop", "adam", "lion"}) {
            OptimizerSpec spec = RuleFile.load("examples/optimizers/" + name + ".opt");
            RuleOptimizer o = (RuleOptimizer) spec.create(3, Compat.torch, Map.of());
            assertTrue(o.compiledWhole(), name);
        }
    }

    /**
     * A step too large for one method that HotSpot compiles runs assignment by assignment, with the same results:
     * checked here on a rule of 1,200 sines.
     */
    @Test
    void aStepTooLargeForOneMethodRunsAssignmentByAssignment() {
        String sum = String.join(" + ", java.util.Collections.nCopies(1200, "sin(g)"));
        RuleFile rule = RuleFile.parse("big.opt", "hyper: lr = 0.001\nstep:\n  x = x - lr * (" + sum + ")\n");
        RuleOptimizer o = new RuleOptimizer(rule, 2, rule.hyperparameterValues(Map.of()));
        assertFalse(o.compiledWhole());
        double[] x = {1, 2};
        o.step(1, x, new double[] {0.5, 0.25}, new double[2]);
        assertEquals(1 - 0.001 * (1200 * Math.sin(0.5)), x[0], 1e-12);
    }

    private static final String[] PER_VARIABLE = {"g", "x", "s", "w"};
    private static final String[] PER_STEP = {"t", "lr", "a", "b", "0.5", "2", "1e-8", "0", "1"};
    private static final String[] UNARY = {"-", "sqrt", "abs", "exp", "log", "signum", "cot", "sigmoid", "floor",
        "tanh"};
    private static final String[] BINARY = {"+", "-", "*", "/", "%", "^", "max", "min"};

    /** An expression of the given depth; {@code perStep} keeps its leaves to t, hyperparameters and constants. */
    private static String expression(Random random, int depth, boolean perStep) {
        if (depth == 0 || random.nextInt(4) == 0) {
            boolean step = perStep || random.nextInt(3) == 0;
            String[] leaves = step ? PER_STEP : PER_VARIABLE;
            return leaves[random.nextInt(leaves.length)];
        }
        boolean inner = perStep || random.nextInt(3) == 0; // a subtree of t and hyperparameters only
        if (random.nextInt(3) == 0) {
            String f = UNARY[random.nextInt(UNARY.length)];
            String argument = expression(random, depth - 1, inner);
            return f.equals("-") ? "-(" + argument + ")" : f + "(" + argument + ")";
        }
        String op = BINARY[random.nextInt(BINARY.length)];
        String left = expression(random, depth - 1, inner);
        String right = expression(random, depth - 1, perStep || random.nextInt(3) == 0);
        return op.length() > 1 ? op + "(" + left + ", " + right + ")" : "(" + left + " " + op + " " + right + ")";
    }

    /**
     * One trajectory of 30 steps, the whole step against the assignments, from the same random start, with random
     * hyperparameters (now and then exactly 0 or 1, where divisions and cot throw), gradients (now and then 0, −0,
     * huge or NaN), a learning rate set between steps as a schedule would, and every fourth step sparse.
     */
    private static void compare(RuleFile rule, Random random, String what) {
        int dimension = 1 + random.nextInt(6);
        Map<String, Double> given = new LinkedHashMap<>();
        for (Map.Entry<String, Double> h : rule.hyperparameters().entrySet()) {
            double d = h.getValue();
            double value = switch (random.nextInt(8)) {
                case 0 -> 0.0;
                case 1 -> 1.0;
                case 2 -> -d;
                default -> d * (0.5 + 1.5 * random.nextDouble());
            };
            given.put(h.getKey(), value);
        }
        double[] hyper = rule.hyperparameterValues(given);
        RuleOptimizer whole = new RuleOptimizer(rule, dimension, hyper);
        RuleOptimizer each = new RuleOptimizer(rule, dimension, hyper);
        assertTrue(whole.compiledWhole(), what);
        double[] x1 = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x1[i] = random.nextInt(10) == 0 ? 0.0 : 4 * random.nextGaussian();
        }
        double[] x2 = x1.clone();
        double[] u1 = new double[dimension];
        double[] u2 = new double[dimension];
        double[] gradient = new double[dimension];
        for (long t = 1; t <= 30; t++) {
            if (random.nextInt(10) == 0) {
                double rate = random.nextDouble();
                whole.learningRate(rate);
                each.learningRate(rate);
            }
            int[] active = null;
            int count = dimension;
            if (t % 4 == 0) {
                active = new int[dimension];
                count = 0;
                for (int i = 0; i < dimension; i++) {
                    if (random.nextBoolean()) {
                        active[count++] = i;
                    }
                }
            }
            for (int k = 0; k < count; k++) {
                gradient[k] = switch (random.nextInt(20)) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> 1e300;
                    case 3 -> Double.NaN;
                    default -> random.nextGaussian() + x1[active == null ? k : active[k]];
                };
            }
            whole.step(t, x1, gradient, u1, null, active, count);
            each.stepPerAssignment(t, x2, gradient, u2, null, active, count);
            String where = what + "\nstep " + t + ", hyperparameters " + Arrays.toString(hyper);
            assertSame(x2, x1, where + ", x");
            assertSame(Arrays.copyOf(u2, count), Arrays.copyOf(u1, count), where + ", update");
            double[][] expected = each.stateArrays();
            double[][] actual = whole.stateArrays();
            for (int c = 0; c < expected.length; c++) {
                assertSame(expected[c], actual[c], where + ", column " + each.stateColumns().get(c).key());
            }
        }
    }

    private static void assertSame(double[] expected, double[] actual, String where) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(actual[i]),
                    () -> where + ": " + Arrays.toString(expected) + " against " + Arrays.toString(actual));
        }
    }
}
