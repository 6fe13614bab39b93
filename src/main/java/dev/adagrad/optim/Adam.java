package dev.adagrad.optim;

/**
 * Adam (Kingma and Ba, 2014) as PyTorch documents {@code torch.optim.Adam}, and its two variants in the registry:
 * {@code adamw}, PyTorch's {@code torch.optim.AdamW} (Loshchilov and Hutter: weight decay decoupled from the
 * gradient, default 0.01), and {@code amsgrad} (Reddi et al.: the denominator never shrinks). The algorithm is
 * {@link #ALGORITHM}.
 *
 * <p>AMSGrad takes the maximum of the uncorrected second moments vₜ, as PyTorch has since 1.13 (earlier versions took
 * it over the bias-corrected v̂ₜ). Keras adds ε to √vₜ before bias correction (the paper's "epsilon hat"); the
 * {@code eps_hat} convention does that, and differs from PyTorch only while ε is not small next to √vₜ.
 */
public final class Adam extends AdamFamily {

    static final String ALGORITHM = """
            input: γ (lr), β₁, β₂ (beta1, beta2), θ₀, λ (weight_decay), amsgrad, ε (eps), decoupled_weight_decay
            m₀ ← 0 (first moment), v₀ ← 0 (second moment), v₀ᵐᵃˣ ← 0
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:
                    if decoupled_weight_decay (AdamW):  θₜ₋₁ ← θₜ₋₁ − γλ·θₜ₋₁
                    else:                               gₜ ← gₜ + λ·θₜ₋₁
                mₜ ← β₁·mₜ₋₁ + (1 − β₁)·gₜ
                vₜ ← β₂·vₜ₋₁ + (1 − β₂)·gₜ²
                m̂ₜ ← mₜ / (1 − β₁ᵗ)
                if amsgrad:
                    vₜᵐᵃˣ ← max(vₜ₋₁ᵐᵃˣ, vₜ)
                    v̂ₜ ← vₜᵐᵃˣ / (1 − β₂ᵗ)
                else:
                    v̂ₜ ← vₜ / (1 − β₂ᵗ)
                θₜ ← θₜ₋₁ − γ·m̂ₜ / (√v̂ₜ + ε)
            Keras (eps_hat): θₜ ← θₜ₋₁ − γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · mₜ / (√vₜ + ε)   (vₜᵐᵃˣ with amsgrad)
            reported: lr = γ / (√v̂ₜ + ε), the rate applied to m̂ₜ
            """;

    public static final OptimizerSpec ADAM = spec("adam", "m = β₁·m + (1−β₁)·g; v = β₂·v + (1−β₂)·g²; "
            + "x -= lr · m̂ / (√v̂ + eps)", 0.0, false, false);
    public static final OptimizerSpec ADAMW = spec("adamw", "x -= lr·λ·x; then adam's step", 0.01, true, false);
    public static final OptimizerSpec AMSGRAD = spec("amsgrad", "adam with v̂ = max over steps of v, "
            + "bias-corrected", 0.0, false, true);

    private static OptimizerSpec spec(String name, String rule, double weightDecay, boolean adamW, boolean amsgrad) {
        OptimizerSpec.Builder builder = OptimizerSpec.builder(name, rule, ALGORITHM)
                .number("lr", 1e-3, "learning rate γ")
                .number("beta1", 0.9, "decay β₁ of the first moment")
                .number("beta2", 0.999, "decay β₂ of the second moment")
                .number("eps", 1e-8, "term added to the denominator")
                .number("weight_decay", weightDecay, adamW ? "decoupled weight decay λ: x ← x − γλ·x"
                        : "L2 penalty λ: g ← g + λ·x")
                .flag("amsgrad", amsgrad, "use the maximum of past second moments");
        if (adamW) {
            builder.convention("decoupled_weight_decay", "AdamW: always on");
        } else {
            builder.flag("decoupled_weight_decay", false, "apply λ as AdamW does: x ← x − γλ·x before the step");
        }
        Object[] keras = adamW ? new Object[] {"lr", 0.001, "eps", 1e-7, "eps_hat", true, "weight_decay", 0.004}
                : new Object[] {"lr", 0.001, "eps", 1e-7, "eps_hat", true};
        return builder
                .convention("eps_hat", "Keras: eps added to √v before bias correction")
                .preset(Compat.keras, OptimizerSpec.Preset.keras(keras))
                .preset(Compat.tfjs, name.equals("adam") ? OptimizerSpec.Preset.of("eps", 1e-7)
                        : OptimizerSpec.Preset.unavailable("TensorFlow.js has no " + name + " optimizer"))
                .build((dimension, s) -> new Adam(dimension, s.number("lr"), s.number("beta1"), s.number("beta2"),
                        s.number("eps"), new WeightDecay(s.number("weight_decay"),
                        adamW || s.flag("decoupled_weight_decay")), s.flag("amsgrad"), s.flag("eps_hat")));
    }

