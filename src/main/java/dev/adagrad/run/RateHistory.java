package dev.adagrad.run;

import dev.adagrad.optim.Optimizer;
import java.util.Arrays;

/**
 * The learning rate γ each step used, for {@code --plot-lr}: a listener after the schedule's step reads the rate of
 * the next step, so row t's value is the one read at row t − 1. Bounded like {@link Trajectory}: past its capacity it
 * keeps every other point and records at twice the stride, so a run of any length keeps at most the capacity.
 */
public final class RateHistory implements StepListener {

    private static final int CAPACITY = 4096;

    private final Optimizer optimizer;
    private double[] steps = new double[CAPACITY];
    private double[] rates = new double[CAPACITY];
    private int size;
    private long stride = 1;
    private double next = Double.NaN;

    public RateHistory(Optimizer optimizer) {
        this.optimizer = optimizer;
    }

    @Override
    public void onStep(StepRecord row) {
        double used = next;
        next = optimizer.learningRate();
        if (row.step() == 0 || row.step() % stride != 0) {
            return;
        }
        if (size == CAPACITY) {
            for (int k = 0; k < CAPACITY / 2; k++) {
                steps[k] = steps[2 * k + 1];
                rates[k] = rates[2 * k + 1];
            }
            size = CAPACITY / 2;
            stride *= 2;
            if (row.step() % stride != 0) {
                return;
            }
        }
        steps[size] = row.step();
        rates[size] = used;
        size++;
    }

    public double[] steps() {
        return Arrays.copyOf(steps, size);
    }

    public double[] rates() {
        return Arrays.copyOf(rates, size);
    }
}
