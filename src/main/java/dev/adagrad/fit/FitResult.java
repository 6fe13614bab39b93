package dev.adagrad.fit;

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
 */
public record FitResult(long epochs, long steps, double[] parameters, double loss, double accuracy,
                        LossHistory history, FitDivergence divergence) {

    public boolean diverged() {
        return divergence != null;
    }
}