    private final double beta2;
    private final double eps;
    private final WeightDecay weightDecay;
    private final boolean amsgrad;
    private final boolean epsHat;
    private final double[] maxSecondMoment;
    private final double[] effectiveLearningRate;

    public Adam(int dimension, double learningRate, double beta1, double beta2, double eps, WeightDecay weightDecay,
                boolean amsgrad, boolean epsHat) {
        super(dimension, learningRate, beta1, beta2, eps, true);
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.amsgrad = amsgrad;
        this.epsHat = epsHat;
        this.maxSecondMoment = state.addIf(amsgrad, new StateColumn("v_max", "v max", 4,
                "largest second moment so far"));
        this.effectiveLearningRate = state.add(StateColumn.learningRate("lr / (√v̂ + eps), applied to m̂"));
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        double biasCorrection1 = 1 - Math.pow(beta1(), t);
        double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
        double stepSize = learningRate / biasCorrection1;
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            double m = moments.updateFirst(i, g, narrator);
            double v = moments.updateSecond(i, g, narrator);
            if (amsgrad) {
                double previousMax = maxSecondMoment[i];
                v = Math.max(previousMax, v);
                maxSecondMoment[i] = v;
                if (narrator != null) {
                    narrator.line(i, "vₜᵐᵃˣ", "max(vₜ₋₁ᵐᵃˣ, vₜ)", "max({}, {})", v, previousMax, moments.second(i));
                }
            }
            double shrunk = x[i];
            double step;
            if (epsHat) {
                double denominator = Math.sqrt(v) + eps;
                effectiveLearningRate[i] = learningRate * biasCorrection2Sqrt / denominator;
                step = m == 0 ? 0.0 : stepSize * biasCorrection2Sqrt * m / denominator;
            } else {
                double denominator = Math.sqrt(v) / biasCorrection2Sqrt + eps;
                effectiveLearningRate[i] = learningRate / denominator;
                // With eps = 0 and no gradient yet this is 0/0; PyTorch makes it NaN, here nothing moves.
                step = m == 0 ? 0.0 : stepSize * m / denominator;
            }
            x[i] -= step;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                narrate(narrator, t, i, m, v, shrunk, x[i]);
            }
        }
    }

    /**
     * The lines from the bias corrections on. m̂ₜ and v̂ₜ are shown as the algorithm defines them; the step computes
     * the same quotient as γ/(1 − β₁ᵗ)·mₜ / (√vₜ/√(1 − β₂ᵗ) + ε), as PyTorch does, and θₜ is the value it produced.
     */
    private void narrate(Narrator narrator, long t, int i, double m, double v, double shrunk, double next) {
        String vt = amsgrad ? "vₜᵐᵃˣ" : "vₜ";
        if (epsHat) {
            narrator.line(i, "θₜ", "θₜ₋₁ − γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · mₜ / (√" + vt + " + ε)",
                    "{} − {}·√(1 − {}{t})/(1 − {}{t}) · {} / (√{} + {})", next, shrunk, learningRate, beta2, t, beta1(),
                    t, m, v, eps);
            return;
        }
        double correctedM = m / (1 - Math.pow(beta1(), t));
        double correctedV = v / (1 - Math.pow(beta2, t));
        narrator.line(i, "m̂ₜ", "mₜ / (1 − β₁ᵗ)", "{} / (1 − {}{t})", correctedM, m, beta1(), t);
        narrator.line(i, "v̂ₜ", vt + " / (1 − β₂ᵗ)", "{} / (1 − {}{t})", correctedV, v, beta2, t);
        narrator.line(i, "θₜ", "θₜ₋₁ − γ·m̂ₜ / (√v̂ₜ + ε)", "{} − {}·{} / (√{} + {})", next, shrunk, learningRate,
                correctedM, correctedV, eps);
    }
}
