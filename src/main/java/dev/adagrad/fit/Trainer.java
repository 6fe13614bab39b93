package dev.adagrad.fit;

import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.StopReason;
import java.util.SplittableRandom;

/**
 * The training loop: for each epoch, (optionally) shuffle the row order, then for each batch take the gradient of
 * the batch's mean loss and let the optimizer step; record the epoch's loss and accuracy in the {@link LossHistory}
 * (and the validation rows' at the epoch's parameters) and hand the printed epochs to a listener. Epoch 0 is the
 * start, measured over all rows.
 *
 * <p>An epoch's loss is, by default, the loss over all rows with the parameters at its end. With
 * {@link Conventions#batchMeans} it is what Keras's {@code model.fit} prints instead: the mean of each batch's loss
 * (and accuracy) as computed in the forward pass before that batch's update, weighted by the batch's rows.
 *
 * <p>Sparse steps: when the objective knows which variables a batch touches ({@link RowObjective#active}) and the
 * optimizer leaves a variable with a zero gradient exactly where it is ({@link Optimizer#skipsZeroGradients}), only
 * those variables are stepped, which is the same computation in time proportional to the batch's nonzeros. With
 * {@link Conventions#lazy} every optimizer steps only them: the lazy algorithm of {@code torch.optim.SparseAdam}.
 *
 * <p>Stops at the first non-finite gradient, parameter or loss, and when {@link Stop} says so (between two steps, and
 * inside long batches), reporting the last completed epoch. The loop allocates nothing and formats nothing.
 */
public final class Trainer {

    /**
     * @param batchMeans an epoch's loss and accuracy are the batch-weighted means before each update (Keras)
     * @param lazy       step only the variables a batch touches, whatever the optimizer
     */
    public record Conventions(boolean batchMeans, boolean lazy) {
        public static final Conventions DEFAULT = new Conventions(false, false);
    }

    private final RowObjective loss;
    private final RowObjective validation;
    private final GradientMethod gradientMethod;
    private final Optimizer optimizer;
    private boolean scheduleEveryStep;
    private final Conventions conventions;
    private final Stop stop;
    private Progress progress = Progress.NONE;

    /** @param validation the loss over the validation rows, or null for none */
    public Trainer(RowObjective loss, RowObjective validation, GradientMethod gradientMethod, Optimizer optimizer,
                   Conventions conventions, Stop stop) {
        this.loss = loss;
        this.validation = validation;
        this.gradientMethod = gradientMethod;
        this.optimizer = optimizer;
        this.conventions = conventions;
        this.stop = stop;
        loss.watch(stop);
        if (validation != null) {
            validation.watch(stop);
        }
    }

    /**
     * Steps the optimizer's learning-rate schedule after every optimizer step (given the batch's loss) rather than
     * after every epoch (given the epoch's validation loss, else its loss: what torch's usual loop and Keras's
     * ReduceLROnPlateau watch).
     */
    public Trainer scheduleEveryStep(boolean everyStep) {
        this.scheduleEveryStep = everyStep;
        return this;
    }

    /** Tells {@code progress} after every step how far its epoch has come. */
    public Trainer withProgress(Progress progress) {
        this.progress = progress;
        return this;
    }

