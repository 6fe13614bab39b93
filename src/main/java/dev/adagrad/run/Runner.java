package dev.adagrad.run;

import dev.adagrad.expr.DifferenceListener;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.ClosureOptimizer;
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
 */
public final class Runner {

    private final Objective objective;
    private final GradientMethod gradientMethod;
    private final Optimizer optimizer;
    private final DifferenceListener differences;
    private final Narrator narrator;
    /** The optimizer again when it evaluates the objective in its step (L-BFGS, Newton), else null. */
    private final ClosureOptimizer closureOptimizer;
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
        this.closureOptimizer = optimizer instanceof ClosureOptimizer o ? o : null;
        this.closure = closureOptimizer == null ? null
                : new ObjectiveClosure(objective, gradientMethod, closureOptimizer.needsHessian());
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
        System.arraycopy(start, 0, x, 0, n);
        row.step = 0;
        row.f = objective.value(x);
        row.gradientNorm = Double.NaN;
        if (!isFinite(x)) {
            return diverged(row, 0, Quantity.X, null);
        }
        if (!Double.isFinite(row.f)) {
            return diverged(row, 0, Quantity.F, null);
        }
        listener.onStep(row);

        gradients = 0;
        for (long t = 1; t <= steps; t++) {
            if (StopRequest.pending()) {
                StopReason stop = StopRequest.reason();
                if (stop != null) {
                    return counted(new RunResult(stop, t - 1, x.clone(), row.f, row.gradientNorm, null));
                }
            }
            gradientMethod.gradient(objective, x, gradient, differences);
            gradients++;
            if (!isFinite(gradient)) {
                return diverged(row, t, Quantity.GRADIENT, gradient);
            }
            double norm = norm(gradient);
            if (tolerance > 0 && norm <= tolerance) {
                return counted(new RunResult(StopReason.TOLERANCE_REACHED, t - 1, x.clone(), row.f, norm, null));
            }
            double previousF = row.f;
            System.arraycopy(x, 0, previousX, 0, n);
            if (closureOptimizer != null) {
                closureOptimizer.step(t, x, previousF, gradient, row.update, narrator, closure);
            } else {
                optimizer.step(t, x, gradient, row.update, narrator);
            }
            row.f = objective.value(x);
            row.gradientNorm = norm;
            if (!isFinite(x) || !Double.isFinite(row.f)) {
                Quantity quantity = isFinite(x) ? Quantity.F : Quantity.X;
                double[] reached = x.clone();
                double fReached = row.f;
                return counted(new RunResult(StopReason.NON_FINITE, t - 1, previousX.clone(), previousF, norm,
                        new Divergence(t, quantity, reached, fReached, gradient.clone())));
            }
            row.step = t;
            listener.onStep(row);
        }
        return counted(new RunResult(StopReason.STEPS_DONE, row.step, x.clone(), row.f, row.gradientNorm, null));
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

    /** ‖v‖₂, scaled by the largest component so that finite gradients above 1e154 do not overflow to ∞. */
    private static double norm(double[] v) {
        double largest = 0;
        for (double value : v) {
            largest = Math.max(largest, Math.abs(value));
        }
        if (largest == 0) {
            return 0;
        }
        double sum = 0;
        for (double value : v) {
            double scaled = value / largest;
            sum += scaled * scaled;
        }
        return largest * Math.sqrt(sum);
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
