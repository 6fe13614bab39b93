package dev.adagrad.run;

import dev.adagrad.expr.DifferenceListener;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Narrator;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.Divergence.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code adagrad step}'s run: one or more optimizers ("lanes") from one start, taken one step at a time on request,
 * every row kept, so that going back shows a recorded row and computes nothing. Each step is the one
 * {@link Runner} takes (the same gradient, tolerance and non-finite checks, in the same order); Runner runs to the
 * end in one call and keeps nothing, this takes one step when asked and keeps every row with its narration.
 *
 * <p><b>Changing the learning rate from a step on.</b> An optimizer's rate is fixed when it is built, so the lane gets
 * a new optimizer built with the new rate, and that optimizer is brought to the state the old one had by replaying the
 * recorded steps: for t = 1 … c it steps from the recorded xₜ₋₁ with the recorded gradient gₜ. This is exact because
 * in every registered optimizer the learning rate enters only x (and the reported effective rate, which each step
 * overwrites): the state (G, m, v, buffers, bias-correction products) is a function of the gradients, the points they
 * were taken at and t alone. So the replayed state equals the old one bitwise ({@code StepThroughTest} checks that
 * for every optimizer), the rows before step c + 1 are kept as they were, and step c + 1 on use the new rate, as
 * PyTorch does when a {@code param_group}'s {@code lr} is changed between two steps.
 */
public final class StepThrough {

    /** Builds a lane's optimizer with a learning rate; throws IllegalArgumentException for a rate it refuses. */
    @FunctionalInterface
    public interface OptimizerFactory {
        Optimizer create(double learningRate);
    }

    /**
     * The narration of a lane's steps: the gradient and the optimizer report their lines to it while the step is
     * computed, and {@link #step} then returns the step's text (see {@code dev.adagrad.output.StepNarration}).
     */
    public interface Narration extends Narrator, DifferenceListener {

        /** The text of the step whose lines were just reported, now that its row is known; row 0 gives "". */
        String step(StepRecord row);

        /** The text of a step that went non-finite, with how the lane ended. */
        String diverged(RunResult result);

        /** Forgets any pending lines; the next step starts from {@code row} (after a replay). */
        void resume(StepRecord row);
    }

    /**
     * One lane as given.
     *
     * @param name         the optimizer's name
     * @param learningRate its learning rate at the start
     * @param factory      builds it with a learning rate
     * @param narration    narrates its steps (null for none)
     */
    public record LaneSpec(String name, double learningRate, OptimizerFactory factory, Narration narration) {
    }

    /** A change of a lane's learning rate: {@code rate} from step {@code fromStep} on. */
    public record RateChange(long fromStep, double rate) {
    }

    /** One optimizer's run: every row so far, with the narration of each step. */
    public final class Lane {

        private final String name;
        private final OptimizerFactory factory;
        private final Narration narration;
        private final List<StepRecord> rows = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<RateChange> changes = new ArrayList<>();
        private Optimizer optimizer;
        private StepRecord live;
        private RunResult end;
        private final double[] previousX;

        private Lane(LaneSpec spec) {
            this.name = spec.name();
            this.factory = spec.factory();
            this.narration = spec.narration();
            this.optimizer = factory.create(spec.learningRate());
            this.changes.add(new RateChange(1, spec.learningRate()));
            this.live = new StepRecord(optimizer, dimension);
            this.previousX = new double[dimension];
            System.arraycopy(start, 0, live.x, 0, dimension);
            live.step = 0;
            live.f = objective.value(live.x);
            live.knownNorm(Double.NaN);
            if (!isFinite(live.x) || !Double.isFinite(live.f)) {
                Divergence divergence = new Divergence(0, isFinite(live.x) ? Quantity.F : Quantity.X,
                        live.x.clone(), live.f, null);
                end = new RunResult(StopReason.NON_FINITE, 0, live.x.clone(), live.f, Double.NaN, divergence);
            }
            keep(narration == null ? "" : narration.step(live));
        }

        public String name() {
            return name;
        }

        /** The state columns of its optimizer. */
        public List<dev.adagrad.optim.StateColumn> stateColumns() {
            return optimizer.stateColumns();
        }

        /** The last step recorded. */
        public long recorded() {
            return rows.size() - 1;
        }