    public FitResult train(double[] start, Schedule schedule, EpochListener listener) {
        int n = loss.dimension();
        int rows = loss.rows();
        double[] x = start.clone();
        double[] gradient = new double[n];
        double[] update = new double[n];
        int[] active = new int[n];
        double[] packed = new double[n]; // a sparse step's gradient: packed[k] belongs to variable active[k]
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        boolean exact = gradientMethod instanceof ExactGradient;
        boolean sparse = conventions.lazy() || optimizer.skipsZeroGradients();
        SplittableRandom random = new SplittableRandom(schedule.seed());
        LossHistory history = new LossHistory(schedule.epochs());
        EpochRecord record = new EpochRecord(x);
        int batch = Math.min(schedule.batchSize(), rows);

        if (!isFinite(x, null, n)) {
            return diverged(history, 0, 0, FitDivergence.Quantity.PARAMETERS, x);
        }
        long t = 0;
        // The parameters and step count at the end of the last completed epoch: what a stopped fit reports.
        double[] epochEndX = new double[n];
        long epochEndStep = 0;
        try {
            for (long epoch = 0; epoch <= schedule.epochs(); epoch++) {
                double lossSum = 0;
                double correctSum = 0;
                if (epoch > 0) {
                    if (schedule.shuffle()) {
                        shuffle(order, random);
                    }
                    for (int from = 0; from < rows; from += batch) {
                        StopReason reason = stop.reason();
                        if (reason != null) {
                            return stopped(history, epoch, epochEndStep, epochEndX, reason);
                        }
                        int to = Math.min(rows, from + batch);
                        loss.select(order, from, to);
                        int count = sparse ? loss.active(active) : -1;
                        double batchLoss;
                        double batchAccuracy;
                        if (exact) {
                            batchLoss = count >= 0 ? loss.valueAndActiveGradient(x, packed)
                                    : loss.valueAndGradient(x, gradient);
                            batchAccuracy = loss.accuracy();
                        } else {
                            // The differences evaluate at other points: take the batch's own numbers first.
                            batchLoss = conventions.batchMeans() ? loss.value(x) : Double.NaN;
                            batchAccuracy = loss.accuracy();
                            gradientMethod.gradient(loss, x, gradient);
                        }
                        if (count >= 0 && !exact) {
                            for (int k = 0; k < count; k++) { // the differences computed every component
                                packed[k] = gradient[active[k]];
                            }
                        }
                        double[] used = count >= 0 ? packed : gradient;
                        if (!isFinite(used, null, count >= 0 ? count : n)) {
                            return diverged(history, epoch, t + 1, FitDivergence.Quantity.GRADIENT, x);
                        }
                        lossSum += batchLoss * (to - from);
                        correctSum += batchAccuracy * (to - from);
                        t++;
                        if (count >= 0) {
                            optimizer.step(t, x, packed, update, null, active, count);
                        } else {
                            optimizer.step(t, x, gradient, update);
                        }
                        if (!isFinite(x, count >= 0 ? active : null, count >= 0 ? count : n)) {
                            return diverged(history, epoch, t, FitDivergence.Quantity.PARAMETERS, x);
                        }
                        if (scheduleEveryStep) {
                            optimizer.stepSchedule(batchLoss);
                        }
                        progress.step(epoch, to, rows);
                    }
                }
                double epochLoss;
                double accuracy;
                if (epoch > 0 && conventions.batchMeans()) {
                    epochLoss = lossSum / rows;
                    accuracy = loss.classifies() ? correctSum / rows : Double.NaN;
                } else {
                    loss.selectAll();
                    epochLoss = loss.value(x);
                    accuracy = loss.accuracy();
                }
                if (!Double.isFinite(epochLoss)) {
                    return diverged(history, epoch, t, FitDivergence.Quantity.LOSS, x);
                }
                double validationLoss = Double.NaN;
                double validationAccuracy = Double.NaN;
                if (validation != null) {
                    validation.selectAll();
                    validationLoss = validation.value(x);
                    validationAccuracy = validation.accuracy();
                }
                history.add(epochLoss, accuracy, validationLoss, validationAccuracy);
                if (epoch > 0 && !scheduleEveryStep) {
                    optimizer.stepSchedule(validation != null ? validationLoss : epochLoss);
                }
                System.arraycopy(x, 0, epochEndX, 0, n);
                epochEndStep = t;
                if (epoch % schedule.printEvery() == 0 || epoch == schedule.epochs()) {
                    record.epoch = epoch;
                    record.step = t;
                    record.loss = epochLoss;
                    record.accuracy = accuracy;
                    record.validationLoss = validationLoss;
                    record.validationAccuracy = validationAccuracy;
                    listener.onEpoch(record);
                }
            }
        } catch (Stop.Stopped e) {
            return stopped(history, history.size(), epochEndStep, epochEndX, e.reason);
        }
        return new FitResult(schedule.epochs(), t, x.clone(), record.loss, record.accuracy, history, null,
                StopReason.STEPS_DONE);
    }

    /** The last completed epoch (epoch − 1) as the result of a fit stopped from outside. */
    private static FitResult stopped(LossHistory history, long epoch, long step, double[] x, StopReason reason) {
        int last = history.size() - 1;
        if (last < 0) { // stopped while measuring the start: nothing was completed
            return new FitResult(0, 0, x.clone(), Double.NaN, Double.NaN, history, null, reason);
        }
        return new FitResult(epoch - 1, step, x.clone(), history.loss(last), history.accuracy(last), history, null,
                reason);
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

    /** Whether v is finite at the indices {@code at[0..count)}, or at 0..count − 1 when {@code at} is null. */
    private static boolean isFinite(double[] v, int[] at, int count) {
        for (int k = 0; k < count; k++) {
            if (!Double.isFinite(v[at == null ? k : at[k]])) {
                return false;
            }
        }
        return true;
    }
}
