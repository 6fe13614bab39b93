package dev.adagrad.run;

/**
 * How a run ended.
 *
 * @param reason       why it stopped
 * @param steps        steps completed
 * @param x            the last finite point reached
 * @param f            f at {@code x}
 * @param gradientNorm the gradient norm at {@code x} when the run stopped on the tolerance, otherwise the norm of
 *                     the last gradient taken (NaN if none was)
 * @param divergence   details when {@code reason} is {@link StopReason#NON_FINITE}, else null
 */
public record RunResult(StopReason reason, long steps, double[] x, double f, double gradientNorm,
                        Divergence divergence) {
}
