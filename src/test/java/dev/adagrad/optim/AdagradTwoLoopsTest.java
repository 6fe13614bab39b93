package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * AdaGrad's plain step (no narrator, no decay) is a loop of its own, which the JIT inlines into the run, and from 16
 * variables two loops it vectorizes ({@link Adagrad#plainStepInTwoLoops}); the general loop (taken with a narrator, or
 * over a list of variables) is the reference. Over 25 steps at sizes around the vector width and the threshold, with
 * zero, negative-zero, tiny, huge and overflowing gradients among ordinary ones, x, the update and both state columns
 * must be the same bits for each setting.
 */
class AdagradTwoLoopsTest {

    private static final List<Map<String, Object>> SETTINGS = List.of(Map.of(), Map.of("lr_decay", 0.1),
            Map.of("eps_inside_sqrt", true), Map.of("eps", 0.0), Map.of("initial_accumulator_value", 0.1, "eps", 0.0),
            Map.of("lr", 3.0, "eps", 1e-3, "eps_inside_sqrt", true));

    private static final Narrator SILENT = (variable, symbol, formula, substituted, value, arguments) -> { };

    @Test
    void twoLoopsGiveTheOneLoopsBits() {
        SplittableRandom random = new SplittableRandom(18);
        for (int n : new int[] {1, 2, 5, Adagrad.TWO_LOOPS_FROM - 1, Adagrad.TWO_LOOPS_FROM, 17, 37, 1000}) {
            for (Map<String, Object> settings : SETTINGS) {
                Optimizer plain = Adagrad.SPEC.create(n, Compat.torch, settings);
                Optimizer narrated = Adagrad.SPEC.create(n, Compat.torch, settings);
                Optimizer listed = Adagrad.SPEC.create(n, Compat.torch, settings);
                int[] everyVariable = new int[n];
                Arrays.setAll(everyVariable, i -> i);
                double[] x = new double[n];
                Arrays.setAll(x, i -> random.nextDouble(-3, 3));
                double[] xNarrated = x.clone();
                double[] xListed = x.clone();
                double[] update = new double[n];
                double[] updateNarrated = new double[n];
                double[] updateListed = new double[n];
                for (int t = 1; t <= 25; t++) {
                    double[] g = gradient(random, n);
                    plain.step(t, x, g, update, null);
                    narrated.step(t, xNarrated, g, updateNarrated, SILENT);
                    listed.step(t, xListed, g.clone(), updateListed, null, everyVariable, n);
                    String where = "n = " + n + ", " + settings + ", step " + t;
                    assertBits(xNarrated, x, where + ", x");
                    assertBits(xListed, x, where + ", x (listed)");
                    assertBits(updateNarrated, update, where + ", update");
                    assertBits(updateListed, update, where + ", update (listed)");
                    for (int column = 0; column < 2; column++) {
                        for (int i = 0; i < n; i++) {
                            assertEquals(Double.doubleToRawLongBits(narrated.state(column, i)),
                                    Double.doubleToRawLongBits(plain.state(column, i)),
                                    where + ", state " + column + " of " + i);
                        }
                    }
                }
            }
        }
    }

    /** Mostly ordinary values, with 0, −0, tiny, huge and overflowing ones mixed in. */
    private static double[] gradient(SplittableRandom random, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = switch (random.nextInt(8)) {
                case 0 -> 0.0;
                case 1 -> -0.0;
                case 2 -> random.nextDouble(-1, 1) * 1e-160;
                case 3 -> random.nextDouble(-1, 1) * 1e150;
                case 4 -> random.nextDouble(-1, 1) * 1e200; // g² overflows: G = ∞, the rate 0, a step of −0.0
                default -> random.nextDouble(-2, 2);
            };
        }
        return g;
    }

    private static void assertBits(double[] expected, double[] actual, String where) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Double.doubleToRawLongBits(expected[i]), Double.doubleToRawLongBits(actual[i]),
                    where + " [" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }
}
