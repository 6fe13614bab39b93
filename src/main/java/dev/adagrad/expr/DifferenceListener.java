package dev.adagrad.expr;

/**
 * Receives the numbers of each partial derivative a {@link GradientMethod} takes, for {@code adagrad explain}. A
 * normal run passes none ({@code null}), so the gradient costs nothing extra.
 */
@FunctionalInterface
public interface DifferenceListener {

    /**
     * ∂f/∂x<sub>variable</sub> ≈ (f(forward) − f(backward)) / (forward − backward) = {@code value}, with every other
     * variable held where it is.
     */
    void partial(int variable, double forward, double backward, double value);

    /** ∂f/∂x<sub>variable</sub> = {@code value}, computed exactly (reverse-mode automatic differentiation). */
    default void exact(int variable, double value) {
    }
}
