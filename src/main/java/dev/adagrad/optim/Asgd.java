package dev.adagrad.optim;

/**
 * Averaged stochastic gradient descent (Polyak and Juditsky, 1992), as PyTorch 1.13 computes {@code torch.optim.ASGD}
 * (its single-tensor path, which follows Bottou's {@code sgd/asgd} code rather than the docstring): plain SGD with a
 * slowly decaying step size ηₜ and a shrink of θ by λ·η, plus a running average a of the iterates that starts after
 * t₀ steps. The algorithm is {@link #ALGORITHM}.
 *
 * <p>The average is reported (column {@code ax}) but, as in PyTorch, never used by the steps: it is the point ASGD
 * offers as its answer. ηₜ and μₜ are read from the state, and the next ones are computed from the learning rate at
 * the end of each step, so a schedule that sets the learning rate changes η from the following step on, as in PyTorch.
 */
public final class Asgd extends TabledOptimizer {

    static final String ALGORITHM = """
            input: θ₀, γ (lr), λ (lambd), α (alpha), t₀ (t0), λ_wd (weight_decay)
            η₀ ← γ, μ₀ ← 1, a₀ ← 0 (ax)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ_wd ≠ 0:  gₜ ← gₜ + λ_wd·θₜ₋₁
                θₜ ← θₜ₋₁·(1 − λ·ηₜ₋₁) − ηₜ₋₁·gₜ
                if μₜ₋₁ ≠ 1:  aₜ ← aₜ₋₁ + μₜ₋₁·(θₜ − aₜ₋₁)
                else:  aₜ ← θₜ
                ηₜ ← γ / (1 + λ·γ·t)^α
                μₜ ← 1 / max(1, t − t₀)
            reported: ax = aₜ, the averaged iterate, and lr = ηₜ₋₁, the step size this step used
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("asgd",
                    "x = x·(1 − λη) − η·g; ax = running average of x after t0 steps; η = lr / (1 + λ·lr·t)^α",
                    ALGORITHM)
            .number("lr", 0.01, "learning rate γ")
            .number("lambd", 1e-4, "decay term λ: of the step size, and θ shrinks by λ·η each step")
            .number("alpha", 0.75, "power α of the step size's decay")
            .number("t0", 1e6, "step t₀ after which the average starts")
            .number("weight_decay", 0.0, "L2 penalty λ_wd: g ← g + λ_wd·x")
            .preset(Compat.keras, OptimizerSpec.Preset.unavailable("Keras has no asgd optimizer"))
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no asgd optimizer"))
            .build((dimension, s) -> new Asgd(dimension, s.number("lr"), s.number("lambd"), s.number("alpha"),
                    s.number("t0"), s.number("weight_decay")));

    private final double lambd;
    private final double alpha;
    private final double t0;
    private final double weightDecay;
    private final double[] average;
    private final double[] stepSizeUsed;
    /** ηₜ₋₁ and μₜ₋₁: one of each for all variables, as PyTorch keeps one per parameter tensor. */
    private double eta;
    private double mu = 1;
    /** The γ that η was computed from, for the narration. */
    private double etaLearningRate;
    private boolean started;

    public Asgd(int dimension, double learningRate, double lambd, double alpha, double t0, double weightDecay) {
        super(dimension);
        Check.learningRate(learningRate);
        Check.atLeastZero("lambd", lambd);
        Check.atLeastZero("alpha", alpha);
        Check.atLeastZero("t0", t0);
        Check.atLeastZero("weight_decay", weightDecay);
        this.learningRate = learningRate;
        this.lambd = lambd;
        this.alpha = alpha;
        this.t0 = t0;
        this.weightDecay = weightDecay;
        this.average = state.add(new StateColumn("ax", "Average x", 4, "averaged iterate a"));
        this.stepSizeUsed = state.add(StateColumn.learningRate("η, the step size of this step"));
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        if (!started) {
            eta = learningRate; // PyTorch's state['eta'] = lr, created at the first step
            started = true;
        }
        if (narrator != null) {
            // ηₜ₋₁ and μₜ₋₁ were computed at the end of the previous step (from the γ of then); told here, where used.
            if (t == 1) {
                narrator.line(Narrator.WHOLE_STEP, "ηₜ₋₁", "γ", "{}", eta, eta);
            } else {
                narrator.line(Narrator.WHOLE_STEP, "ηₜ₋₁", "γ / (1 + λ·γ·(t − 1))^α", "{} / (1 + {}·{}·{})^{}", eta,
                        etaLearningRate, lambd, etaLearningRate, t - 1, alpha);
                narrator.line(Narrator.WHOLE_STEP, "μₜ₋₁", "1 / max(1, t − 1 − t₀)", "1 / max(1, {} − {})", mu,
                        t - 1, t0);
            }
        }
        double shrink = 1 - lambd * eta;
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = gradient[k];
            if (weightDecay != 0) {
                g = g + weightDecay * before;
                if (narrator != null) {
                    narrator.line(i, "gₜ", "gₜ + λ_wd·θₜ₋₁", "{} + {}·{}", g, gradient[k], weightDecay, before);
                }
            }
            double shrunk = before * shrink;
            x[i] = shrunk + -eta * g;
            update[k] = before - x[i];
            stepSizeUsed[i] = eta;
            double previousAverage = average[i];
            average[i] = mu != 1 ? previousAverage + (x[i] - previousAverage) * mu : x[i];
            if (narrator != null) {
                // The average is told first, so that θₜ stays each variable's last line (its value is the new x).
                if (mu != 1) {
                    narrator.line(i, "aₜ", "aₜ₋₁ + μₜ₋₁·(θₜ − aₜ₋₁)", "{} + {}·({} − {})", average[i],
                            previousAverage, mu, x[i], previousAverage);
                } else {
                    narrator.line(i, "aₜ", "θₜ", "{}", average[i], x[i]);
                }
                narrator.line(i, "θₜ", "θₜ₋₁·(1 − λ·ηₜ₋₁) − ηₜ₋₁·gₜ", "{}·(1 − {}·{}) − {}·{}", x[i], before, lambd,
                        eta, eta, g);
            }
        }
        // PyTorch: eta = lr / (1 + lambd·lr·step)^alpha, mu = 1 / max(1, step − t0), after the step
        etaLearningRate = learningRate;
        eta = learningRate / Math.pow(1 + lambd * learningRate * t, alpha);
        mu = 1 / Math.max(1, t - t0);
    }
}
