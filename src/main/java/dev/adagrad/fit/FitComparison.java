package dev.adagrad.fit;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.Parallel;
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

    private final BatchLoss loss;
    private final GradientMethod gradientMethod;
    private final Classifier classifier;
    private final int threads;

    /** @param classifier null for a model whose accuracy means nothing; it only reads the data, so it is shared */
    public FitComparison(BatchLoss loss, GradientMethod gradientMethod, Classifier classifier, int threads) {
        this.loss = loss;
        this.gradientMethod = gradientMethod;
        this.classifier = classifier;
        this.threads = threads;
    }

    /** @param listeners the listener of entry i's printed epochs; called from that fit's thread only */
    public List<FitResult> run(List<Entry> entries, double[] start, Schedule schedule,
                               IntFunction<EpochListener> listeners) throws InterruptedException {
        List<Callable<FitResult>> fits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Trainer trainer = new Trainer(loss.copy(), gradientMethod, entries.get(i).optimizer(), classifier);
            EpochListener listener = listeners.apply(i);
            fits.add(() -> trainer.train(start, schedule, listener));
        }
        return Parallel.inOrder(fits, threads, "adagrad-fit");
    }
}
