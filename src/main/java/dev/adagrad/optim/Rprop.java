package dev.adagrad.optim;

/**
 * Rprop, resilient backpropagation (Riedmiller and Braun, 1993), exactly as PyTorch 1.13 documents and computes
 * {@code torch.optim.Rprop}: each variable has its own step size, which grows by η₊ while the gradient keeps its sign
 * and shrinks by η₋ when it flips; the step is that size in the direction of −sign(g), so the gradient's magnitude
 * never enters. The algorithm is {@link #ALGORITHM}.
 *
 * <p>PyTorch's form (often called Rprop⁻ without weight backtracking): after a sign change the variable does not move
 * and its remembered gradient is set to 0, so the next step neither grows nor shrinks its size. The learning rate is
 * only the first step size, read at step 1 as PyTorch reads it when it creates the state; a schedule that changes it
 * later does not change Rprop, as in PyTorch.
 */
public final class Rprop extends TabledOptimizer {

    static final String ALGORITHM = """
            input: θ₀, γ (lr), η₊, η₋ (etaplus, etaminus), Γmax, Γmin (step_size_max, step_size_min)
            g₀ ← 0 (prev), η₀ ← γ (step_size)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if gₜ·gₜ₋₁ > 0:  ηₜ ← min(ηₜ₋₁·η₊, Γmax)
                elif gₜ·gₜ₋₁ < 0:  ηₜ ← max(ηₜ₋₁·η₋, Γmin);  gₜ ← 0
                else:  ηₜ ← ηₜ₋₁
                θₜ ← θₜ₋₁ − ηₜ·sign(gₜ)
            reported: step_size = ηₜ and prev = gₜ (0 after a sign change), per variable
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("rprop",
                    "η ×= η₊ if g keeps its sign, η₋ if it flips; x -= η · sign(g)", ALGORITHM)
            .number("lr", 0.01, "learning rate γ: every variable's first step size")
            .number("etaminus", 0.5, "factor η₋ a step size shrinks by when the gradient changes sign")
            .number("etaplus", 1.2, "factor η₊ a step size grows by while the gradient keeps its sign")
            .number("step_size_min", 1e-6, "smallest step size Γmin")
            .number("step_size_max", 50, "largest step size Γmax")
            .preset(Compat.keras, OptimizerSpec.Preset.unavailable("Keras has no rprop optimizer"))
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no rprop optimizer"))
            .build((dimension, s) -> new Rprop(dimension, s.number("lr"), s.number("etaminus"), s.number("etaplus"),
                    s.number("step_size_min"), s.number("step_size_max")));

    private final double etaMinus;
    private final double etaPlus;
    private final double stepSizeMin;
    private final double stepSizeMax;
    private final double[] stepSize;
    private final double[] previousGradient;
    /** Whether a variable's step size has been set to γ: PyTorch creates the state at a parameter's first step. */
    private final boolean[] started;

    public Rprop(int dimension, double learningRate, double etaMinus, double etaPlus, double stepSizeMin,
                 double stepSizeMax) {
        super(dimension);
        Check.learningRate(learningRate);
        if (!(0 < etaMinus && etaMinus < 1)) { // PyTorch: 0 < etaminus < 1 < etaplus
            throw new InvalidSetting("etaminus", etaMinus, "> 0 and < 1");
        }
        if (!(1 < etaPlus)) {
            throw new InvalidSetting("etaplus", etaPlus, "> 1");
        }
        Check.atLeastZero("step_size_min", stepSizeMin);
        if (!(stepSizeMax >= stepSizeMin)) {
            throw new InvalidSetting("step_size_max", stepSizeMax,
                    "≥ step_size_min, " + Hyperparameter.text(stepSizeMin));
        }
        this.learningRate = learningRate;
        this.etaMinus = etaMinus;
        this.etaPlus = etaPlus;
        this.stepSizeMin = stepSizeMin;
        this.stepSizeMax = stepSizeMax;
        this.stepSize = state.add(new StateColumn("step_size", "Step Size", 6, "per-variable step size η"));
        this.previousGradient = state.add(new StateColumn("prev", "Prev Grad", 4,
                "the gradient remembered for the next sign test (0 after a sign change)"));
        this.started = new boolean[dimension];
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            if (!started[i]) {
                stepSize[i] = learningRate; // PyTorch's state['step_size'] = full_like(p, lr) at the first step
                started[i] = true;
            }
            double g = gradient[k];
            double previous = previousGradient[i];
            double product = g * previous;
            // sign = (g·prev).sign(); > 0 → η₊, < 0 → η₋, 0 → 1; then clamp(Γmin, Γmax)
            double factor = product > 0 ? etaPlus : product < 0 ? etaMinus : 1;
            double previousSize = stepSize[i];
            double size = Math.min(Math.max(previousSize * factor, stepSizeMin), stepSizeMax);
            stepSize[i] = size;
            double used = factor == etaMinus ? 0 : g;
            double step = Math.signum(used) * size;
            double before = x[i];
            x[i] -= step;
            update[k] = step;
            previousGradient[i] = used;
            if (narrator != null) {
                if (factor == etaPlus) {
                    narrator.line(i, "ηₜ", "min(ηₜ₋₁·η₊, Γmax)", "min({}·{}, {})", size, previousSize, etaPlus,
                            stepSizeMax);
                } else if (factor == etaMinus) {
                    narrator.line(i, "ηₜ", "max(ηₜ₋₁·η₋, Γmin)", "max({}·{}, {})", size, previousSize, etaMinus,
                            stepSizeMin);
                    narrator.line(i, "gₜ", "0 (the sign changed)", "0", used);
                } else {
                    narrator.line(i, "ηₜ", "ηₜ₋₁", "{}", size, previousSize);
                }
                narrator.line(i, "θₜ", "θₜ₋₁ − ηₜ·sign(gₜ)", "{} − {}·sign({})", x[i], before, size, used);
            }
        }
    }
}
