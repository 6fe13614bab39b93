package dev.adagrad.run;

/**
 * Where a run met a non-finite value.
 *
 * @param step     the step at which it happened (0: at the start point)
 * @param quantity which value was not finite
 * @param x        the point involved: x<sub>step−1</sub> for a gradient, x<sub>step</sub> otherwise
 * @param f        f at that point
 * @param gradient the gradient at x<sub>step−1</sub>, or null at step 0
 */
public record Divergence(long step, Quantity quantity, double[] x, double f, double[] gradient) {

    public enum Quantity { F, GRADIENT, X }
}