        /** Row {@code t}, or the last recorded row when the lane has not got (or will not get) that far. */
        public StepRecord row(long t) {
            return rows.get((int) Math.min(Math.max(t, 0), recorded()));
        }

        /** The narration of step {@code t} (as {@link #row}), "" for row 0. */
        public String narration(long t) {
            return texts.get((int) Math.min(Math.max(t, 0), recorded()));
        }

        /** The learning rate step {@code t} uses (step 1's for t = 0). */
        public double learningRate(long t) {
            double rate = changes.get(0).rate();
            for (RateChange change : changes) {
                if (change.fromStep() <= Math.max(t, 1)) {
                    rate = change.rate();
                }
            }
            return rate;
        }

        /** The rates in force, in order: the first from step 1, then every change that is still part of the run. */
        public List<RateChange> rateChanges() {
            return List.copyOf(changes);
        }

        /** How the lane ended (tolerance, non-finite value, stop request), or null while it can go on. */
        public RunResult end() {
            return end;
        }

        private void keep(String text) {
            StepRecord snapshot = live.newSnapshot();
            snapshot.copyFrom(live);
            rows.add(snapshot);
            texts.add(text);
        }

        /** Takes step recorded() + 1; false when the lane has ended (now or before). */
        private boolean advance() {
            if (end != null) {
                return false;
            }
            long t = recorded() + 1;
            if (StopRequest.pending()) {
                StopReason stop = StopRequest.reason();
                if (stop != null) {
                    end = new RunResult(stop, t - 1, live.x.clone(), live.f, live.gradientNorm(), null);
                    return false;
                }
            }
            double[] x = live.x;
            double[] gradient = live.gradient;
            gradientMethod.gradient(objective, x, gradient, narration);
            if (!isFinite(gradient)) {
                diverge(new RunResult(StopReason.NON_FINITE, t - 1, x.clone(), live.f, Double.NaN,
                        new Divergence(t, Quantity.GRADIENT, x.clone(), live.f, gradient.clone())));
                return false;
            }
            double norm = StepRecord.norm(gradient);
            if (tolerance > 0 && norm <= tolerance) {
                end = new RunResult(StopReason.TOLERANCE_REACHED, t - 1, x.clone(), live.f, norm, null);
                if (narration != null) {
                    narration.resume(row(t - 1)); // the gradient's lines belong to no step
                }
                return false;
            }
            double previousF = live.f;
            System.arraycopy(x, 0, previousX, 0, dimension);
            optimizer.step(t, x, gradient, live.update, narration);
            live.f = objective.value(x);
            live.knownNorm(norm);
            if (!isFinite(x) || !Double.isFinite(live.f)) {
                Quantity quantity = isFinite(x) ? Quantity.F : Quantity.X;
                Divergence divergence = new Divergence(t, quantity, x.clone(), live.f, gradient.clone());
                System.arraycopy(previousX, 0, x, 0, dimension);
                live.f = previousF;
                diverge(new RunResult(StopReason.NON_FINITE, t - 1, previousX.clone(), previousF, norm, divergence));
                return false;
            }
            live.step = t;
            keep(narration == null ? "" : narration.step(live));
            return true;
        }

        private void diverge(RunResult result) {
            end = result;
            divergenceText = narration == null ? "" : narration.diverged(result);
        }

        private String divergenceText = "";

        /** The narration of the step that went non-finite, "" if none did. */
        public String divergenceNarration() {
            return end != null && end.reason() == StopReason.NON_FINITE ? divergenceText : "";
        }

