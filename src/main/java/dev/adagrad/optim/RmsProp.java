package dev.adagrad.optim;

/**
 * RMSprop (Hinton, 2012), as PyTorch documents {@code torch.optim.RMSprop}: AdaGrad's sum of squared gradients
 * replaced by a moving average, so old gradients are forgotten. The algorithm is {@link #ALGORITHM}.
 *
 * <p>{@code eps_inside_sqrt} divides by √(ṽ + ε) as Keras and TensorFlow.js do; with momentum those frameworks keep
 * γ inside the buffer, which is the same step while γ is constant.
 */
public final class RmsProp extends TabledOptimizer {

    static final String ALGORITHM = """
            input: γ (lr), θ₀, α (alpha), ε (eps), λ (weight_decay), μ (momentum), centered
            v₀ ← 0 (square average), b₀ ← 0 (buffer), g₀ᵃᵛᵉ ← 0 (gradient average)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:  gₜ ← gₜ + λ·θₜ₋₁
                vₜ ← α·vₜ₋₁ + (1 − α)·gₜ²
                ṽₜ ← vₜ
                if centered:
                    gₜᵃᵛᵉ ← α·gₜ₋₁ᵃᵛᵉ + (1 − α)·gₜ
                    ṽₜ ← ṽₜ − (gₜᵃᵛᵉ)²
                if μ > 0:
                    bₜ ← μ·bₜ₋₁ + gₜ / (√ṽₜ + ε)
                    θₜ ← θₜ₋₁ − γ·bₜ
                else:
                    θₜ ← θₜ₋₁ − γ·gₜ / (√ṽₜ + ε)
            eps_inside_sqrt: √(ṽₜ + ε) in place of √ṽₜ + ε
            reported: lr = γ / (√ṽₜ + ε)
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("rmsprop",
                    "sq = α·sq + (1−α)·g²; x -= lr / (√sq + eps) · g", ALGORITHM)
            .number("lr", 0.01, "learning rate γ")
            .number("alpha", 0.99, "smoothing constant α of the square average")
            .number("eps", 1e-8, "term added to the denominator")
            .number("weight_decay", 0.0, "L2 penalty λ: g ← g + λ·x")
            .number("momentum", 0.0, "momentum factor μ")
            .flag("centered", false, "subtract the squared average gradient: divide by an estimate of the variance")
            .flag("eps_inside_sqrt", false, "use √(sq + eps) instead of √sq + eps (Keras, TF.js)")
            .convention("decoupled_weight_decay", "Keras: x ← x − γλ·x before the step")
            .preset(Compat.keras, OptimizerSpec.Preset.keras("lr", 0.001, "alpha", 0.9, "eps", 1e-7,
                    "eps_inside_sqrt", true))
            .preset(Compat.tfjs, OptimizerSpec.Preset.of("alpha", 0.9, "eps", 1e-7, "eps_inside_sqrt", true))
            .build((dimension, s) -> new RmsProp(dimension, s.number("lr"), s.number("alpha"), s.number("eps"),
                    new WeightDecay(s.number("weight_decay"), s.flag("decoupled_weight_decay")),
                    s.number("momentum"), s.flag("centered"), s.flag("eps_inside_sqrt")));

    private final double alpha;
    private final double eps;
    private final WeightDecay weightDecay;
    /** μ: a hyperparameter until OneCycleLR cycles it ({@link #momentum(double)}). */
    private double momentum;
    private final boolean centered;
    private final boolean epsInsideSqrt;
    private final double[] squareAverage;
    private final double[] gradientAverage;
    private final double[] momentumBuffer;
    private final double[] effectiveLearningRate;

    public RmsProp(int dimension, double learningRate, double alpha, double eps, WeightDecay weightDecay,
                   double momentum, boolean centered, boolean epsInsideSqrt) {
        super(dimension);
        Check.learningRate(learningRate);
        Check.atLeastZero("alpha", alpha);
        Check.atLeastZero("eps", eps);
        Check.atLeastZero("momentum", momentum);
        this.learningRate = learningRate;
        this.alpha = alpha;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentum = momentum;
        this.centered = centered;
        this.epsInsideSqrt = epsInsideSqrt;
        this.squareAverage = state.add(StateColumn.SQUARE_AVERAGE);
        this.gradientAverage = state.addIf(centered, new StateColumn("grad_avg", "Grad Avg", 4,
                "gradient average (centered)"));
        this.momentumBuffer = state.addIf(momentum > 0, StateColumn.MOMENTUM_BUFFER);
        this.effectiveLearningRate = state.add(StateColumn.learningRate("lr / (√ṽ + eps)"));
    }

    @Override
    public String cycledMomentum() {
        return "momentum";
    }

    @Override
    public double momentum() {
        return momentum;
    }

    /**
     * A cycled μ. The buffer is reported from the first call on (after the lr column): torch creates it at the first
     * step when μ > 0 then, as OneCycleLR's max_momentum makes it.
     */
    @Override
    public void momentum(double value) {
        momentum = value;
        state.report(StateColumn.MOMENTUM_BUFFER, momentumBuffer); // once: a no-op when it is reported
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            double previousAverage = squareAverage[i];
            double average = alpha * previousAverage + (1 - alpha) * g * g;
            squareAverage[i] = average;
            if (narrator != null) {
                narrator.line(i, "vₜ", "α·vₜ₋₁ + (1 − α)·gₜ²", "{}·{} + (1 − {})·{}²", average, alpha,
                        previousAverage, alpha, g);
            }
            if (centered) {
                double previousMean = gradientAverage[i];
                double meanGradient = alpha * previousMean + (1 - alpha) * g;
                gradientAverage[i] = meanGradient;
                double uncentered = average;
                average -= meanGradient * meanGradient;
                if (narrator != null) {
                    narrator.line(i, "gₜᵃᵛᵉ", "α·gₜ₋₁ᵃᵛᵉ + (1 − α)·gₜ", "{}·{} + (1 − {})·{}", meanGradient, alpha,
                            previousMean, alpha, g);
                    narrator.line(i, "ṽₜ", "vₜ − (gₜᵃᵛᵉ)²", "{} − {}²", average, uncentered, meanGradient);
                }
            }
            double denominator = epsInsideSqrt ? Math.sqrt(average + eps) : Math.sqrt(average) + eps;
            effectiveLearningRate[i] = learningRate / denominator;
            // With eps = 0 and only zero gradients so far this is 0/0; PyTorch makes it NaN, nothing moves here.
            double scaled = g == 0 ? 0.0 : g / denominator;
            double shrunk = x[i];
            double step;
            double previousBuffer = momentumBuffer[i];
            if (momentum > 0) {
                double buffer = momentum * previousBuffer + scaled;
                momentumBuffer[i] = buffer;
                step = learningRate * buffer;
            } else {
                step = learningRate * scaled;
            }
            x[i] -= step;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                narrate(narrator, i, g, average, previousBuffer, shrunk, x[i]);
            }
        }
    }

    /** The lines from the denominator on: with momentum the buffer bₜ, then θₜ. */
    private void narrate(Narrator narrator, int i, double g, double average, double previousBuffer, double shrunk,
                         double next) {
        String v = centered ? "ṽₜ" : "vₜ";
        String denominator = epsInsideSqrt ? "√(" + v + " + ε)" : "(√" + v + " + ε)";
        String substitutedDenominator = epsInsideSqrt ? "√({} + {})" : "(√{} + {})";
        if (momentum > 0) {
            narrator.line(i, "bₜ", "μ·bₜ₋₁ + gₜ / " + denominator, "{}·{} + {} / " + substitutedDenominator,
                    momentumBuffer[i], momentum, previousBuffer, g, average, eps);
            narrator.line(i, "θₜ", "θₜ₋₁ − γ·bₜ", "{} − {}·{}", next, shrunk, learningRate, momentumBuffer[i]);
        } else {
            narrator.line(i, "θₜ", "θₜ₋₁ − γ·gₜ / " + denominator, "{} − {}·{} / " + substitutedDenominator, next,
                    shrunk, learningRate, g, average, eps);
        }
    }
}
