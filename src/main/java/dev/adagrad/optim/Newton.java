package dev.adagrad.optim;

/**
 * Newton's method with an optional damping (Levenberg's): each step solves (H + δI)·d = g with the exact Hessian H of
 * f at the current point and moves by γ·d. With γ = 1 and δ = 0 one step on a quadratic with a positive definite
 * Hessian lands on its minimum (up to rounding), which is the classroom point; the algorithm is {@link #ALGORITHM}.
 * PyTorch has no Newton optimizer.
 *
 * <p>H comes from automatic differentiation of the expression ({@code expr.ExactHessian}), whatever {@code --grad}
 * takes the gradient with. The system is solved by Gaussian elimination with partial pivoting. Nothing makes Newton
 * descend where H is not positive definite: it heads for the saddle point or maximum of the local quadratic, as the
 * method does; a damping δ larger than H's most negative eigenvalue makes H + δI positive definite. A singular
 * H + δI gives a non-finite step, and the run stops there (exit 3); where g = 0 the step is 0 whatever H is.
 */
public final class Newton extends TabledOptimizer implements ClosureOptimizer {

    static final String ALGORITHM = """
            input: θ₀, γ (lr), δ (damping)
            for t = 1, 2, …
                gₜ ← ∇f(θₜ₋₁)
                Hₜ ← ∇²f(θₜ₋₁)              (exact, by automatic differentiation)
                dₜ ← (Hₜ + δ·I)⁻¹·gₜ         (Gaussian elimination, partial pivoting)
                θₜ ← θₜ₋₁ − γ·dₜ
            reported: d = dₜ, the Newton direction, per variable
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("newton",
                    "solve (H + damping·I)·d = g with the exact Hessian H; x -= lr · d", ALGORITHM)
            .number("lr", 1, "step length γ along the Newton direction")
            .number("damping", 0, "δ added to the Hessian's diagonal")
            .preset(Compat.keras, OptimizerSpec.Preset.unavailable("Keras has no newton optimizer"))
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no newton optimizer"))
            .build((dimension, s) -> new Newton(dimension, s.number("lr"), s.number("damping")));

    private final double damping;
    private final int dimension;
    private final double[] hessian;
    private final double[] system;
    private final double[] direction;

    public Newton(int dimension, double learningRate, double damping) {
        super(dimension);
        Check.learningRate(learningRate);
        Check.atLeastZero("damping", damping);
        this.learningRate = learningRate;
        this.damping = damping;
        this.dimension = dimension;
        this.hessian = new double[dimension * dimension];
        this.system = new double[dimension * dimension];
        this.direction = state.add(new StateColumn("d", "Direction", 4, "Newton direction d = (H + δI)⁻¹·g"));
    }

    @Override
    public boolean needsHessian() {
        return true;
    }

    @Override
    public void step(long t, double[] x, double f, double[] gradient, double[] update, Narrator narrator,
                     Closure closure) {
        int n = dimension;
        closure.hessian(x, hessian);
        if (narrator != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    narrator.line(Narrator.WHOLE_STEP, "Hₜ[" + (i + 1) + "," + (j + 1) + "]",
                            "∂²f/∂θ" + (i + 1) + "∂θ" + (j + 1) + "(θₜ₋₁)", "{}", hessian[i * n + j],
                            hessian[i * n + j]);
                }
            }
        }
        System.arraycopy(hessian, 0, system, 0, n * n);
        for (int i = 0; i < n; i++) {
            system[i * n + i] += damping;
        }
        System.arraycopy(gradient, 0, direction, 0, n);
        if (!allZero(gradient)) {
            solve(system, direction, n);
        } // g = 0: d = 0 solves (H + δI)·d = 0 for any H, singular or not (a flat f, or a stationary point)
        double lr = learningRate;
        for (int i = 0; i < n; i++) {
            double before = x[i];
            double step = lr * direction[i];
            x[i] = before - step;
            update[i] = step;
            if (narrator != null) {
                narrator.line(i, "dₜ", "((Hₜ + δ·I)⁻¹·gₜ)", "{}", direction[i], direction[i]);
                narrator.line(i, "θₜ", "θₜ₋₁ − γ·dₜ", "{} − {}·{}", x[i], before, lr, direction[i]);
            }
        }
    }

    private static boolean allZero(double[] v) {
        for (double value : v) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Solves a·d = b in place (b becomes d; a is overwritten) by Gaussian elimination with partial pivoting. A zero
     * pivot leaves a division by 0, so a singular system gives non-finite components.
     */
    static void solve(double[] a, double[] b, int n) {
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int r = k + 1; r < n; r++) {
                if (Math.abs(a[r * n + k]) > Math.abs(a[pivot * n + k])) {
                    pivot = r;
                }
            }
            if (pivot != k) {
                for (int c = 0; c < n; c++) {
                    double swap = a[k * n + c];
                    a[k * n + c] = a[pivot * n + c];
                    a[pivot * n + c] = swap;
                }
                double swap = b[k];
                b[k] = b[pivot];
                b[pivot] = swap;
            }
            for (int r = k + 1; r < n; r++) {
                double factor = a[r * n + k] / a[k * n + k];
                if (factor == 0) {
                    continue;
                }
                for (int c = k; c < n; c++) {
                    a[r * n + c] -= factor * a[k * n + c];
                }
                b[r] -= factor * b[k];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            double sum = b[k];
            for (int c = k + 1; c < n; c++) {
                sum -= a[k * n + c] * b[c];
            }
            b[k] = sum / a[k * n + k];
        }
    }
}
