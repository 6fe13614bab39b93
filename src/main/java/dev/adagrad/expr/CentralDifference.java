package dev.adagrad.expr;

/**
 * The gradient by central differences: ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / (2hᵢ), 2n evaluations of f.
 *
 * <p>The default step is hᵢ = ∛ε · max(1, |xᵢ|) with ε the machine epsilon (about 6.06e-6): the truncation error
 * of a central difference grows as h² and the rounding error as ε/h, and ∛ε balances the two; a much smaller h loses
 * digits to cancellation. The divisor is the distance actually stepped, (xᵢ + hᵢ) − (xᵢ − hᵢ), because xᵢ ± hᵢ is
 * rounded to a double and dividing by the rounded distance removes that error from the quotient.
 *
 * <p><b>Term by term.</b> For a compiled expression of {@value BytecodeCompiler#TERMWISE_FROM} variables or more
 * that is a sum of terms t₁ ± t₂ ± … (through {@code +}, {@code -}, unary signs and brackets), the difference for xᵢ
 * takes only the terms that contain xᵢ: ∂f/∂xᵢ ≈ Σ ±(tⱼ(x + hᵢeᵢ) − tⱼ(x − hᵢeᵢ)) / (2hᵢ), the differences added in
 * the terms' order, each term computed as the whole evaluation computes it. That costs the terms of xᵢ instead of
 * the whole sum, twice per variable (at n = 1,000, about 3 terms instead of 2,000), and it is not the same number as
 * the difference of the whole sums: that difference carries the rounding of both sums, about ε·Σ|tⱼ| / hᵢ, which
 * this one does not (so it is closer to the exact derivative); a term without xᵢ that is not finite at x, where f
 * itself is not, is left out. Below that many variables f is evaluated whole, bit for bit as before.
 */
public final class CentralDifference implements GradientMethod {

    /** ∛ε for doubles, the default relative step. */
    public static final double DEFAULT_RELATIVE_STEP = Math.cbrt(Math.ulp(1.0));

    private final double fixedStep;

    private CentralDifference(double fixedStep) {
        this.fixedStep = fixedStep;
    }

    /** Steps scaled to each coordinate: hᵢ = ∛ε · max(1, |xᵢ|). */
    public static CentralDifference scaled() {
        return new CentralDifference(Double.NaN);
    }

    /** The same absolute step h for every coordinate (the {@code --h} option). */
    public static CentralDifference withStep(double h) {
        if (!(h > 0) || Double.isInfinite(h)) {
            throw new IllegalArgumentException("Invalid finite-difference step h: " + h + " (must be > 0)");
        }
        return new CentralDifference(h);
    }

    @Override
    public void gradient(Objective f, double[] x, double[] gradient) {
        gradient(f, x, gradient, null);
    }

    /** The step for a coordinate at xᵢ: the fixed step, or ∛ε · max(1, |xᵢ|) if that is NaN. */
    static double step(double xi, double fixedStep) {
        return Double.isNaN(fixedStep) ? DEFAULT_RELATIVE_STEP * Math.max(1.0, Math.abs(xi)) : fixedStep;
    }

    @Override
    public void gradient(Objective f, double[] x, double[] gradient, DifferenceListener listener) {
        if (f instanceof CompiledObjective compiled && compiled.centralDifferences(x, fixedStep, gradient)) {
            if (listener != null) {
                for (int i = 0; i < x.length; i++) {
                    double h = step(x[i], fixedStep);
                    listener.partial(i, x[i] + h, x[i] - h, gradient[i]);
                }
            }
            return;
        }
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = step(xi, fixedStep);
            double forward = xi + h;
            double backward = xi - h;
            x[i] = forward;
            double fForward = f.value(x);
            x[i] = backward;
            double fBackward = f.value(x);
            x[i] = xi;
            gradient[i] = (fForward - fBackward) / (forward - backward);
            if (listener != null) {
                listener.partial(i, forward, backward, gradient[i]);
            }
        }
    }
}
