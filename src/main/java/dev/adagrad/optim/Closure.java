package dev.adagrad.optim;

/**
 * The objective as an optimizer sees it when it must evaluate f inside its step, as {@code torch.optim.LBFGS.step}
 * calls its closure: L-BFGS's line search and Newton's Hessian. The runner adapts its objective and gradient method
 * to this, so this package knows no expression types. Implementations allocate nothing per call.
 */
public interface Closure {

    /** Writes ∇f(x) into {@code gradient} and returns f(x): one evaluation, as one call of torch's closure. */
    double valueAndGradient(double[] x, double[] gradient);

    /** Writes the Hessian ∇²f(x), row-major n × n, into {@code hessian}. */
    void hessian(double[] x, double[] hessian);
}
