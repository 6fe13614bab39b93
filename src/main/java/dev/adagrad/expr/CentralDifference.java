package dev.adagrad.expr;

/**
 * The gradient by central differences: ∂f/∂xᵢ ≈ (f(x + hᵢeᵢ) − f(x − hᵢeᵢ)) / (2hᵢ), 2n evaluations of f.
 *
 * <p>The default step is hᵢ = ∛ε · max(1, |xᵢ|) with ε the machine epsilon (about 6.06e-6): the truncation error
 * of a central difference grows as h² and the rounding error as ε/h, and ∛ε balances the two; a much smaller h loses
 * digits to cancellation. The divisor is the distance actually stepped, (xᵢ + hᵢ) − (xᵢ − hᵢ), because xᵢ ± hᵢ is
 * rounded to a double and dividing by the rounded distance removes that error from the quotient.
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

    @Override
    public void gradient(Objective f, double[] x, double[] gradient, DifferenceListener listener) {
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = Double.isNaN(fixedStep) ? DEFAULT_RELATIVE_STEP * Math.max(1.0, Math.abs(xi)) : fixedStep;
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
