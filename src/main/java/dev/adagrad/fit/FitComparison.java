package dev.adagrad.fit;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.Parallel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

/**
 * Several optimizers fitting the same data from the same start with the same schedule (and so the same shuffles),
 * in parallel; results in the order given, so output never depends on the number of cores.
 */
public final class FitComparison {

    /** One optimizer of the comparison, under the name it is reported by. */
    public record Entry(String name, Optimizer optimizer) {
    }

    private final FitProblem problem;
    private final GradientMethod gradientMethod;
    private final Trainer.Conventions conventions;
    private boolean scheduleEveryStep;
    private final Stop stop;
    private final int threads;

    public FitComparison(FitProblem problem, GradientMethod gradientMethod, Trainer.Conventions conventions, Stop stop,
                         int threads) {
        this.problem = problem;
        this.gradientMethod = gradientMethod;
        this.conventions = conventions;
        this.stop = stop;
        this.threads = threads;
    }

    /** @param listeners the listener of entry i's printed epochs; called from that fit's thread only */
    public List<FitResult> run(List<Entry> entries, Schedule schedule, IntFunction<EpochListener> listeners)
            throws InterruptedException {
        return Parallel.inOrder(fits(entries, schedule, listeners), threads, "adagrad-fit");
    }

    /** {@link #run(List, Schedule, IntFunction)}, the calling thread doing {@code meanwhile} (copying rows out). */
    public List<FitResult> run(List<Entry> entries, Schedule schedule, IntFunction<EpochListener> listeners,
                               Parallel.Meanwhile<FitResult> meanwhile) throws IOException, InterruptedException {
        return Parallel.inOrder(fits(entries, schedule, listeners), threads, "adagrad-fit", meanwhile);
    }

    /** See {@link Trainer#scheduleEveryStep}. */
    public FitComparison scheduleEveryStep(boolean everyStep) {
        this.scheduleEveryStep = everyStep;
        return this;
    }

    private List<Callable<FitResult>> fits(List<Entry> entries, Schedule schedule,
                                           IntFunction<EpochListener> listeners) {
        List<Callable<FitResult>> fits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            RowObjective validation = problem.validation() == null ? null : problem.validation().copy();
            Trainer trainer = new Trainer(problem.training().copy(), validation, gradientMethod,
                    entries.get(i).optimizer(), conventions, stop).scheduleEveryStep(scheduleEveryStep);
            EpochListener listener = listeners.apply(i);
            fits.add(() -> trainer.train(problem.start(), schedule, listener));
        }
        return fits;
    }
}
