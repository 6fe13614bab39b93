package dev.adagrad.optim;

/**
 * Weight decay as the optimizers apply it: PyTorch's L2 form adds λ·θ to the gradient; the decoupled form (AdamW,
 * and every Keras optimizer) shrinks θ by γλ·θ before the step.
 */
final class WeightDecay {

    private final double weightDecay;
    private final boolean decoupled;

    WeightDecay(double weightDecay, boolean decoupled) {
        Check.atLeastZero("weight_decay", weightDecay);
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
    }

    /** Whether the decay does nothing at all: λ = 0 in the L2 form, so the update has no shrinkage term either. */
    boolean off() {
        return weightDecay == 0 && !decoupled;
    }

    /** Whether there is no decay (λ = 0). */
    boolean none() {
        return weightDecay == 0;
    }

    /** Applies the decay for variable {@code i} at step size {@code lr} and returns the gradient the step uses. */
    double apply(double[] x, int i, double gradient, double lr) {
        return apply(x, i, gradient, lr, null);
    }

    /** {@link #apply(double[], int, double, double)}, telling {@code narrator} (if not null) what it did. */
    double apply(double[] x, int i, double gradient, double lr, Narrator narrator) {
        if (weightDecay == 0) {
            return gradient;
        }
        if (decoupled) {
            double before = x[i];
            x[i] *= 1 - lr * weightDecay;
            if (narrator != null) {
                narrator.line(i, "θₜ₋₁", "(1 − γλ)·θₜ₋₁", "(1 − {}·{})·{}", x[i], lr, weightDecay, before);
            }
            return gradient;
        }
        double decayed = gradient + weightDecay * x[i];
        if (narrator != null) {
            narrator.line(i, "gₜ", "gₜ + λ·θₜ₋₁", "{} + {}·{}", decayed, gradient, weightDecay, x[i]);
        }
        return decayed;
    }

    /** How much of xₜ₋₁ − xₜ the decoupled decay of {@code before} accounts for (0 in the L2 form). */
    double shrinkage(double before, double lr) {
        return decoupled ? lr * weightDecay * before : 0;
    }
}
