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
 * @param evaluations  for an optimizer that evaluates f in its step (L-BFGS), every evaluation of f and ∇f in the
 *                     run, the runner's gradients included; −1 for the others, whose count is the steps
 */
public record RunResult(StopReason reason, long steps, double[] x, double f, double gradientNorm,
                        Divergence divergence, long evaluations) {

    public RunResult(StopReason reason, long steps, double[] x, double f, double gradientNorm,
                     Divergence divergence) {
        this(reason, steps, x, f, gradientNorm, divergence, -1);
    }
}
