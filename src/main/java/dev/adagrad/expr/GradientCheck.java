package dev.adagrad.expr;

import java.util.List;

/**
 * Central differences against the exact gradient at one point, so that a learner sees the finite-difference error.
 *
 * <p>The relative difference of a component is |c − e| / max(|c|, |e|): 0 when both are 0, at most 2 (opposite
 * signs), NaN when either is not finite.
 *
 * @param variables the variables, in coordinate order
 * @param point     where both gradients were taken
 * @param f         f there
 * @param central   the central-difference gradient
 * @param exact     the exact (reverse-mode) gradient
 */
public record GradientCheck(List<String> variables, double[] point, double f, double[] central, double[] exact) {

    /** Takes both gradients of {@code objective} at {@code point}; {@code central} is the configured method. */
    public static GradientCheck at(Objective objective, GradientMethod central, double[] point) {
        double[] x = point.clone();
        double[] centralGradient = new double[x.length];
        double[] exactGradient = new double[x.length];
        central.gradient(objective, x, centralGradient);
        ExactGradient.instance().gradient(objective, x, exactGradient);
        return new GradientCheck(objective.variables(), point.clone(), objective.value(x), centralGradient,
                exactGradient);
    }

    /** The relative difference of component i. */
    public double relativeDifference(int i) {
        double c = central[i];
        double e = exact[i];
        if (!Double.isFinite(c) || !Double.isFinite(e)) {
            return Double.NaN;
        }
        double scale = Math.max(Math.abs(c), Math.abs(e));
        return scale == 0 ? 0 : Math.abs(c - e) / scale;
    }

    /** The index of the largest relative difference (NaN counts as largest); 0 for a single variable. */
    public int largest() {
        int largest = 0;
        for (int i = 1; i < central.length; i++) {
            double d = relativeDifference(i);
            double best = relativeDifference(largest);
            if (!Double.isNaN(best) && (Double.isNaN(d) || d > best)) {
                largest = i;
            }
        }
        return largest;
    }

    /** Whether f and every component of both gradients are finite. */
    public boolean finite() {
        if (!Double.isFinite(f)) {
            return false;
        }
        for (int i = 0; i < central.length; i++) {
            if (!Double.isFinite(central[i]) || !Double.isFinite(exact[i])) {
                return false;
            }
        }
        return true;
    }
}
