package dev.adagrad.expr;

/** A way to compute ∇f at a point. Implementations allocate nothing per call. */
public interface GradientMethod {

    /**
     * Writes ∇f(x) into {@code gradient}. {@code x} may be changed during the call but holds its original values
     * again when the call returns.
     */
    void gradient(Objective f, double[] x, double[] gradient);

    /**
     * {@link #gradient(Objective, double[], double[])}, reporting each partial derivative's numbers to
     * {@code listener} when it is not null. The default reports nothing.
     */
    default void gradient(Objective f, double[] x, double[] gradient, DifferenceListener listener) {
        gradient(f, x, gradient);
    }
}
