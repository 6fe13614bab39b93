package dev.adagrad.optim;

/**
 * RAdam (Liu et al., 2019), as PyTorch documents {@code torch.optim.RAdam}: Adam whose adaptive rate is switched
 * on only once the variance of vₜ's estimate is tractable (ρₜ &gt; 5, from step 6 with β₂ = 0.999), and rectified by
 * rₜ after that; before it, the step is plain momentum SGD. The algorithm is {@link #ALGORITHM}.
 */
public final class RAdam extends AdamFamily {

    static final String ALGORITHM = """
            input: γ (lr), β₁, β₂ (beta1, beta2), θ₀, λ (weight_decay), ε (eps), decoupled_weight_decay
            m₀ ← 0 (first moment), v₀ ← 0 (second moment), ρ∞ ← 2/(1 − β₂) − 1
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:
                    if decoupled_weight_decay:  θₜ₋₁ ← θₜ₋₁ − γλ·θₜ₋₁
                    else:                       gₜ ← gₜ + λ·θₜ₋₁
                mₜ ← β₁·mₜ₋₁ + (1 − β₁)·gₜ
                vₜ ← β₂·vₜ₋₁ + (1 − β₂)·gₜ²
                m̂ₜ ← mₜ / (1 − β₁ᵗ)
                ρₜ ← ρ∞ − 2t·β₂ᵗ / (1 − β₂ᵗ)
                if ρₜ > 5:
                    lₜ ← √(1 − β₂ᵗ) / (√vₜ + ε)
                    rₜ ← √( (ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ) )
                    θₜ ← θₜ₋₁ − γ·m̂ₜ·rₜ·lₜ
                else:
                    θₜ ← θₜ₋₁ − γ·m̂ₜ
            reported: lr = γ·rₜ·lₜ when ρₜ > 5, else γ: the rate applied to m̂ₜ
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("radam",
                    "adam with the adaptive rate rectified by rₜ, and plain momentum while ρₜ ≤ 5", ALGORITHM)
            .number("lr", 1e-3, "learning rate γ")
            .number("beta1", 0.9, "decay β₁ of the first moment")
            .number("beta2", 0.999, "decay β₂ of the second moment")
            .number("eps", 1e-8, "term added to the denominator")
            .number("weight_decay", 0.0, "weight decay λ (L2 unless decoupled)")
            .flag("decoupled_weight_decay", false, "apply λ as AdamW does: x ← x − γλ·x before the step")
            .preset(Compat.keras, OptimizerSpec.Preset.unavailable("Keras has no radam optimizer"))
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no radam optimizer"))
            .build((dimension, s) -> new RAdam(dimension, s.number("lr"), s.number("beta1"), s.number("beta2"),
                    s.number("eps"), new WeightDecay(s.number("weight_decay"), s.flag("decoupled_weight_decay"))));

    private final double beta2;
    private final double eps;
    private final WeightDecay weightDecay;
    private final double rhoInfinity;
    private final double[] effectiveLearningRate;

    public RAdam(int dimension, double learningRate, double beta1, double beta2, double eps, WeightDecay weightDecay) {
        super(dimension, learningRate, beta1, beta2, eps, true);
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.rhoInfinity = 2 / (1 - beta2) - 1;
        this.effectiveLearningRate = state.add(StateColumn.learningRate("γ·r·l (γ while ρ ≤ 5), applied to m̂"));
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        double biasCorrection1 = 1 - Math.pow(beta1(), t);
        double beta2Power = Math.pow(beta2, t);
        double biasCorrection2 = 1 - beta2Power;
        double rho = rhoInfinity - 2 * t * beta2Power / biasCorrection2;
        boolean rectified = rho > 5;
        double rectification = rectified ? Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity
                / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)) : 1;
        if (narrator != null) {
            narrator.line(Narrator.WHOLE_STEP, "ρ∞", "2/(1 − β₂) − 1", "2/(1 − {}) − 1", rhoInfinity, beta2);
            narrator.line(Narrator.WHOLE_STEP, "ρₜ", "ρ∞ − 2t·β₂ᵗ / (1 − β₂ᵗ)", "{} − 2·{}·{}{t} / (1 − {}{t})", rho,
                    rhoInfinity, t, beta2, t, beta2, t);
            if (rectified) {
                narrator.line(Narrator.WHOLE_STEP, "rₜ", "√((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ))",
                        "√(({} − 4)({} − 2)·{} / (({} − 4)({} − 2)·{}))", rectification, rho, rho, rhoInfinity,
                        rhoInfinity, rhoInfinity, rho);
            }
        }
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            double m = moments.updateFirst(i, g, narrator);
            double v = moments.updateSecond(i, g, narrator);
            double correctedMoment = m / biasCorrection1;
            double shrunk = x[i];
            double step;
            double adaptive = Double.NaN;
            if (rectified) {
                adaptive = Math.sqrt(biasCorrection2) / (Math.sqrt(v) + eps);
                effectiveLearningRate[i] = learningRate * adaptive * rectification;
                // With eps = 0 and no gradient yet this is 0·∞; PyTorch makes it NaN, here nothing moves.
                step = m == 0 ? 0.0 : correctedMoment * learningRate * adaptive * rectification;
            } else {
                effectiveLearningRate[i] = learningRate;
                step = correctedMoment * learningRate;
            }
            x[i] -= step;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                narrator.line(i, "m̂ₜ", "mₜ / (1 − β₁ᵗ)", "{} / (1 − {}{t})", correctedMoment, m, beta1(), t);
                if (rectified) {
                    narrator.line(i, "lₜ", "√(1 − β₂ᵗ) / (√vₜ + ε)", "√(1 − {}{t}) / (√{} + {})", adaptive, beta2, t, v,
                            eps);
                    narrator.line(i, "θₜ", "θₜ₋₁ − γ·m̂ₜ·rₜ·lₜ", "{} − {}·{}·{}·{}", x[i], shrunk, learningRate,
                            correctedMoment, rectification, adaptive);
                } else {
                    narrator.line(i, "θₜ", "θₜ₋₁ − γ·m̂ₜ  (ρₜ ≤ 5: no adaptive rate yet)", "{} − {}·{}", x[i], shrunk,
                            learningRate, correctedMoment);
                }
            }
        }
    }
}
