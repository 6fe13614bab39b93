package dev.adagrad.run;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Optimizer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * Several optimizers run from the same start on the same objective, independently and in parallel. Results come back
 * in the order the runs were given, whatever order they finish in, so output never depends on the number of cores.
 */
public final class Comparison {

    /** One optimizer of the comparison, under the name it is reported by. */
    public record Entry(String name, Optimizer optimizer) {
    }

    private final Objective objective;
    private final GradientMethod gradientMethod;
    private final int threads;
    private GradientNoise noise;

    /** @param threads the most runs at once (each run is one thread; exp4j objectives are copied per run) */
    public Comparison(Objective objective, GradientMethod gradientMethod, int threads) {
        this.objective = objective;
        this.gradientMethod = gradientMethod;
        this.threads = Math.max(1, threads);
    }

    /** Adds {@code noise} to every run's gradients, each run drawing the same sequence; null for none. */
    public Comparison withNoise(GradientNoise noise) {
        this.noise = noise;
        return this;
    }

    /**
     * Runs every entry from {@code start}.
     *
     * @param listeners the listener of entry i's rows; called from that run's thread only
     * @return one result per entry, in entry order
     */
    public List<RunResult> run(List<Entry> entries, double[] start, long steps, double tolerance,
                               IntFunction<StepListener> listeners) throws InterruptedException {
        return Parallel.inOrder(runs(entries, start, steps, tolerance, listeners), threads, "adagrad-compare");
    }

    /** {@link #run(List, double[], long, double, IntFunction)}, the calling thread doing {@code meanwhile}. */
    public List<RunResult> run(List<Entry> entries, double[] start, long steps, double tolerance,
                               IntFunction<StepListener> listeners, Parallel.Meanwhile<RunResult> meanwhile)
            throws IOException, InterruptedException {
        return Parallel.inOrder(runs(entries, start, steps, tolerance, listeners), threads, "adagrad-compare",
                meanwhile);
    }

    private List<Callable<RunResult>> runs(List<Entry> entries, double[] start, long steps, double tolerance,
                                           IntFunction<StepListener> listeners) {
        List<Callable<RunResult>> runs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Runner runner = new Runner(objective.copy(), gradientMethod, entries.get(i).optimizer()).withNoise(noise);
            StepListener listener = listeners.apply(i);
            runs.add(() -> runner.run(start, steps, tolerance, listener));
        }
        return runs;
    }
}
