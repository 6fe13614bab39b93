package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step over a subset of the variables (what sparse data trains with): for an optimizer that says it skips zero
 * gradients, a step over the nonzero components is bitwise the full step with zeros elsewhere; for every optimizer,
 * a subset step leaves every other variable and its state alone and moves the chosen ones as a full step would.
 */
class SparseStepTest {

    private static final int N = 12;

    static Stream<Arguments> optimizers() {
        return ElementWise.all().stream().map(spec -> Arguments.of(spec.name()));
    }

    private static Optimizer create(String name, Map<String, ?> settings) {
        return Optimizers.byName(name).orElseThrow().create(N, Compat.torch, settings);
    }

    /** A gradient with about a third of its components exactly 0, and the indices of the others. */
    private static double[] sparseGradient(SplittableRandom random, int[] active, int[] count) {
        double[] g = new double[N];
        count[0] = 0;
        for (int i = 0; i < N; i++) {
            if (random.nextInt(3) != 0) {
                g[i] = random.nextDouble(-2, 2);
                active[count[0]++] = i;
            }
        }
        return g;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void skippingZeroGradientsIsBitwiseTheFullStepWhereTheOptimizerSaysSo(String name) {
        Optimizer full = create(name, Map.of());
        Optimizer sparse = create(name, Map.of());
        SplittableRandom random = new SplittableRandom(7);
        double[] xFull = new double[N];
        for (int i = 0; i < N; i++) {
            xFull[i] = random.nextDouble(-3, 3);
        }
        double[] xSparse = xFull.clone();
        int[] active = new int[N];
        int[] count = new int[1];
        double[] update = new double[N];
        boolean differs = false;
        for (long t = 1; t <= 40; t++) {
            double[] g = sparseGradient(random, active, count);
            full.step(t, xFull, g, update);
            double[] packed = new double[count[0]];
            for (int k = 0; k < count[0]; k++) {
                packed[k] = g[active[k]];
            }
            sparse.step(t, xSparse, packed, update, null, active, count[0]);
            for (int i = 0; i < N; i++) {
                differs |= Double.doubleToRawLongBits(xFull[i]) != Double.doubleToRawLongBits(xSparse[i]);
            }
        }
        if (full.skipsZeroGradients()) {
            assertArrayEquals(xFull, xSparse, 0.0, name + " says it skips zero gradients");
            assertFalse(differs);
        } else {
            assertTrue(differs, name + " moves variables with a zero gradient, so it must not claim to skip them");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void aSubsetStepMovesOnlyItsVariablesAsAFullStepWould(String name) {
        Optimizer whole = create(name, Map.of());
        Optimizer subset = create(name, Map.of());
        double[] x = {0.5, -1.5, 2.0, 0.25, -0.75, 1.0, 3.0, -2.0, 0.1, -0.1, 1.5, -3.0};
        double[] g = {0.3, -0.2, 0.9, -1.1, 0.05, 0.4, -0.6, 0.7, -0.8, 1.2, -0.3, 0.2};
        // The first step of the subset's variables, taken alone, must equal the whole first step on them: every
        // optimizer is element-wise, so a variable's first step depends on its own x, g and state only.
        double[] xWhole = x.clone();
        whole.step(1, xWhole, g, new double[N]);
        double[] xSubset = x.clone();
        int[] active = {1, 4, 9};
        subset.step(1, xSubset, new double[] {g[1], g[4], g[9]}, new double[N], null, active, active.length);
        for (int i = 0; i < N; i++) {
            boolean chosen = i == 1 || i == 4 || i == 9;
            assertEquals(chosen ? xWhole[i] : x[i], xSubset[i], 0.0, name + ", variable " + i);
        }
        for (int column = 0; column < subset.stateColumns().size(); column++) {
            if (subset.stateColumns().get(column).key().equals("lr")) {
                continue;
            }
            double untouched = create(name, Map.of()).state(column, 0);
            assertEquals(untouched, subset.state(column, 0), 0.0, name + ": state of a variable left out");
            assertEquals(whole.state(column, 4), subset.state(column, 4), 0.0, name + ": state of a chosen one");
        }
    }
}
