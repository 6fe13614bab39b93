package dev.adagrad.optim;

/**
 * An optimizer whose step evaluates the objective itself ({@link Closure}): L-BFGS (a line search and inner iterations
 * within one step) and Newton (the Hessian). The runner calls {@link #step(long, double[], double, double[],
 * double[], Narrator, Closure)}; the element-wise step of {@link Optimizer} has no objective, so such an optimizer
 * cannot train a model in {@code fit}, and refuses it.
 */
public interface ClosureOptimizer extends Optimizer {

    /**
     * Step {@code t}: as {@link Optimizer#step(long, double[], double[], double[], Narrator)}, given also f(xₜ₋₁) and
     * the closure to evaluate f, ∇f (and the Hessian) elsewhere. The runner's gradient at xₜ₋₁ counts as the step's
     * first evaluation, as torch's first closure call does.
     */
    @Override
    void step(long t, double[] x, double f, double[] gradient, double[] update, Narrator narrator, Closure closure);

    @Override
    default boolean evaluatesInStep() {
        return true;
    }

    /** The step needs the objective: there is no element-wise step (see {@link ClosureOptimizer}). */
    @Override
    default void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                      int count) {
        throw new UnsupportedOperationException("this optimizer evaluates the objective in its step");
    }
}
