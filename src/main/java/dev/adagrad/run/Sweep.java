package dev.adagrad.run;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Optimizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;

/**
 * A learning-rate sweep: each optimizer run from the same start at every rate of a log-spaced grid, all runs in
 * parallel, and the best rate picked per optimizer.
 *
 * <p>Best means: among the runs that did not diverge and were not stopped early (by an interrupt or
 * {@code --max-seconds}, before their last step), the one that reached the gradient tolerance in the fewest steps if
 * any did (a lower final f breaks a tie), otherwise the one with the lowest final f; equal outcomes go to the smaller
 * rate. A run that diverged is never best, however low its last finite f.
 */
public final class Sweep {

    /** The most rates per optimizer, so that a typo such as --points 1300000 is caught rather than run. */
    public static final int MAX_POINTS = 1000;

    /** One optimizer of the sweep: its name and how to build it at a given learning rate. */
    public record Candidate(String name, DoubleFunction<Optimizer> atLearningRate) {
    }

    /** One run of the sweep. */
    public record Point(String optimizer, double learningRate, RunResult result) {

        public boolean diverged() {
            return result.reason() == StopReason.NON_FINITE;
        }

        public boolean reachedTolerance() {
            return result.reason() == StopReason.TOLERANCE_REACHED;
        }

        /** Stopped from outside (an interrupt or --max-seconds) before its last step: not a result to rank. */
        public boolean stoppedEarly() {
            return result.reason() == StopReason.INTERRUPTED || result.reason() == StopReason.TIME_LIMIT;
        }
    }

    /** One optimizer's runs, in grid order, and its best run (empty if every run diverged). */
    public record Outcome(String optimizer, List<Point> points, Optional<Point> best, boolean maximize) {

        public Outcome(String optimizer, List<Point> points, Optional<Point> best) {
            this(optimizer, points, best, false);
        }

        public long divergedCount() {
            return points.stream().filter(Point::diverged).count();
        }

        public long stoppedEarlyCount() {
            return points.stream().filter(Point::stoppedEarly).count();
        }

        /**
         * Whether the best run is at an end of the range and did strictly better than the rate next to it, so that
         * a better rate may lie beyond the range. A tie with its neighbour (every rate reached the tolerance at
         * step 0, say) went to the smaller rate by rule and says nothing about what lies beyond.
         */
        public boolean bestAtAnEnd() {
            if (best.isEmpty() || points.size() < 2) {
                return false;
            }
            Point chosen = best.get();
            int last = points.size() - 1;
            Point neighbour;
            if (chosen == points.get(0)) {
                neighbour = points.get(1);
            } else if (chosen == points.get(last)) {
                neighbour = points.get(last - 1);
            } else {
                return false;
            }
            return neighbour.diverged() || sameOutcomeFirst(maximize).compare(chosen, neighbour) < 0;
        }
    }

    /**
     * Better outcome first, ignoring the rate: reached the tolerance, then in fewer steps, then lower final f (higher
     * when maximizing).
     */
    private static Comparator<Point> sameOutcomeFirst(boolean maximize) {
        return Comparator.comparing((Point point) -> !point.reachedTolerance())
                .thenComparingLong(point -> point.reachedTolerance() ? point.result().steps() : 0)
                .thenComparingDouble(point -> maximize ? -point.result().f() : point.result().f());
    }

    /** How long the calling thread waits for the next run to end before it looks again. */
    private static final long POLL_MILLISECONDS = 20;

    private final Comparison comparison;
    private final boolean maximize;

    public Sweep(Objective objective, GradientMethod gradientMethod, int threads) {
        this(new Comparison(objective, gradientMethod, threads), false);
    }

    /** A sweep over {@code comparison}'s runs; with {@code maximize} the best run is the one with the highest f. */
    public Sweep(Comparison comparison, boolean maximize) {
        this.comparison = comparison;
        this.maximize = maximize;
    }

