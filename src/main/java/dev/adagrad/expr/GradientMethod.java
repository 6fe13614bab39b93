package dev.adagrad.expr;

/** A way to compute ∇f at a point. Implementations allocate nothing per call. */
public interface GradientMethod {

    /**
     * Writes ∇f(x) into {@code gradient}. {@code x} may be changed during the call but holds its original values
     * again when the call returns.
     */
    void gradient(Objective f, double[] x, double[] gradient);
}
