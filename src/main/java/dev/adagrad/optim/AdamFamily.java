package dev.adagrad.optim;

/**
 * What Adam, Adamax, NAdam and RAdam share besides their update: the setting checks, the {@link Moments} (made first,
 * so m and v lead the state columns) and β₁, which the moments hold. OneCycleLR's cycled beta1 is set there once and
 * reaches the moments and the subclass's bias correction alike.
 */
abstract class AdamFamily extends TabledOptimizer {

    final Moments moments;

    AdamFamily(int dimension, double learningRate, double beta1, double beta2, double eps, boolean secondMoment) {
        super(dimension);
        Check.adamFamily(learningRate, eps, beta1, beta2);
        this.learningRate = learningRate;
        this.moments = secondMoment ? Moments.both(state, beta1, beta2) : Moments.firstOnly(state, beta1);
    }

    /** β₁ for this step: the hyperparameter, or what OneCycleLR set it to. */
    final double beta1() {
        return moments.beta1();
    }

    @Override
    public String cycledMomentum() {
        return "beta1";
    }

    @Override
    public double momentum() {
        return moments.beta1();
    }

    /** A cycled β₁: the moments and the bias correction use it from the next step. */
    @Override
    public void momentum(double value) {
        moments.beta1(value);
    }
}
