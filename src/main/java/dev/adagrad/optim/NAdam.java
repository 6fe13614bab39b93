package dev.adagrad.optim;

/**
 * NAdam (Dozat, 2016), as PyTorch documents {@code torch.optim.NAdam}: Adam with Nesterov momentum, whose momentum
 * coefficient μₜ warms up from β₁/2 towards β₁ on the schedule 0.96^(tψ). The algorithm is {@link #ALGORITHM}.
 *
 * <p>Keras uses the schedule 0.96ᵗ, which is ψ = 1: its preset sets {@code momentum_decay} to 1, so μₜ reaches β₁
 * within a hundred steps instead of tens of thousands.
 */
public final class NAdam extends AdamFamily {

    static final String ALGORITHM = """
            input: γ (lr), β₁, β₂ (beta1, beta2), θ₀, λ (weight_decay), ψ (momentum_decay), ε (eps),
                   decoupled_weight_decay
            m₀ ← 0 (first moment), v₀ ← 0 (second moment)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:
                    if decoupled_weight_decay:  θₜ₋₁ ← θₜ₋₁ − γλ·θₜ₋₁
                    else:                       gₜ ← gₜ + λ·θₜ₋₁
                μₜ ← β₁·(1 − ½·0.96^(tψ))
                μₜ₊₁ ← β₁·(1 − ½·0.96^((t+1)ψ))
                mₜ ← β₁·mₜ₋₁ + (1 − β₁)·gₜ
                vₜ ← β₂·vₜ₋₁ + (1 − β₂)·gₜ²
                m̂ₜ ← μₜ₊₁·mₜ / (1 − ∏ᵢ₌₁ᵗ⁺¹ μᵢ) + (1 − μₜ)·gₜ / (1 − ∏ᵢ₌₁ᵗ μᵢ)
                v̂ₜ ← vₜ / (1 − β₂ᵗ)
                θₜ ← θₜ₋₁ − γ·m̂ₜ / (√v̂ₜ + ε)
            reported: lr = γ / (√v̂ₜ + ε), the rate applied to m̂ₜ
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("nadam",
                    "adam with a Nesterov look-ahead: m̂ mixes μₜ₊₁·m and (1−μₜ)·g", ALGORITHM)
            .number("lr", 2e-3, "learning rate γ")
            .number("beta1", 0.9, "decay β₁ of the first moment")
            .number("beta2", 0.999, "decay β₂ of the second moment")
            .number("eps", 1e-8, "term added to the denominator")
            .number("weight_decay", 0.0, "weight decay λ (L2 unless decoupled)")
            .number("momentum_decay", 4e-3, "momentum schedule ψ: μₜ = β₁·(1 − ½·0.96^(tψ))")
            .flag("decoupled_weight_decay", false, "apply λ as AdamW does: x ← x − γλ·x before the step")
            .preset(Compat.keras, OptimizerSpec.Preset.keras("lr", 0.001, "eps", 1e-7, "momentum_decay", 1.0))
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no nadam optimizer"))
            .build((dimension, s) -> new NAdam(dimension, s.number("lr"), s.number("beta1"), s.number("beta2"),
                    s.number("eps"), new WeightDecay(s.number("weight_decay"), s.flag("decoupled_weight_decay")),
                    s.number("momentum_decay")));

    private final double beta2;
    private final double eps;
    private final WeightDecay weightDecay;
    private final double momentumDecay;
    private final double[] effectiveLearningRate;
    /** ∏ᵢ₌₁ᵗ μᵢ after step t: one value for all variables, since μₜ depends only on t. */
    private double momentumProduct = 1;

    public NAdam(int dimension, double learningRate, double beta1, double beta2, double eps, WeightDecay weightDecay,
                 double momentumDecay) {
        super(dimension, learningRate, beta1, beta2, eps, true);
        Check.atLeastZero("momentum_decay", momentumDecay);
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.momentumDecay = momentumDecay;
        this.effectiveLearningRate = state.add(StateColumn.learningRate("lr / (√v̂ + eps), applied to m̂"));
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        double biasCorrection2 = 1 - Math.pow(beta2, t);
        double mu = beta1() * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
        double muNext = beta1() * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
        double previousProduct = momentumProduct;
        momentumProduct *= mu;
        double momentumProductNext = momentumProduct * muNext;
        double gradientWeight = learningRate * (1 - mu) / (1 - momentumProduct);
        double momentumWeight = learningRate * muNext / (1 - momentumProductNext);
        if (narrator != null) {
            narrator.line(Narrator.WHOLE_STEP, "μₜ", "β₁·(1 − ½·0.96^(tψ))", "{}·(1 − 0.5·0.96^({}·{}))", mu, beta1(), t,
                    momentumDecay);
            narrator.line(Narrator.WHOLE_STEP, "μₜ₊₁", "β₁·(1 − ½·0.96^((t+1)ψ))", "{}·(1 − 0.5·0.96^({}·{}))", muNext,
                    beta1(), t + 1, momentumDecay);
            narrator.line(Narrator.WHOLE_STEP, "∏ᵢ₌₁ᵗ μᵢ", "∏ᵢ₌₁ᵗ⁻¹ μᵢ · μₜ", "{}·{}", momentumProduct,
                    previousProduct, mu);
            narrator.line(Narrator.WHOLE_STEP, "∏ᵢ₌₁ᵗ⁺¹ μᵢ", "∏ᵢ₌₁ᵗ μᵢ · μₜ₊₁", "{}·{}", momentumProductNext,
                    momentumProduct, muNext);
        }
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            double m = moments.updateFirst(i, g, narrator);
            double v = moments.updateSecond(i, g, narrator);
            double denominator = Math.sqrt(v / biasCorrection2) + eps;
            effectiveLearningRate[i] = learningRate / denominator;
            // With eps = 0 and no gradient yet this is 0/0; PyTorch makes it NaN, here nothing moves.
            double step = g == 0 && m == 0 ? 0.0 : gradientWeight * g / denominator + momentumWeight * m / denominator;
            double shrunk = x[i];
            x[i] -= step;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                // m̂ₜ as the algorithm defines it; the step applies the same two terms each divided by the denominator.
                double correctedM = muNext * m / (1 - momentumProductNext) + (1 - mu) * g / (1 - momentumProduct);
                narrator.line(i, "m̂ₜ", "μₜ₊₁·mₜ / (1 − ∏ᵢ₌₁ᵗ⁺¹ μᵢ) + (1 − μₜ)·gₜ / (1 − ∏ᵢ₌₁ᵗ μᵢ)",
                        "{}·{} / (1 − {}) + (1 − {})·{} / (1 − {})", correctedM, muNext, m, momentumProductNext, mu, g,
                        momentumProduct);
                double correctedV = v / biasCorrection2;
                narrator.line(i, "v̂ₜ", "vₜ / (1 − β₂ᵗ)", "{} / (1 − {}{t})", correctedV, v, beta2, t);
                narrator.line(i, "θₜ", "θₜ₋₁ − γ·m̂ₜ / (√v̂ₜ + ε)", "{} − {}·{} / (√{} + {})", x[i], shrunk,
                        learningRate, correctedM, correctedV, eps);
            }
        }
    }
}
