package dev.adagrad.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Sgd;
import dev.adagrad.optim.Compat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrajectoryTest {

    /** SGD with lr 0.25 on x² halves x each step: xₜ = 4·0.5ᵗ, f = 16·0.25ᵗ. */
    private static Trajectory record(long steps, int capacity) {
        Trajectory trajectory = new Trajectory(1, capacity);
        Runner runner = new Runner(Objective.of("x^2"), CentralDifference.scaled(),
                Sgd.SGD.create(1, Compat.torch, Map.of("lr", 0.25)));
        runner.run(new double[] {4}, steps, 0, trajectory);
        return trajectory;
    }

    @Test
    void keepsEveryRowWhileThereIsRoom() {
        Trajectory trajectory = record(5, 8);
        assertEquals(6, trajectory.size());
        for (int k = 0; k < 6; k++) {
            assertEquals(k, trajectory.step(k));
            assertEquals(4 * Math.pow(0.5, k), trajectory.x(k, 0), 1e-9);
            assertEquals(16 * Math.pow(0.25, k), trajectory.f(k), 1e-9);
        }
    }

    @Test
    void longRunsKeepEvenlySpacedRowsWithinCapacityAndTheLastRow() {
        Trajectory trajectory = record(1000, 16);
        int size = trajectory.size();
        assertTrue(size <= 17 && size >= 8, "size " + size);
        assertEquals(0, trajectory.step(0));
        assertEquals(1000, trajectory.step(size - 1));
        long stride = trajectory.step(1) - trajectory.step(0);
        for (int k = 1; k < size - 1; k++) {
            assertEquals(stride, trajectory.step(k) - trajectory.step(k - 1), "gap before row " + k);
        }
        assertTrue(stride >= 1000 / 16, "stride " + stride);
        Trajectory everyRow = record(1000, 2048);
        for (int k = 0; k < size; k++) {
            int step = (int) trajectory.step(k);
            assertEquals(everyRow.x(step, 0), trajectory.x(k, 0), "x at step " + step);
            assertEquals(everyRow.f(step), trajectory.f(k), "f at step " + step);
        }
    }
}
