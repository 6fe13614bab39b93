package dev.adagrad.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Sgd;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void ratesAreLogSpacedWithBothEndsExact() {
        assertArrayEquals(new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1}, Sweep.logSpaced(1e-4, 1, 5), 1e-18);
        double[] rates = Sweep.logSpaced(1e-4, 1, 13);
        assertEquals(13, rates.length);
        assertEquals(1e-4, rates[0]);
        assertEquals(1.0, rates[12]);
        for (int k = 1; k < 13; k++) {
            assertEquals(Math.cbrt(10), rates[k] / rates[k - 1], 1e-12, "ratio " + k);
        }
        assertArrayEquals(new double[] {0.5}, Sweep.logSpaced(0.5, 0.5, 1));
    }

    @Test
    void badRangesAndCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Sweep.logSpaced(0, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> Sweep.logSpaced(1, 0.1, 5));
        assertThrows(IllegalArgumentException.class, () -> Sweep.logSpaced(1e-4, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Sweep.logSpaced(1e-4, 1, Sweep.MAX_POINTS + 1));
        assertThrows(IllegalArgumentException.class, () -> Sweep.logSpaced(0.1, 0.1, 3));
    }

    private static RunResult result(StopReason reason, long steps, double f) {
        Divergence divergence = reason == StopReason.NON_FINITE
                ? new Divergence(steps + 1, Divergence.Quantity.F, new double[] {1}, Double.NaN, null) : null;
        return new RunResult(reason, steps, new double[] {0}, f, 0, divergence);
    }

    @Test
    void bestPrefersFewestStepsToToleranceThenLowestFAndNeverADivergedRun() {
        Sweep.Point diverged = new Sweep.Point("x", 1, result(StopReason.NON_FINITE, 3, 1e-30));
        Sweep.Point low = new Sweep.Point("x", 0.1, result(StopReason.STEPS_DONE, 100, 1e-6));
        Sweep.Point slowTol = new Sweep.Point("x", 0.01, result(StopReason.TOLERANCE_REACHED, 80, 1e-4));
        Sweep.Point fastTol = new Sweep.Point("x", 0.03, result(StopReason.TOLERANCE_REACHED, 20, 1e-3));
        assertEquals(fastTol, Sweep.best(List.of(diverged, low, slowTol, fastTol)).orElseThrow());
        assertEquals(low, Sweep.best(List.of(diverged, low)).orElseThrow());
        assertTrue(Sweep.best(List.of(diverged)).isEmpty());
        Sweep.Point sameF = new Sweep.Point("x", 0.05, result(StopReason.STEPS_DONE, 100, 1e-6));
        assertEquals(sameF, Sweep.best(List.of(low, sameF)).orElseThrow(), "a tie goes to the smaller rate");
    }

    /**
     * SGD on x² multiplies x by (1 − 2·lr) each step, so lr = 1/2 reaches the minimum in one step and the best grid
     * rate is the one nearest 1/2 in |1 − 2·lr|. On 1e-4..1 with 13 points that is 10^(−1/3) ≈ 0.4642, one grid step
     * from 1/2.
     */
    @Test
    void onXSquaredSgdsBestRateIsWithinOneGridStepOfTheAnalyticHalf() throws InterruptedException {
        double[] rates = Sweep.logSpaced(1e-4, 1, 13);
        Sweep sweep = new Sweep(Objective.of("x^2"), CentralDifference.scaled(), 2);
        Sweep.Outcome outcome = sweep.run(List.of(new Sweep.Candidate("sgd",
                        rate -> Sgd.SGD.create(1, Compat.torch, Map.of("lr", rate)))), rates, new double[] {4}, 30, 0)
                .get(0);
        double best = outcome.best().orElseThrow().learningRate();
        double gridStep = Math.cbrt(10);
        assertTrue(best >= 0.5 / gridStep && best <= 0.5 * gridStep, "best " + best);
        assertEquals(Math.pow(10, -1.0 / 3), best, 1e-12);
        assertEquals(13, outcome.points().size());
        // lr = 1e-4: f = 16·(1 − 2e-4)^60 after 30 steps
        assertEquals(16 * Math.pow(1 - 2e-4, 60), outcome.points().get(0).result().f(), 1e-8);
    }
}
