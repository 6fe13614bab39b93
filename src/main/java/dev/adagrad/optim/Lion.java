package dev.adagrad.optim;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), as optax ({@code optax.lion}) and Keras 3
 * ({@code keras.optimizers.Lion}) define it: the update is the sign of an interpolation between the momentum and the
 * gradient, so every variable moves by exactly γ; the momentum then moves on with its own, slower β₂. PyTorch 1.13 has
 * no Lion: the defaults are Keras 3's. The algorithm is {@link #ALGORITHM}.
 */
public final class Lion extends TabledOptimizer {

    static final String ALGORITHM = """
            input: γ (lr), β₁, β₂ (beta1, beta2), θ₀, λ (weight_decay, decoupled)
            m₀ ← 0 (momentum)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:  θₜ₋₁ ← θₜ₋₁ − γλ·θₜ₋₁
                cₜ ← β₁·mₜ₋₁ + (1 − β₁)·gₜ
                θₜ ← θₜ₋₁ − γ·sign(cₜ)
                mₜ ← β₂·mₜ₋₁ + (1 − β₂)·gₜ
            reported: lr = γ, the size of every move
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("lion", "x -= lr · sign(β₁·m + (1−β₁)·g); "
                    + "m = β₂·m + (1−β₂)·g", ALGORITHM)
            .number("lr", 1e-3, "learning rate γ: every variable moves by exactly γ")
            .number("beta1", 0.9, "interpolation β₁ between momentum and gradient in the update")
            .number("beta2", 0.99, "decay β₂ of the momentum")
            .number("weight_decay", 0.0, "decoupled weight decay λ: x ← x − γλ·x")
            .preset(Compat.keras, OptimizerSpec.Preset.of())
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no lion optimizer"))
            .build((dimension, s) -> new Lion(dimension, s.number("lr"), s.number("beta1"), s.number("beta2"),
                    new WeightDecay(s.number("weight_decay"), true)));

    private double beta1;
    private final double beta2;
    private final WeightDecay weightDecay;
    private final double[] momentum;
    private final double[] reportedRate;

    public Lion(int dimension, double learningRate, double beta1, double beta2, WeightDecay weightDecay) {
        super(dimension);
        Check.learningRate(learningRate);
        Check.unitInterval("beta1", beta1);
        Check.unitInterval("beta2", beta2);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        this.momentum = state.add(new StateColumn("m", "m", 4, "momentum m"));
        this.reportedRate = state.add(StateColumn.learningRate("γ: every variable moves by it"));
        java.util.Arrays.fill(reportedRate, Double.NaN);
    }

    @Override
    public String cycledMomentum() {
        return "beta1";
    }

    @Override
    public double momentum() {
        return beta1;
    }

    /** A cycled β₁ (OneCycleLR's cycle_momentum), used from the next step on. */
    @Override
    public void momentum(double value) {
        beta1 = value;
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            double previous = momentum[i];
            double c = beta1 * previous + (1 - beta1) * g;
            double step = learningRate * Math.signum(c);
            double shrunk = x[i];
            x[i] -= step;
            double m = beta2 * previous + (1 - beta2) * g;
            momentum[i] = m;
            reportedRate[i] = learningRate;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                narrator.line(i, "cₜ", "β₁·mₜ₋₁ + (1 − β₁)·gₜ", "{}·{} + (1 − {})·{}", c, beta1, previous, beta1, g);
                narrator.line(i, "mₜ", "β₂·mₜ₋₁ + (1 − β₂)·gₜ", "{}·{} + (1 − {})·{}", m, beta2, previous, beta2, g);
                narrator.line(i, "θₜ", "θₜ₋₁ − γ·sign(cₜ)", "{} − {}·sign({})", x[i], shrunk, learningRate, c);
            }
        }
    }
}
