package dev.adagrad.fit;

import dev.adagrad.run.StopReason;

/**
 * How a fit ended.
 *
 * @param epochs     epochs completed
 * @param steps      optimizer steps taken in those epochs
 * @param parameters the parameters after the last completed epoch
 * @param loss       the objective over all rows there (mean loss plus any L2 penalty)
 * @param accuracy   the accuracy there, NaN for a model that does not classify
 * @param history    the loss (and accuracy) after every completed epoch, from epoch 0
 * @param divergence where a value stopped being finite, or null if none did
 * @param stop       why it ended: STEPS_DONE (every epoch), NON_FINITE, INTERRUPTED or TIME_LIMIT; for the last two,
 *                   the fields above describe the last completed epoch
 */
public record FitResult(long epochs, long steps, double[] parameters, double loss, double accuracy,
                        LossHistory history, FitDivergence divergence, StopReason stop) {

    public boolean diverged() {
        return divergence != null;
    }

    /** True when SIGINT or SIGTERM ended the fit. */
    public boolean interrupted() {
        return stop == StopReason.INTERRUPTED;
    }
}
