package dev.adagrad.optim;

/**
 * Stochastic gradient descent with optional momentum and Nesterov momentum, as PyTorch documents
 * {@code torch.optim.SGD}; the registry's {@code sgd}, {@code momentum} and {@code nesterov} are this class with
 * different defaults. The algorithm is {@link #ALGORITHM}.
 *
 * <p>PyTorch's momentum differs from the textbook v ← μv − γg only while the learning rate changes: the buffer holds
 * gradients, and γ multiplies it at each step.
 */
public final class Sgd extends TabledOptimizer {

    static final String ALGORITHM = """
            input: γ (lr), θ₀, λ (weight_decay), μ (momentum), τ (dampening), nesterov
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                if λ ≠ 0:  gₜ ← gₜ + λ·θₜ₋₁
                if μ ≠ 0:
                    if t > 1:  bₜ ← μ·bₜ₋₁ + (1 − τ)·gₜ
                    else:      bₜ ← gₜ
                    if nesterov:  gₜ ← gₜ + μ·bₜ
                    else:         gₜ ← bₜ
                θₜ ← θₜ₋₁ − γ·gₜ
            nesterov requires μ > 0 and τ = 0.
            t > 1 reads "an earlier step had μ ≠ 0" where μ changes (onecycle's cycle_momentum), as in torch.
            """;

    public static final OptimizerSpec SGD = spec("sgd", "x -= lr · g", 0.0, false);
    public static final OptimizerSpec MOMENTUM = spec("momentum", "buf = μ·buf + g; x -= lr · buf", 0.9, false);
    public static final OptimizerSpec NESTEROV = spec("nesterov", "buf = μ·buf + g; x -= lr · (g + μ·buf)", 0.9, true);

    private static OptimizerSpec spec(String name, String rule, double momentum, boolean nesterov) {
        return OptimizerSpec.builder(name, rule, ALGORITHM)
                .number("lr", 1e-3, "learning rate γ")
                .number("momentum", momentum, "momentum factor μ")
                .number("dampening", 0.0, "dampening τ of the gradient added to the buffer")
                .flag("nesterov", nesterov, "use Nesterov momentum: step along g + μ·buf")
                .number("weight_decay", 0.0, "weight decay λ: L2, g ← g + λ·x (adamw, --decoupled-weight-decay and "
                        + "Keras: x ← x − γλ·x instead)")
                .convention("decoupled_weight_decay", "Keras: x ← x − γλ·x before the step")
                .preset(Compat.keras, OptimizerSpec.Preset.keras("lr", 0.01))
                .build((dimension, s) -> new Sgd(dimension, s.number("lr"), s.number("momentum"),
                        s.number("dampening"), s.flag("nesterov"),
                        new WeightDecay(s.number("weight_decay"), s.flag("decoupled_weight_decay"))));
    }

    /** μ: a hyperparameter until OneCycleLR cycles it ({@link #momentum(double)}). */
    private double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final WeightDecay weightDecay;
    private final double[] momentumBuffer;
    /** Whether the buffer holds anything: torch starts it as gₜ at the first step whose μ ≠ 0 (usually t = 1). */
    private boolean bufferStarted;

    public Sgd(int dimension, double learningRate, double momentum, double dampening, boolean nesterov,
               WeightDecay weightDecay) {
        super(dimension);
        Check.learningRate(learningRate);
        Check.atLeastZero("momentum", momentum);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("Nesterov momentum requires a momentum and zero dampening (got "
                    + "momentum " + momentum + ", dampening " + dampening + ")");
        }
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.momentumBuffer = state.addIf(momentum != 0, StateColumn.MOMENTUM_BUFFER);
    }

    @Override
    public String cycledMomentum() {
        return "momentum";
    }

    @Override
    public double momentum() {
        return momentum;
    }

    /** A cycled μ; the buffer is reported from the first call on, as torch keeps one once μ is not 0. */
    @Override
    public void momentum(double value) {
        momentum = value;
        state.report(StateColumn.MOMENTUM_BUFFER, momentumBuffer); // once: a no-op when it is reported
    }

    /** Plain SGD moves x by γ·g, which is 0 for g = 0: x − 0 is x, bitwise. */
    @Override
    public boolean skipsZeroGradients() {
        return momentum == 0 && weightDecay.none();
    }

    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            double before = x[i];
            double g = weightDecay.apply(x, i, gradient[k], learningRate, narrator);
            if (momentum != 0) {
                double previous = momentumBuffer[i];
                double buffer = bufferStarted ? momentum * previous + (1 - dampening) * g : g;
                momentumBuffer[i] = buffer;
                if (narrator != null) {
                    if (!bufferStarted) {
                        narrator.line(i, "bₜ", "gₜ", "{}", buffer, g);
                    } else {
                        narrator.line(i, "bₜ", "μ·bₜ₋₁ + (1 − τ)·gₜ", "{}·{} + (1 − {})·{}", buffer, momentum,
                                previous, dampening, g);
                    }
                }
                double direction = nesterov ? g + momentum * buffer : buffer;
                if (narrator != null) {
                    if (nesterov) {
                        narrator.line(i, "gₜ", "gₜ + μ·bₜ", "{} + {}·{}", direction, g, momentum, buffer);
                    } else {
                        narrator.line(i, "gₜ", "bₜ", "{}", direction, buffer);
                    }
                }
                g = direction;
            }
            double shrunk = x[i];
            double step = learningRate * g;
            x[i] -= step;
            update[k] = weightDecay.shrinkage(before, learningRate) + step;
            if (narrator != null) {
                narrator.line(i, "θₜ", "θₜ₋₁ − γ·gₜ", "{} − {}·{}", x[i], shrunk, learningRate, g);
            }
        }
        if (momentum != 0) {
            bufferStarted = true;
        }
    }
}
