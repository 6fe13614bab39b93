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

    /** Applies the decay for variable {@code i} at step size {@code lr} and returns the gradient the step uses. */
    double apply(double[] x, int i, double gradient, double lr) {
        if (weightDecay == 0) {
            return gradient;
        }
        if (decoupled) {
            x[i] *= 1 - lr * weightDecay;
            return gradient;
        }
        return gradient + weightDecay * x[i];
    }

    /** How much of xₜ₋₁ − xₜ the decoupled decay of {@code before} accounts for (0 in the L2 form). */
    double shrinkage(double before, double lr) {
        return decoupled ? lr * weightDecay * before : 0;
    }
}
