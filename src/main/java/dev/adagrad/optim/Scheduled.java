package dev.adagrad.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Any optimizer with a learning-rate {@link Schedule}: the optimizer steps with the rate it has, then the loop calls
 * {@link #stepSchedule} (torch's {@code optimizer.step(); scheduler.step()}), which sets the rate of the next step.
 *
 * <p>Row t's {@code lr} column is the rate step t used. Optimizers that report an effective per-variable rate already
 * have one (AdaGrad's γ/(√G + ε) follows the scheduled γ); for those that do not (SGD and its momentum forms), this
 * part adds an {@code lr} column holding γ for every variable.
 */
public final class Scheduled extends Wrapper {

    private static final StateColumn RATE = StateColumn.learningRate("γ, as the schedule set it for this step");

    private final Schedule schedule;
    private final List<StateColumn> columns;
    /** The rate each variable last stepped with, when the inner optimizer reports none; else null. */
    private final double[] usedRate;

    /** @throws IllegalArgumentException if {@code inner} has no learning rate to schedule */
    public Scheduled(Optimizer inner, Schedule schedule, int dimension) {
        super(inner);
        if (!inner.hasLearningRate()) {
            throw new IllegalArgumentException("--schedule sets the hyperparameter lr, and this optimizer has none");
        }
        this.schedule = schedule;
        // First, as torch builds the scheduler before the first step: OneCycleLR may switch on a momentum buffer.
        schedule.start(inner);
        boolean hasRate = inner.stateColumns().stream().anyMatch(c -> c.key().equals(RATE.key()));
        List<StateColumn> all = new ArrayList<>(inner.stateColumns());
        if (!hasRate) {
            all.add(RATE);
            usedRate = new double[dimension];
            Arrays.fill(usedRate, Double.NaN);
        } else {
            usedRate = null;
        }
        this.columns = List.copyOf(all);
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        double rate = inner.learningRate();
        if (narrator != null) {
            narrator.line(Narrator.WHOLE_STEP, "γ", "the schedule's rate for step t", "{}", rate, rate);
            if (schedule.cyclesMomentum()) {
                double momentum = inner.momentum();
                String name = inner.cycledMomentum().equals("beta1") ? "β₁" : "μ";
                narrator.line(Narrator.WHOLE_STEP, name, "the schedule's " + inner.cycledMomentum() + " for step t",
                        "{}", momentum, momentum);
            }
        }
        if (usedRate != null) {
            for (int k = 0; k < count; k++) {
                usedRate[active == null ? k : active[k]] = rate;
            }
        }
        inner.step(t, x, gradient, update, narrator, active, count);
    }

    @Override
    public void step(long t, double[] x, double f, double[] gradient, double[] update, Narrator narrator,
                     Closure closure) {
        if (!inner.evaluatesInStep()) {
            step(t, x, gradient, update, narrator);
            return;
        }
        double rate = inner.learningRate();
        if (usedRate != null) {
            java.util.Arrays.fill(usedRate, rate);
        }
        inner.step(t, x, f, gradient, update, narrator, closure);
    }

    @Override
    public void stepSchedule(double f) {
        schedule.step(f);
    }

    @Override
    public List<StateColumn> stateColumns() {
        return columns;
    }

    @Override
    public double state(int column, int variable) {
        return column < inner.stateColumns().size() ? inner.state(column, variable) : usedRate[variable];
    }
}
