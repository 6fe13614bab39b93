package dev.adagrad.run;

import dev.adagrad.expr.DifferentiableObjective;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.ExactHessian;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Closure;

/**
 * The runner's objective and gradient method as an optimizer's {@link Closure}: f and ∇f the way the run takes them
 * (central differences or exact), and the exact Hessian ({@link ExactHessian}) whatever the gradient method.
 */
final class ObjectiveClosure implements Closure {

    private final Objective objective;
    private final GradientMethod gradientMethod;
    private final ExactHessian hessian;
    private long calls;

    /**
     * @throws IllegalArgumentException if a Hessian is needed and the objective has none
     */
    ObjectiveClosure(Objective objective, GradientMethod gradientMethod, boolean needsHessian) {
        this.objective = objective;
        this.gradientMethod = gradientMethod;
        if (needsHessian && !ExactHessian.supports(objective)) {
            throw new IllegalArgumentException("the exact Hessian needs a compiled expression, and " + objective.text()
                    + " is too large to compile");
        }
        this.hessian = needsHessian ? ExactHessian.of(objective) : null;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        calls++;
        if (gradientMethod instanceof ExactGradient && objective instanceof DifferentiableObjective differentiable) {
            return differentiable.valueAndGradient(x, gradient);
        }
        double f = objective.value(x);
        gradientMethod.gradient(objective, x, gradient);
        return f;
    }

    /** The calls of {@link #valueAndGradient} so far. */
    long calls() {
        return calls;
    }

    @Override
    public void hessian(double[] x, double[] out) {
        hessian.hessian(x, out);
    }
}
