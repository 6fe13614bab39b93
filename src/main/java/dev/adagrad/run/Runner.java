package dev.adagrad.run;

import dev.adagrad.expr.DifferenceListener;
import dev.adagrad.expr.DifferentiableObjective;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Narrator;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.Divergence.Quantity;

/**
 * The optimization loop: from x₀, take the gradient, let the optimizer step, evaluate f, hand the row to a listener;
 * stop after the requested steps, when the gradient norm reaches the tolerance, at the first non-finite value, or when
 * asked from outside (an interrupt or the time limit: {@link StopRequest}) between two steps.
 *
 * <p>The loop allocates nothing and formats nothing; what is printed is the listener's business. A runner made with a
 * {@link DifferenceListener} and a {@link Narrator} ({@code adagrad explain}) hands them to the gradient and the
 * optimizer, which report how they compute each step; the steps themselves are the same.
 *
 * <p>With exact gradients (and no listener), the f(xₜ) that ends step t and the gradient ∇f(xₜ) that starts step t + 1
 * come from one {@link DifferentiableObjective#valueAndGradient} call: one forward pass a step instead of two. Both
 * are the same bits as separate calls give ({@code value} and {@code valueAndGradient} compute f alike).
 */
public final class Runner {

    private final Objective objective;
    private final GradientMethod gradientMethod;
    private final Optimizer optimizer;
    private final DifferenceListener differences;
    private final Narrator narrator;
    private GradientNoise noise;
    /** The closure an optimizer that evaluates the objective in its step (L-BFGS, Newton) is given, else null. */
    private final ObjectiveClosure closure;
    /** The gradients the loop took in this run. */
    private long gradients;

    public Runner(Objective objective, GradientMethod gradientMethod, Optimizer optimizer) {
        this(objective, gradientMethod, optimizer, null, null);
    }

    /**
     * A runner whose gradient reports its partial derivatives to {@code differences} and whose optimizer narrates
     * each step to {@code narrator}; either may be null.
     */
    public Runner(Objective objective, GradientMethod gradientMethod, Optimizer optimizer,
                  DifferenceListener differences, Narrator narrator) {
        this.objective = objective;
        this.gradientMethod = gradientMethod;
        this.optimizer = optimizer;
        this.differences = differences;
        this.narrator = narrator;
        this.closure = !optimizer.evaluatesInStep() ? null
                : new ObjectiveClosure(objective, gradientMethod, optimizer.needsHessian());
    }

    /** Adds {@code noise} (a fresh source per run) to every gradient before the step; null for none. */
    public Runner withNoise(GradientNoise noise) {
        this.noise = noise;
        return this;
    }

    /**
     * Runs from {@code start}.
     *
     * @param steps     the most steps to take (≥ 0)
     * @param tolerance stop before a step whose gradient has Euclidean norm ≤ this; 0 never stops early
     * @param listener  receives row 0 and every completed step; never a row with a non-finite value
     */
    public RunResult run(double[] start, long steps, double tolerance, StepListener listener) {
        int n = objective.dimension();
        StepRecord row = new StepRecord(optimizer, n);
        double[] x = row.x;
        double[] gradient = row.gradient;
        double[] previousX = new double[n];
        DifferentiableObjective fused = differences == null && gradientMethod instanceof ExactGradient
                && objective instanceof DifferentiableObjective differentiable ? differentiable : null;
        double[] nextGradient = fused == null ? null : new double[n];
        System.arraycopy(start, 0, x, 0, n);
        row.step = 0;
        row.f = fused == null ? objective.value(x) : fused.valueAndGradient(x, nextGradient);
        row.knownNorm(Double.NaN);
        if (!isFinite(x)) {
            return diverged(row, 0, Quantity.X, null);
        }
        if (!Double.isFinite(row.f)) {
            return diverged(row, 0, Quantity.F, null);
        }
        listener.onStep(row);

        GradientNoise.Source jitter = noise == null ? null : noise.source();
        gradients = 0;
        for (long t = 1; t <= steps; t++) {
            if (StopRequest.pending()) {
                StopReason stop = StopRequest.reason();
                if (stop != null) {
                    return counted(new RunResult(stop, t - 1, x.clone(), row.f, row.gradientNorm(), null));
                }
            }
            if (fused == null) {
                gradientMethod.gradient(objective, x, gradient, differences);
            } else { // ∇f(xₜ₋₁), computed with f(xₜ₋₁): the row takes its array, the next one goes into the other
                double[] computed = nextGradient;
                nextGradient = gradient;
                gradient = computed;
                row.gradient = computed;
            }
            gradients++;
            if (jitter != null) {
                jitter.addTo(gradient); // the gradient columns show the noisy gradient the step used
            }
            if (!isFinite(gradient)) {
                return diverged(row, t, Quantity.GRADIENT, gradient);
            }
            double norm = Double.NaN; // computed here only for the tolerance, else when a listener asks for it
            if (tolerance > 0) {
                norm = StepRecord.norm(gradient);
                if (norm <= tolerance) {
                    return counted(new RunResult(StopReason.TOLERANCE_REACHED, t - 1, x.clone(), row.f, norm,
                            null));
                }
            }
            double previousF = row.f;
            copy(x, previousX);
            if (closure != null) {
                optimizer.step(t, x, previousF, gradient, row.update, narrator, closure);
            } else {
                optimizer.step(t, x, gradient, row.update, narrator);
            }
            row.f = fused == null ? objective.value(x) : fused.valueAndGradient(x, nextGradient);
            if (tolerance > 0) {
                row.knownNorm(norm);
            } else {
                row.normOfGradient();
            }
            if (!isFinite(x) || !Double.isFinite(row.f)) {
                Quantity quantity = isFinite(x) ? Quantity.F : Quantity.X;
                double[] reached = x.clone();
                double fReached = row.f;
                return counted(new RunResult(StopReason.NON_FINITE, t - 1, previousX.clone(), previousF,
                        tolerance > 0 ? norm : StepRecord.norm(gradient),
                        new Divergence(t, quantity, reached, fReached, gradient.clone())));
            }
            row.step = t;
            optimizer.stepSchedule(row.f); // torch's scheduler.step() after optimizer.step(), given f(xₜ)
            listener.onStep(row);
        }
        return counted(new RunResult(StopReason.STEPS_DONE, row.step, x.clone(), row.f, row.gradientNorm(), null));
    }

    /** The result with the run's evaluations of f and ∇f when the optimizer evaluates them in its step. */
    private RunResult counted(RunResult result) {
        if (closure == null) {
            return result;
        }
        return new RunResult(result.reason(), result.steps(), result.x(), result.f(), result.gradientNorm(),
                result.divergence(), gradients + closure.calls());
    }

    private static RunResult diverged(StepRecord row, long step, Quantity quantity, double[] gradient) {
        double[] x = row.x.clone();
        Divergence divergence = new Divergence(step, quantity, x, row.f, gradient == null ? null : gradient.clone());
        return new RunResult(StopReason.NON_FINITE, Math.max(0, step - 1), x, row.f, Double.NaN, divergence);
    }

    /** A plain loop: for the few values of a small problem quicker than System.arraycopy, and as quick for many. */
    private static void copy(double[] from, double[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i];
        }
    }

    private static boolean isFinite(double[] v) {
        for (double value : v) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
