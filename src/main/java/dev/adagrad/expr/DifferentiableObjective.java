package dev.adagrad.expr;

/** An objective that also computes its exact gradient ({@link ExactGradient}). */
public interface DifferentiableObjective extends Objective {

    /**
     * Writes ∇f(x) into {@code gradient} and returns f(x). Allocates nothing. Where f is NaN because exp4j would
     * throw (division by zero), every component is NaN too.
     */
    double valueAndGradient(double[] x, double[] gradient);
}
