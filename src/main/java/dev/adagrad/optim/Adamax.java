package dev.adagrad.optim;

/**
 * Adamax (Kingma and Ba, 2014, §7.1), as PyTorch documents {@code torch.optim.Adamax}: Adam with the second moment
 * replaced by an exponentially weighted infinity norm. The algorithm is {@link #ALGORITHM}.
 *
 * <p>PyTorch adds ε inside the maximum, to |gₜ|; Keras and TensorFlow.js add it to uₜ after the maximum
 * ({@code eps_outside_max}). The two differ while |g| is near ε.
 */
public final class Adamax extends AdamFamily {

    static final String ALGORITHM = """
            input: γ (lr), β₁, β₂ (beta1, beta2), θ₀, λ (weight_decay), ε (eps)
            m₀ ← 0 (first moment), u₀ ← 0 (infinity norm)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:  gₜ ← gₜ + λ·θₜ₋₁
                mₜ ← β₁·mₜ₋₁ + (1 − β₁)·gₜ
                uₜ ← max(β₂·uₜ₋₁, |gₜ| + ε)
                θₜ ← θₜ₋₁ − γ·mₜ / ((1 − β₁ᵗ)·uₜ)
            Keras, TF.js (eps_outside_max): uₜ ← max(β₂·uₜ₋₁, |gₜ|);  θₜ ← θₜ₋₁ − γ·mₜ / ((1 − β₁ᵗ)·(uₜ + ε))
            reported: lr = γ / uₜ, the rate applied to m̂ₜ = mₜ / (1 − β₁ᵗ)
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("adamax",
                    "m = β₁·m + (1−β₁)·g; u = max(β₂·u, |g| + eps); x -= lr / (1−β₁ᵗ) · m / u", ALGORITHM)
            .number("lr", 2e-3, "learning rate γ")
            .number("beta1", 0.9, "decay β₁ of the first moment")
            .number("beta2", 0.999, "decay β₂ of the infinity norm")
            .number("eps", 1e-8, "term added to |g| inside the maximum")
            .number("weight_decay", 0.0, "L2 penalty λ: g ← g + λ·x")
            .convention("decoupled_weight_decay", "Keras: x ← x − γλ·x before the step")
            .convention("eps_outside_max", "Keras, TF.js: eps added to u after the maximum")
            .preset(Compat.keras, OptimizerSpec.Preset.keras("lr", 0.001, "eps", 1e-7, "eps_outside_max", true))
            .preset(Compat.tfjs, OptimizerSpec.Preset.of("lr", 0.002, "eps", 1e-7, "eps_outside_max", true))
            .build((dimension, s) -> new Adamax(dimension, s.number("lr"), s.number("beta1"), s.number("beta2"),
                    s.number("eps"), new WeightDecay(s.number("weight_decay"), s.flag("decoupled_weight_decay")),
                    s.flag("eps_outside_max")));

    private final double beta2;
    private final double eps;
    private final WeightDecay weightDecay;
    private final boolean epsOutsideMax;
    private final double[] infinityNorm;
    private final double[] effectiveLearningRate;

    public Adamax(int dimension, double learningRate, double beta1, double beta2, double eps, WeightDecay weightDecay,
                  boolean epsOutsideMax) {
        super(dimension, learningRate, beta1, beta2, eps, false);
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.epsOutsideMax = epsOutsideMax;
        this.infinityNorm = state.add(new StateColumn("u", "u", 4, "exponentially weighted infinity norm u"));
        this.effectiveLearningRate = state.add(StateColumn.learningRate("lr / u, applied to m̂"));
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        double stepSize = learningRate / (1 - Math.pow(beta1(), t));
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            double m = moments.updateFirst(i, g, narrator);
            double previousNorm = infinityNorm[i];
            double norm = Math.max(beta2 * previousNorm, epsOutsideMax ? Math.abs(g) : Math.abs(g) + eps);
            infinityNorm[i] = norm;
            double denominator = epsOutsideMax ? norm + eps : norm;
            effectiveLearningRate[i] = learningRate / denominator;
            // With eps = 0 and no gradient yet this is 0/0; PyTorch makes it NaN, here nothing moves.
            double step = m == 0 ? 0.0 : stepSize * m / denominator;
            double shrunk = x[i];
            x[i] -= step;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                if (epsOutsideMax) {
                    narrator.line(i, "uₜ", "max(β₂·uₜ₋₁, |gₜ|)", "max({}·{}, |{}|)", norm, beta2, previousNorm, g);
                    narrator.line(i, "θₜ", "θₜ₋₁ − γ·mₜ / ((1 − β₁ᵗ)·(uₜ + ε))", "{} − {}·{} / ((1 − {}{t})·({} + {}))",
                            x[i], shrunk, learningRate, m, beta1(), t, norm, eps);
                } else {
                    narrator.line(i, "uₜ", "max(β₂·uₜ₋₁, |gₜ| + ε)", "max({}·{}, |{}| + {})", norm, beta2,
                            previousNorm, g, eps);
                    narrator.line(i, "θₜ", "θₜ₋₁ − γ·mₜ / ((1 − β₁ᵗ)·uₜ)", "{} − {}·{} / ((1 − {}{t})·{})", x[i],
                            shrunk, learningRate, m, beta1(), t, norm);
                }
            }
        }
    }
}
