package dev.adagrad.fit;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.StopReason;
import dev.adagrad.run.StopRequest;
import java.util.SplittableRandom;

/**
 * The training loop: for each epoch, (optionally) shuffle the row order, then for each batch take the gradient of
 * the batch's mean loss and let the optimizer step; at the end of the epoch evaluate the loss (and accuracy) over all
 * rows, record it in the {@link LossHistory} and hand the printed epochs to a listener. Epoch 0 is the start.
 *
 * <p>Stops at the first non-finite gradient, parameter or loss, and between two steps when asked from outside (an
 * interrupt or the time limit: {@link StopRequest}), reporting the last completed epoch. The loop allocates nothing and formats nothing.
 */
public final class Trainer {

    private final BatchLoss loss;
    private final GradientMethod gradientMethod;
    private final Optimizer optimizer;
    private final Classifier classifier;

    /** @param classifier null for a model whose accuracy means nothing */
    public Trainer(BatchLoss loss, GradientMethod gradientMethod, Optimizer optimizer, Classifier classifier) {
        this.loss = loss;
        this.gradientMethod = gradientMethod;
        this.optimizer = optimizer;
        this.classifier = classifier;
    }

    public FitResult train(double[] start, Schedule schedule, EpochListener listener) {
        int n = loss.dimension();
        int rows = loss.data().rows();
        double[] x = start.clone();
        double[] gradient = new double[n];
        double[] update = new double[n];
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(schedule.seed());
        LossHistory history = new LossHistory(schedule.epochs());
        EpochRecord record = new EpochRecord(x);
        int batch = Math.min(schedule.batchSize(), rows);

        if (!isFinite(x)) {
            return diverged(history, 0, 0, FitDivergence.Quantity.PARAMETERS, x);
        }
        long t = 0;
        // The parameters and step count at the end of the last completed epoch: what an interrupted fit reports.
        double[] epochEndX = new double[n];
        long epochEndStep = 0;
        for (long epoch = 0; epoch <= schedule.epochs(); epoch++) {
            if (epoch > 0) {
                if (schedule.shuffle()) {
                    shuffle(order, random);
                }
                for (int from = 0; from < rows; from += batch) {
                    StopReason stop = StopRequest.pending() ? StopRequest.reason() : null;
                    if (stop != null) {
                        return new FitResult(epoch - 1, epochEndStep, epochEndX.clone(), history.loss(
                                history.size() - 1), history.accuracy(history.size() - 1), history, null, stop);
                    }
                    loss.select(order, from, Math.min(rows, from + batch));
                    gradientMethod.gradient(loss, x, gradient);
                    if (!isFinite(gradient)) {
                        return diverged(history, epoch, t + 1, FitDivergence.Quantity.GRADIENT, x);
                    }
                    t++;
                    optimizer.step(t, x, gradient, update);
                    if (!isFinite(x)) {
                        return diverged(history, epoch, t, FitDivergence.Quantity.PARAMETERS, x);
                    }
                }
            }
            loss.selectAll();
            double epochLoss = loss.value(x);
            if (!Double.isFinite(epochLoss)) {
                return diverged(history, epoch, t, FitDivergence.Quantity.LOSS, x);
            }
            double accuracy = classifier == null ? Double.NaN : classifier.accuracy(x);
            history.add(epochLoss, accuracy);
            System.arraycopy(x, 0, epochEndX, 0, n);
            epochEndStep = t;
            if (epoch % schedule.printEvery() == 0 || epoch == schedule.epochs()) {
                record.epoch = epoch;
                record.step = t;
                record.loss = epochLoss;
                record.accuracy = accuracy;
                listener.onEpoch(record);
            }
        }
        return new FitResult(schedule.epochs(), t, x.clone(), record.loss, record.accuracy, history, null,
                StopReason.STEPS_DONE);
    }

    /** Fisher–Yates: every permutation equally likely, the same one for the same random stream. */
    static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static FitResult diverged(LossHistory history, long epoch, long step, FitDivergence.Quantity quantity,
                                      double[] x) {
        int completed = history.size();
        long epochs = Math.max(0, completed - 1);
        double last = completed == 0 ? Double.NaN : history.loss(completed - 1);
        double accuracy = completed == 0 ? Double.NaN : history.accuracy(completed - 1);
        return new FitResult(epochs, step, x.clone(), last, accuracy, history,
                new FitDivergence(epoch, step, quantity, x.clone()), StopReason.NON_FINITE);
    }

    private static boolean isFinite(double[] v) {
        for (double value : v) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
