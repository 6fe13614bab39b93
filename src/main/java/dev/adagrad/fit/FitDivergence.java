package dev.adagrad.fit;

/**
 * Where a fit met a non-finite value.
 *
 * @param epoch      the epoch it happened in (0: at the start parameters)
 * @param step       the optimizer step (0 at the start; for the loss at an epoch's end, the epoch's last step)
 * @param quantity   which value was not finite
 * @param parameters the parameters involved (before the step for a gradient, after it otherwise)
 */
public record FitDivergence(long epoch, long step, Quantity quantity, double[] parameters) {

    public enum Quantity { LOSS, GRADIENT, PARAMETERS }
}
