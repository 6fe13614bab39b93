package dev.adagrad.expr;

/**
 * The exact gradient, by reverse-mode automatic differentiation over the compiled expression
 * ({@link BytecodeCompiler}): one forward pass for the values, one backward pass for the adjoints, about the cost of
 * two or three evaluations of f whatever the number of variables (central differences cost 2n).
 *
 * <p>Exact up to rounding wherever f is differentiable. Where it is not, each function's choice is documented in
 * {@link FunctionTable}: 0 for |x| at 0 and for ceil, floor and signum; ½ each for max and min at a tie; +∞ for √x
 * and ∛x at 0.
 */
public final class ExactGradient implements GradientMethod {

    private static final ExactGradient INSTANCE = new ExactGradient();

    private ExactGradient() {
    }

    public static ExactGradient instance() {
        return INSTANCE;
    }

    /** Whether {@code f} can be differentiated exactly (a compiled expression, of any size, or a fit loss). */
    public static boolean supports(Objective f) {
        return f instanceof DifferentiableObjective;
    }

    /**
     * @throws IllegalArgumentException if {@code f} does not {@linkplain #supports support} exact gradients
     */
    /** As {@link #gradient(Objective, double[], double[])}, then hands each component to the listener. */
    @Override
    public void gradient(Objective f, double[] x, double[] gradient, DifferenceListener listener) {
        gradient(f, x, gradient);
        if (listener != null) {
            for (int i = 0; i < gradient.length; i++) {
                listener.exact(i, gradient[i]);
            }
        }
    }

    @Override
    public void gradient(Objective f, double[] x, double[] gradient) {
        if (f instanceof DifferentiableObjective differentiable) {
            differentiable.valueAndGradient(x, gradient);
        } else {
            throw new IllegalArgumentException("no exact gradient for " + f.text());
        }
    }
}
