package dev.adagrad.optim;

/**
 * Any optimizer turned to ascent, with PyTorch 1.13's {@code maximize=True}: the gradient's sign flips before the
 * optimizer sees it, so before its weight decay (gₜ ← −∇f(θₜ₋₁), then gₜ + λθₜ₋₁). One part for every optimizer,
 * rule files included, in the way optax chains a transformation rather than giving each optimizer a switch.
 */
public final class Maximize extends Wrapper {

    private final double[] negated;

    public Maximize(Optimizer inner, int dimension) {
        super(inner);
        this.negated = new double[dimension];
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        for (int k = 0; k < count; k++) {
            negated[k] = -gradient[k];
            if (narrator != null) {
                narrator.line(active == null ? k : active[k], "gₜ", "−gₜ  (maximize)", "−({})", negated[k],
                        gradient[k]);
            }
        }
        inner.step(t, x, negated, update, narrator, active, count);
    }

    /**
     * An optimizer that evaluates the objective in its step climbs f by descending −f: its closure, f and gradient
     * are negated, the Hessian too.
     */
    @Override
    public void step(long t, double[] x, double f, double[] gradient, double[] update, Narrator narrator,
                     Closure closure) {
        if (!inner.evaluatesInStep()) {
            step(t, x, gradient, update, narrator);
            return;
        }
        for (int k = 0; k < gradient.length; k++) {
            negated[k] = -gradient[k];
        }
        negatedClosure.of = closure;
        inner.step(t, x, -f, negated, update, narrator, negatedClosure);
    }

    /** −f, −∇f and −∇²f from the closure it is given. */
    private static final class NegatedClosure implements Closure {
        private Closure of;

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            double f = of.valueAndGradient(x, gradient);
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] = -gradient[k];
            }
            return -f;
        }

        @Override
        public void hessian(double[] x, double[] hessian) {
            of.hessian(x, hessian);
            for (int k = 0; k < hessian.length; k++) {
                hessian[k] = -hessian[k];
            }
        }
    }

    private final NegatedClosure negatedClosure = new NegatedClosure();
}