    /**
     * {@code points} rates from {@code lowest} to {@code highest}, equally spaced in log scale, both ends included:
     * 10^(log₁₀ lowest + k·(log₁₀ highest − log₁₀ lowest)/(points−1)). One point is just {@code lowest}.
     */
    public static double[] logSpaced(double lowest, double highest, int points) {
        if (!(lowest > 0) || !(highest >= lowest) || Double.isInfinite(highest)) {
            throw new IllegalArgumentException("the learning-rate range must satisfy 0 < low ≤ high (got " + lowest
                    + ".." + highest + ")");
        }
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException("--points must be between 1 and " + MAX_POINTS + " (got " + points
                    + ")");
        }
        if (points > 1 && lowest == highest) {
            throw new IllegalArgumentException("the learning-rate range " + lowest + ".." + highest
                    + " is one rate: give low < high, or --points 1");
        }
        if (points == 1) {
            return new double[] {lowest};
        }
        double[] rates = new double[points];
        double lowExponent = Math.log10(lowest);
        double span = Math.log10(highest) - lowExponent;
        for (int k = 0; k < points; k++) {
            // Powers of ten computed as such, so that 1e-4..1 gives 0.001 and 1 exactly, not 1.0000000000000004.
            rates[k] = Math.pow(10, lowExponent + span * k / (points - 1));
        }
        rates[0] = lowest;
        rates[points - 1] = highest;
        return rates;
    }

    /** Receives each run as it ends, in the order of the outcomes (candidate, then rate). */
    @FunctionalInterface
    public interface Ended {
        void ended(Point point) throws IOException;
    }

    /** Runs every candidate at every rate; outcomes come back in candidate order, points in rate order. */
    public List<Outcome> run(List<Candidate> candidates, double[] learningRates, double[] start, long steps,
                             double tolerance) throws InterruptedException {
        try {
            return run(candidates, learningRates, start, steps, tolerance, point -> { });
        } catch (IOException e) {
            throw new IllegalStateException(e); // ignoring the points cannot fail
        }
    }

    /**
     * {@link #run(List, double[], long, double)}, handing each run to {@code ended} on the calling thread as soon as
     * it and every run before it have ended. If {@code ended} fails (the output it writes to is gone), every run is
     * stopped within a step and its exception is thrown: a sweep that wrote only at the end went on for minutes
     * after {@code | head -1} or on a full disk.
     */
    public List<Outcome> run(List<Candidate> candidates, double[] learningRates, double[] start, long steps,
                             double tolerance, Ended ended) throws IOException, InterruptedException {
        List<Comparison.Entry> entries = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (Candidate candidate : candidates) {
            for (double rate : learningRates) {
                entries.add(new Comparison.Entry(candidate.name(), candidate.atLearningRate().apply(rate)));
                names.add(candidate.name());
                rates.add(rate);
            }
        }
        StepListener ignore = row -> { };
        List<RunResult> results = comparison.run(entries, start, steps, tolerance, i -> ignore, progress -> {
            for (int i = 0; i < entries.size(); i++) {
                while (!progress.done(i)) {
                    Thread.sleep(POLL_MILLISECONDS);
                }
                ended.ended(new Point(names.get(i), rates.get(i), progress.result(i)));
            }
        });
        List<Outcome> outcomes = new ArrayList<>();
        int index = 0;
        for (Candidate candidate : candidates) {
            List<Point> points = new ArrayList<>();
            for (double rate : learningRates) {
                points.add(new Point(candidate.name(), rate, results.get(index++)));
            }
            outcomes.add(new Outcome(candidate.name(), List.copyOf(points), best(points, maximize), maximize));
        }
        return outcomes;
    }

    /** The best of one optimizer's runs, by the rule in the class comment. */
    public static Optional<Point> best(List<Point> points) {
        return best(points, false);
    }

    /** The best of one optimizer's runs, the highest final f counting as best when {@code maximize}. */
    public static Optional<Point> best(List<Point> points, boolean maximize) {
        return points.stream().filter(point -> !point.diverged() && !point.stoppedEarly())
                .min(sameOutcomeFirst(maximize).thenComparingDouble(Point::learningRate));
    }
}