        /** From step c + 1 on, {@code rate}: rows after c are dropped and the optimizer is rebuilt by replay. */
        private void changeRate(long c, double rate) {
            Optimizer replacement = factory.create(rate);
            long last = Math.min(c, recorded());
            double[] x = new double[dimension];
            double[] update = new double[dimension];
            for (int t = 1; t <= last; t++) {
                System.arraycopy(rows.get(t - 1).x, 0, x, 0, dimension);
                replacement.step(t, x, rows.get(t).gradient, update, null);
            }
            while (rows.size() > last + 1) {
                rows.remove(rows.size() - 1);
                texts.remove(texts.size() - 1);
            }
            changes.removeIf(change -> change.fromStep() > last + 1);
            if (changes.get(changes.size() - 1).fromStep() == last + 1) {
                changes.remove(changes.size() - 1);
            }
            changes.add(new RateChange(last + 1, rate));
            optimizer = replacement;
            StepRecord kept = rows.get((int) last);
            live = new StepRecord(replacement, dimension);
            System.arraycopy(kept.x, 0, live.x, 0, dimension);
            System.arraycopy(kept.gradient, 0, live.gradient, 0, dimension);
            System.arraycopy(kept.update, 0, live.update, 0, dimension);
            live.step = kept.step;
            live.f = kept.f;
            live.knownNorm(kept.gradientNorm());
            end = null; // a lane ends at its last row, now dropped or kept as the start of the new rate's steps
            if (narration != null) {
                narration.resume(kept);
            }
        }
    }

    private final Objective objective;
    private final GradientMethod gradientMethod;
    private final double[] start;
    private final int dimension;
    private final long maxSteps;
    private final double tolerance;
    private final List<Lane> lanes = new ArrayList<>();
    private long current;

    /**
     * @param maxSteps  the most steps any lane takes ({@code --steps})
     * @param tolerance a lane ends before a step whose gradient norm is ≤ this; 0 never
     * @throws IllegalArgumentException when a factory refuses its learning rate
     */
    public StepThrough(Objective objective, GradientMethod gradientMethod, double[] start, long maxSteps,
                       double tolerance, List<LaneSpec> lanes) {
        this.objective = objective;
        this.gradientMethod = gradientMethod;
        this.start = start.clone();
        this.dimension = start.length;
        this.maxSteps = maxSteps;
        this.tolerance = tolerance;
        for (LaneSpec spec : lanes) {
            this.lanes.add(new Lane(spec));
        }
    }

    public List<Lane> lanes() {
        return List.copyOf(lanes);
    }

    /** The step shown. */
    public long current() {
        return current;
    }

    public long maxSteps() {
        return maxSteps;
    }

    public int dimension() {
        return dimension;
    }

    /** The start point x₀. */
    public double[] start() {
        return start.clone();
    }

    /** The furthest step any lane has recorded. */
    public long recorded() {
        return lanes.stream().mapToLong(Lane::recorded).max().orElse(0);
    }

    /** Whether the step shown is the last: the step limit, or every lane has ended at or before it. */
    public boolean atEnd() {
        return current >= maxSteps || lanes.stream().allMatch(lane -> lane.end() != null
                && lane.recorded() <= current);
    }

    /** Shows the next step, computing it in every lane that has not ended; false at the end of the run. */
    public boolean next() {
        long before = current;
        return moveTo(current + 1) > before;
    }

    /** Shows the step before; false at step 0. */
    public boolean previous() {
        if (current == 0) {
            return false;
        }
        current--;
        return true;
    }

    /**
     * Shows step {@code target}, computing in each lane the steps up to it that it has not recorded; a step past the
     * end shows the last one. Returns the step shown, which is less than the target when the run ends before it.
     */
    public long moveTo(long target) {
        long goal = Math.max(0, Math.min(target, maxSteps));
        for (Lane lane : lanes) {
            while (lane.recorded() < goal && lane.advance()) {
                // each advance keeps its row
            }
        }
        current = Math.min(goal, recorded());
        return current;
    }

    /**
     * Changes the learning rate of {@code lane} (every lane when null) from the step after the one shown: the rows up
     * to it stay, and the rows after it are computed again, with the new rate, when they are next shown.
     *
     * @throws IllegalArgumentException when the optimizer refuses the rate (its own message)
     */
    public void changeLearningRate(String lane, double rate) {
        List<Lane> chosen = lanes.stream().filter(l -> lane == null || l.name().equals(lane)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no optimizer named " + lane + " here");
        }
        for (Lane l : chosen) {
            l.factory.create(rate); // refuses a bad rate before any lane has changed
        }
        for (Lane l : chosen) {
            l.changeRate(current, rate);
        }
    }

    private static boolean isFinite(double[] v) {
        for (double value : v) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "StepThrough at step " + current + " of " + maxSteps + " " + Arrays.toString(start);
    }
}
