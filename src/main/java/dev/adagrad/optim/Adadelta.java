package dev.adagrad.optim;

/**
 * Adadelta (Zeiler, 2012), as PyTorch documents {@code torch.optim.Adadelta}: the step is scaled by the ratio of two
 * moving RMS values, of past updates and of gradients, so its units match x's. The algorithm is {@link #ALGORITHM}.
 *
 * <p>TensorFlow.js's {@code tf.train.adadelta} divides by the square average of the previous step instead of this
 * one; on x² from 4 with lr 1 it swings 4 → −4 → 4 forever. The {@code tfjs} preset keeps TensorFlow.js's defaults
 * and this, the published, formula.
 */
public final class Adadelta extends TabledOptimizer {

    static final String ALGORITHM = """
            input: γ (lr), θ₀, ρ (rho), ε (eps), λ (weight_decay)
            v₀ ← 0 (square average), u₀ ← 0 (accumulated updates)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:  gₜ ← gₜ + λ·θₜ₋₁
                vₜ ← ρ·vₜ₋₁ + (1 − ρ)·gₜ²
                Δxₜ ← √(uₜ₋₁ + ε) / √(vₜ + ε) · gₜ
                uₜ ← ρ·uₜ₋₁ + (1 − ρ)·Δxₜ²
                θₜ ← θₜ₋₁ − γ·Δxₜ
            reported: lr = γ·√(uₜ₋₁ + ε) / √(vₜ + ε)
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("adadelta",
                    "sq = ρ·sq + (1−ρ)·g²; d = √(acc + eps)/√(sq + eps)·g; acc = ρ·acc + (1−ρ)·d²; x -= lr·d",
                    ALGORITHM)
            .number("lr", 1.0, "learning rate γ, a scale on Δx")
            .number("rho", 0.9, "decay ρ of both moving averages")
            .number("eps", 1e-6, "term added inside both square roots")
            .number("weight_decay", 0.0, "L2 penalty λ: g ← g + λ·x")
            .convention("decoupled_weight_decay", "Keras: x ← x − γλ·x before the step")
            .preset(Compat.keras, OptimizerSpec.Preset.keras("lr", 0.001, "rho", 0.95, "eps", 1e-7))
            .preset(Compat.tfjs, OptimizerSpec.Preset.of("lr", 0.001, "rho", 0.95, "eps", 1e-7))
            .build((dimension, s) -> new Adadelta(dimension, s.number("lr"), s.number("rho"), s.number("eps"),
                    new WeightDecay(s.number("weight_decay"), s.flag("decoupled_weight_decay"))));

    private final double rho;
    private final double eps;
    private final WeightDecay weightDecay;
    private final double[] squareAverage;
    private final double[] accumulatedDelta;
    private final double[] effectiveLearningRate;

    public Adadelta(int dimension, double learningRate, double rho, double eps, WeightDecay weightDecay) {
        super(dimension);
        Check.learningRate(learningRate);
        Check.closedUnitInterval("rho", rho);
        Check.atLeastZero("eps", eps);
        this.learningRate = learningRate;
        this.rho = rho;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.squareAverage = state.add(StateColumn.SQUARE_AVERAGE);
        this.accumulatedDelta = state.add(new StateColumn("acc_delta", "Acc Delta", 4, "square average of updates u"));
        this.effectiveLearningRate = state.add(StateColumn.learningRate("lr·√(u + eps)/√(v + eps)"));
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            double previousAverage = squareAverage[i];
            double average = rho * previousAverage + (1 - rho) * g * g;
            squareAverage[i] = average;
            double previousDelta = accumulatedDelta[i];
            double numerator = Math.sqrt(previousDelta + eps);
            // With eps = 0 the numerator √u is 0 (u never leaves 0), and while every gradient has been 0 so is the
            // denominator: PyTorch's 0/0 is NaN; here the ratio is 0, as it is over any other denominator, so x stays
            // and the reported rate is 0. Only that case is changed: ∞/∞ stays NaN, as in PyTorch.
            double ratio = numerator == 0 ? 0.0 : numerator / Math.sqrt(average + eps);
            effectiveLearningRate[i] = learningRate * ratio;
            double delta = ratio * g;
            accumulatedDelta[i] = rho * previousDelta + (1 - rho) * delta * delta;
            double shrunk = x[i];
            double step = learningRate * delta;
            x[i] -= step;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                narrator.line(i, "vₜ", "ρ·vₜ₋₁ + (1 − ρ)·gₜ²", "{}·{} + (1 − {})·{}²", average, rho, previousAverage,
                        rho, g);
                narrator.line(i, "Δxₜ", "√(uₜ₋₁ + ε) / √(vₜ + ε) · gₜ", "√({} + {}) / √({} + {}) · {}", delta,
                        previousDelta, eps, average, eps, g);
                narrator.line(i, "uₜ", "ρ·uₜ₋₁ + (1 − ρ)·Δxₜ²", "{}·{} + (1 − {})·{}²", accumulatedDelta[i], rho,
                        previousDelta, rho, delta);
                narrator.line(i, "θₜ", "θₜ₋₁ − γ·Δxₜ", "{} − {}·{}", x[i], shrunk, learningRate, delta);
            }
        }
    }
}
