package dev.adagrad.optim;

/**
 * Lion, "EvoLved Sign Momentum" (Chen et al., "Symbolic Discovery of Optimization Algorithms", 2023, Algorithm 2), as
 * optax ({@code optax.lion}) and Keras 3 ({@code keras.optimizers.Lion}) define it. PyTorch 1.13 has no Lion, so the
 * defaults are Keras 3's (lr 0.001, β₁ 0.9, β₂ 0.99, no weight decay). The algorithm is {@link #ALGORITHM}.
 *
 * <p>Every variable moves by exactly γ per step (or 0 where the interpolated momentum is 0): only the sign of
 * cₜ = β₁·mₜ₋₁ + (1 − β₁)·gₜ is used, and the momentum m itself is updated afterwards with the slower β₂. Weight decay
 * is decoupled, as in the paper: θ shrinks by γλ·θ. It is applied first, as Keras does, which is the paper's
 * θ − γ·(sign(c) + λ·θ) up to rounding.
 */
public final class Lion extends TabledOptimizer {

    static final String ALGORITHM = """
            input: γ (lr), β₁, β₂ (beta1, beta2), θ₀, λ (weight_decay)
            m₀ ← 0 (momentum)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:  θₜ₋₁ ← θₜ₋₁ − γλ·θₜ₋₁
                cₜ ← β₁·mₜ₋₁ + (1 − β₁)·gₜ
                θₜ ← θₜ₋₁ − γ·sign(cₜ)
                mₜ ← β₂·mₜ₋₁ + (1 − β₂)·gₜ
            reported: m = mₜ, per variable
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("lion",
                    "c = β₁·m + (1−β₁)·g; x -= lr · sign(c); m = β₂·m + (1−β₂)·g", ALGORITHM)
            .number("lr", 1e-3, "learning rate γ: how far every variable moves per step")
            .number("beta1", 0.9, "weight β₁ of the momentum in the direction of the step")
            .number("beta2", 0.99, "decay β₂ of the momentum m")
            .number("weight_decay", 0.0, "decoupled decay λ: x ← x − γλ·x")
            .preset(Compat.keras, OptimizerSpec.Preset.of())
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no lion optimizer"))
            .build((dimension, s) -> new Lion(dimension, s.number("lr"), s.number("beta1"), s.number("beta2"),
                    s.number("weight_decay")));

    /** γ; not final, so that a schedule may set it between steps. */
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private final double[] momentum;

    public Lion(int dimension, double learningRate, double beta1, double beta2, double weightDecay) {
        super(dimension);
        Check.learningRate(learningRate);
        Check.closedUnitInterval("beta1", beta1);
        Check.closedUnitInterval("beta2", beta2);
        Check.atLeastZero("weight_decay", weightDecay);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.momentum = state.add(new StateColumn("m", "Momentum", 4, "momentum m"));
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        double lr = learningRate;
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = gradient[k];
            if (weightDecay != 0) {
                x[i] -= lr * weightDecay * before;
                if (narrator != null) {
                    narrator.line(i, "θₜ₋₁", "θₜ₋₁ − γλ·θₜ₋₁", "{} − {}·{}·{}", x[i], before, lr, weightDecay,
                            before);
                }
            }
            double previousM = momentum[i];
            double c = beta1 * previousM + (1 - beta1) * g;
            double shrunk = x[i];
            x[i] = shrunk - lr * Math.signum(c);
            update[k] = before - x[i];
            double m = beta2 * previousM + (1 - beta2) * g;
            momentum[i] = m;
            if (narrator != null) {
                narrator.line(i, "cₜ", "β₁·mₜ₋₁ + (1 − β₁)·gₜ", "{}·{} + (1 − {})·{}", c, beta1, previousM, beta1, g);
                narrator.line(i, "mₜ", "β₂·mₜ₋₁ + (1 − β₂)·gₜ", "{}·{} + (1 − {})·{}", m, beta2, previousM, beta2, g);
                narrator.line(i, "θₜ", "θₜ₋₁ − γ·sign(cₜ)", "{} − {}·sign({})", x[i], shrunk, lr, c);
            }
        }
    }
}
