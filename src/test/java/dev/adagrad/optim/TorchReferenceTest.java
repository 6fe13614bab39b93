package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@code adagrad run --format csv} for the eleven PyTorch optimizers other than AdaGrad (sgd, momentum,
 * nesterov, rmsprop, adadelta, adam, adamw, amsgrad, adamax, nadam, radam) against small references written in this
 * class straight from the {@code .. math::} pseudo-code of PyTorch's {@code torch.optim} docstrings (float64). The
 * references use gradients derived by hand, not central differences, and share no code with the program: the program
 * is only run in-process through {@link Cli#run}.
 *
 * <p>Every row's f and x, and the state columns the contract lists (buf, sq, grad_avg, acc_delta, m, v, v_max, u and
 * the effective learning rate lr), must agree with the reference to {@value #RELATIVE_TOLERANCE} relative, with an
 * absolute floor for values near zero; the only expected difference is the program's central-difference gradient.
 */
class TorchReferenceTest {

    private static final double RELATIVE_TOLERANCE = 1e-5;
    /** The agreement with {@code --grad exact}, whose gradient differs from the hand-derived one only in rounding. */
    private static final double EXACT_TOLERANCE = 1e-10;
    /** Values smaller than this in magnitude are compared absolutely, to {@code RELATIVE_TOLERANCE · this}. */
    private static final double RELATIVE_FLOOR = 1e-3;

    // ---------------------------------------------------------------------------------------------------------------
    // Objectives with hand-derived gradients
    // ---------------------------------------------------------------------------------------------------------------

    /** An objective as the program reads it (expression, variables in order of first appearance) and by hand. */
    private record Objective(String name, String expression, List<String> variables, double[] start,
                             ToDoubleFunction<double[]> value, Function<double[], double[]> gradient) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Objective ROSENBROCK = new Objective(
            "Rosenbrock", "(1-x)^2+100*(y-x^2)^2", List.of("x", "y"), new double[] {-1.2, 1},
            p -> {
                double x = p[0], y = p[1];
                return sq(1 - x) + 100 * sq(y - x * x);
            },
            p -> {
                double x = p[0], y = p[1];
                return new double[] {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
            });

    private static final Objective QUADRATIC = new Objective(
            "quadratic-3", "x^2+5*y^2+0.5*z^2+x*y", List.of("x", "y", "z"), new double[] {3, -2, 1},
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return x * x + 5 * y * y + 0.5 * z * z + x * y;
            },
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return new double[] {2 * x + y, 10 * y + x, z};
            });

    /** One variable, two wells (x ≈ −1.06 and x ≈ 0.93). */
    private static final Objective DOUBLE_WELL = new Objective(
            "double-well-1", "x^4-2*x^2+0.5*x", List.of("x"), new double[] {2},
            p -> {
                double x = p[0];
                return x * x * x * x - 2 * x * x + 0.5 * x;
            },
            p -> {
                double x = p[0];
                return new double[] {4 * x * x * x - 4 * x + 0.5};
            });

    /** Five variables; minimiser v = 8/7, w = −1/2, x = y = π, z = −4/7. */
    private static final Objective FIVE = new Objective(
            "smooth-5", "(v-1)^2+2*(w+0.5)^2+3*(x-y)^2+cos(y)+0.5*z^2+0.5*v*z", List.of("v", "w", "x", "y", "z"),
            new double[] {0, 1, 0.5, 2, -1},
            p -> {
                double v = p[0], w = p[1], x = p[2], y = p[3], z = p[4];
                return sq(v - 1) + 2 * sq(w + 0.5) + 3 * sq(x - y) + Math.cos(y) + 0.5 * z * z + 0.5 * v * z;
            },
            p -> {
                double v = p[0], w = p[1], x = p[2], y = p[3], z = p[4];
                return new double[] {
                        2 * (v - 1) + 0.5 * z,
                        4 * (w + 0.5),
                        6 * (x - y),
                        -6 * (x - y) - Math.sin(y),
                        z + 0.5 * v};
            });

    private static double sq(double v) {
        return v * v;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Hyperparameters: PyTorch's documented defaults per optimizer, then the case's command-line options
    // ---------------------------------------------------------------------------------------------------------------

    /** Every hyperparameter any of the eleven optimizers takes, under PyTorch's names. */
    private static final class Hyper {
        double lr;
        double weightDecay;
        // SGD
        double momentum;
        double dampening;
        boolean nesterov;
        // RMSprop
        double alpha;
        boolean centered;
        boolean epsInsideSqrt;
        // Adadelta
        double rho;
        // Adam family
        double beta1;
        double beta2;
        boolean amsgrad;
        boolean decoupledWeightDecay;
        double momentumDecay;
        double eps;
    }

    /** torch.optim defaults (the docstrings' "default:" values), and the contract's three SGD presets. */
    private static Hyper defaults(String optimizer) {
        Hyper h = new Hyper();
        switch (optimizer) {
            case "sgd" -> h.lr = 1e-3;
            case "momentum" -> {
                h.lr = 1e-3;
                h.momentum = 0.9;
            }
            case "nesterov" -> {
                h.lr = 1e-3;
                h.momentum = 0.9;
                h.nesterov = true;
            }
            case "rmsprop" -> {
                h.lr = 1e-2;
                h.alpha = 0.99;
                h.eps = 1e-8;
            }
            case "adadelta" -> {
                h.lr = 1.0;
                h.rho = 0.9;
                h.eps = 1e-6;
            }
            case "adam", "adamw", "amsgrad" -> {
                h.lr = 1e-3;
                h.beta1 = 0.9;
                h.beta2 = 0.999;
                h.eps = 1e-8;
                if (optimizer.equals("adamw")) {
                    h.weightDecay = 1e-2;
                    h.decoupledWeightDecay = true;
                }
                h.amsgrad = optimizer.equals("amsgrad");
            }
            case "adamax" -> {
                h.lr = 2e-3;
                h.beta1 = 0.9;
                h.beta2 = 0.999;
                h.eps = 1e-8;
            }
            case "nadam" -> {
                h.lr = 2e-3;
                h.beta1 = 0.9;
                h.beta2 = 0.999;
                h.eps = 1e-8;
                h.momentumDecay = 4e-3;
            }
            case "radam" -> {
                h.lr = 1e-3;
                h.beta1 = 0.9;
                h.beta2 = 0.999;
                h.eps = 1e-8;
            }
            default -> throw new IllegalArgumentException(optimizer);
        }
        return h;
    }

    /** Reads the case's options (as the contract spells them) into the hyperparameters they stand for. */
    private static Hyper hyperparameters(String optimizer, List<String> options) {
        Hyper h = defaults(optimizer);
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            int equals = option.indexOf('=');
            String name = equals < 0 ? option : option.substring(0, equals);
            boolean flag = equals < 0 || Boolean.parseBoolean(option.substring(equals + 1));
            switch (name) {
                case "--nesterov" -> h.nesterov = flag;
                case "--centered" -> h.centered = flag;
                case "--eps-inside-sqrt" -> h.epsInsideSqrt = flag;
                case "--amsgrad" -> h.amsgrad = flag;
                case "--decoupled-weight-decay" -> h.decoupledWeightDecay = flag;
                default -> {
                    double value = Double.parseDouble(options.get(++i));
                    switch (name) {
                        case "--lr" -> h.lr = value;
                        case "--weight-decay" -> h.weightDecay = value;
                        case "--momentum" -> h.momentum = value;
                        case "--dampening" -> h.dampening = value;
                        case "--alpha" -> h.alpha = value;
                        case "--eps" -> h.eps = value;
                        case "--rho" -> h.rho = value;
                        case "--beta1" -> h.beta1 = value;
                        case "--beta2" -> h.beta2 = value;
                        case "--momentum-decay" -> h.momentumDecay = value;
                        default -> throw new IllegalArgumentException("unknown option " + name);
                    }
                }
            }
        }
        return h;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The references, one per torch.optim class, each straight from its docstring's pseudo-code
    // ---------------------------------------------------------------------------------------------------------------

    /** One row of a reference trajectory: f, x, and the state columns after the step (empty for row 0). */
    private record Row(double f, double[] x, Map<String, double[]> state) {
    }

    private static Row row(Objective objective, double[] theta, Object... keysAndValues) {
        Map<String, double[]> state = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                state.put((String) keysAndValues[i], ((double[]) keysAndValues[i + 1]).clone());
            }
        }
        return new Row(objective.value().applyAsDouble(theta), theta.clone(), state);
    }

    /**
     * torch.optim.SGD:
     * <pre>
     * g_t ← ∇f(θ_{t−1});  if λ ≠ 0: g_t ← g_t + λθ_{t−1}
     * if μ ≠ 0:  b_t ← (t > 1) ? μ b_{t−1} + (1−τ) g_t : g_t
     *            g_t ← nesterov ? g_t + μ b_t : b_t
     * θ_t ← θ_{t−1} − γ g_t
     * </pre>
     * State column: buf = b_t (only when μ ≠ 0).
     */
    static List<Row> sgd(Objective objective, Hyper h, int steps) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] buf = h.momentum != 0 ? new double[n] : null;
        List<Row> rows = new ArrayList<>(List.of(row(objective, theta)));
        for (int t = 1; t <= steps; t++) {
            double[] grad = objective.gradient().apply(theta);
            for (int i = 0; i < n; i++) {
                double g = grad[i];
                if (h.weightDecay != 0) {
                    g += h.weightDecay * theta[i];
                }
                if (h.momentum != 0) {
                    buf[i] = t > 1 ? h.momentum * buf[i] + (1 - h.dampening) * g : g;
                    g = h.nesterov ? g + h.momentum * buf[i] : buf[i];
                }
                theta[i] -= h.lr * g;
            }
            rows.add(row(objective, theta, "buf", buf));
        }
        return rows;
    }

    /**
     * torch.optim.RMSprop:
     * <pre>
     * g_t ← ∇f(θ_{t−1});  if λ ≠ 0: g_t ← g_t + λθ_{t−1}
     * v_t ← α v_{t−1} + (1−α) g_t²;  ṽ_t ← v_t
     * if centered: g^ave_t ← α g^ave_{t−1} + (1−α) g_t;  ṽ_t ← ṽ_t − (g^ave_t)²
     * if μ > 0: b_t ← μ b_{t−1} + g_t/(√ṽ_t + ε);  θ_t ← θ_{t−1} − γ b_t
     * else:     θ_t ← θ_{t−1} − γ g_t/(√ṽ_t + ε)
     * </pre>
     * With --eps-inside-sqrt (Keras/TF placement) the denominator is √(ṽ_t + ε). State columns: sq = v_t,
     * grad_avg = g^ave_t (centered), buf = b_t (μ > 0), lr = γ/denominator.
     */
    static List<Row> rmsprop(Objective objective, Hyper h, int steps) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] squareAvg = new double[n];
        double[] gradAvg = h.centered ? new double[n] : null;
        double[] buf = h.momentum > 0 ? new double[n] : null;
        double[] rate = new double[n];
        List<Row> rows = new ArrayList<>(List.of(row(objective, theta)));
        for (int t = 1; t <= steps; t++) {
            double[] grad = objective.gradient().apply(theta);
            for (int i = 0; i < n; i++) {
                double g = grad[i];
                if (h.weightDecay != 0) {
                    g += h.weightDecay * theta[i];
                }
                squareAvg[i] = h.alpha * squareAvg[i] + (1 - h.alpha) * g * g;
                double vTilde = squareAvg[i];
                if (h.centered) {
                    gradAvg[i] = h.alpha * gradAvg[i] + (1 - h.alpha) * g;
                    vTilde -= gradAvg[i] * gradAvg[i];
                }
                double denominator = h.epsInsideSqrt ? Math.sqrt(vTilde + h.eps) : Math.sqrt(vTilde) + h.eps;
                rate[i] = h.lr / denominator;
                if (h.momentum > 0) {
                    buf[i] = h.momentum * buf[i] + g / denominator;
                    theta[i] -= h.lr * buf[i];
                } else {
                    theta[i] -= h.lr * g / denominator;
                }
            }
            rows.add(row(objective, theta, "sq", squareAvg, "grad_avg", gradAvg, "buf", buf, "lr", rate));
        }
        return rows;
    }

    /**
     * torch.optim.Adadelta:
     * <pre>
     * g_t ← ∇f(θ_{t−1});  if λ ≠ 0: g_t ← g_t + λθ_{t−1}
     * v_t ← v_{t−1} ρ + g_t² (1−ρ)
     * Δx_t ← √(u_{t−1} + ε) / √(v_t + ε) · g_t
     * u_t ← u_{t−1} ρ + Δx_t² (1−ρ)
     * θ_t ← θ_{t−1} − γ Δx_t
     * </pre>
     * State columns: sq = v_t, acc_delta = u_t, lr = γ √(u_{t−1}+ε)/√(v_t+ε).
     */
    static List<Row> adadelta(Objective objective, Hyper h, int steps) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] squareAvg = new double[n];
        double[] accDelta = new double[n];
        double[] rate = new double[n];
        List<Row> rows = new ArrayList<>(List.of(row(objective, theta)));
        for (int t = 1; t <= steps; t++) {
            double[] grad = objective.gradient().apply(theta);
            for (int i = 0; i < n; i++) {
                double g = grad[i];
                if (h.weightDecay != 0) {
                    g += h.weightDecay * theta[i];
                }
                squareAvg[i] = squareAvg[i] * h.rho + g * g * (1 - h.rho);
                double scale = Math.sqrt(accDelta[i] + h.eps) / Math.sqrt(squareAvg[i] + h.eps);
                double delta = scale * g;
                accDelta[i] = accDelta[i] * h.rho + delta * delta * (1 - h.rho);
                rate[i] = h.lr * scale;
                theta[i] -= h.lr * delta;
            }
            rows.add(row(objective, theta, "sq", squareAvg, "acc_delta", accDelta, "lr", rate));
        }
        return rows;
    }

    /**
     * torch.optim.Adam (and AdamW, which is Adam with decoupled_weight_decay=True):
     * <pre>
     * g_t ← ∇f(θ_{t−1});  θ_t ← θ_{t−1}
     * if λ ≠ 0: decoupled ? θ_t ← θ_{t−1} − γλθ_{t−1} : g_t ← g_t + λθ_{t−1}
     * m_t ← β1 m_{t−1} + (1−β1) g_t;   v_t ← β2 v_{t−1} + (1−β2) g_t²
     * m̂_t ← m_t/(1−β1^t)
     * if amsgrad: v_t^max ← max(v_{t−1}^max, v_t);  v̂_t ← v_t^max/(1−β2^t)
     * else:       v̂_t ← v_t/(1−β2^t)
     * θ_t ← θ_t − γ m̂_t/(√v̂_t + ε)
     * </pre>
     * State columns: m, v, v_max (amsgrad), lr = γ/(√v̂_t + ε).
     */
    static List<Row> adam(Objective objective, Hyper h, int steps) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] m = new double[n];
        double[] v = new double[n];
        double[] vMax = h.amsgrad ? new double[n] : null;
        double[] rate = new double[n];
        List<Row> rows = new ArrayList<>(List.of(row(objective, theta)));
        for (int t = 1; t <= steps; t++) {
            double[] grad = objective.gradient().apply(theta);
            double biasCorrection1 = 1 - Math.pow(h.beta1, t);
            double biasCorrection2 = 1 - Math.pow(h.beta2, t);
            for (int i = 0; i < n; i++) {
                double g = grad[i];
                if (h.weightDecay != 0) {
                    if (h.decoupledWeightDecay) {
                        theta[i] *= 1 - h.lr * h.weightDecay;
                    } else {
                        g += h.weightDecay * theta[i];
                    }
                }
                m[i] = h.beta1 * m[i] + (1 - h.beta1) * g;
                v[i] = h.beta2 * v[i] + (1 - h.beta2) * g * g;
                double mHat = m[i] / biasCorrection1;
                double vHat;
                if (h.amsgrad) {
                    vMax[i] = Math.max(vMax[i], v[i]);
                    vHat = vMax[i] / biasCorrection2;
                } else {
                    vHat = v[i] / biasCorrection2;
                }
                rate[i] = h.lr / (Math.sqrt(vHat) + h.eps);
                theta[i] -= rate[i] * mHat;
            }
            rows.add(row(objective, theta, "m", m, "v", v, "v_max", vMax, "lr", rate));
        }
        return rows;
    }

    /**
     * torch.optim.Adamax:
     * <pre>
     * g_t ← ∇f(θ_{t−1});  if λ ≠ 0: g_t ← g_t + λθ_{t−1}
     * m_t ← β1 m_{t−1} + (1−β1) g_t
     * u_t ← max(β2 u_{t−1}, |g_t| + ε)
     * θ_t ← θ_{t−1} − γ m_t/((1−β1^t) u_t)
     * </pre>
     * State columns: m, u, lr = γ/u_t (the contract's definition).
     */
    static List<Row> adamax(Objective objective, Hyper h, int steps) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] m = new double[n];
        double[] u = new double[n];
        double[] rate = new double[n];
        List<Row> rows = new ArrayList<>(List.of(row(objective, theta)));
        for (int t = 1; t <= steps; t++) {
            double[] grad = objective.gradient().apply(theta);
            double biasCorrection1 = 1 - Math.pow(h.beta1, t);
            for (int i = 0; i < n; i++) {
                double g = grad[i];
                if (h.weightDecay != 0) {
                    g += h.weightDecay * theta[i];
                }
                m[i] = h.beta1 * m[i] + (1 - h.beta1) * g;
                u[i] = Math.max(h.beta2 * u[i], Math.abs(g) + h.eps);
                rate[i] = h.lr / u[i];
                theta[i] -= h.lr * m[i] / (biasCorrection1 * u[i]);
            }
            rows.add(row(objective, theta, "m", m, "u", u, "lr", rate));
        }
        return rows;
    }

    /**
     * torch.optim.NAdam:
     * <pre>
     * g_t ← ∇f(θ_{t−1});  θ_t ← θ_{t−1}
     * if λ ≠ 0: decoupled ? θ_t ← θ_{t−1} − γλθ_{t−1} : g_t ← g_t + λθ_{t−1}
     * μ_t ← β1 (1 − ½ 0.96^{tψ});   μ_{t+1} ← β1 (1 − ½ 0.96^{(t+1)ψ})
     * m_t ← β1 m_{t−1} + (1−β1) g_t;   v_t ← β2 v_{t−1} + (1−β2) g_t²
     * m̂_t ← μ_{t+1} m_t/(1 − ∏_{i=1}^{t+1} μ_i) + (1−μ_t) g_t/(1 − ∏_{i=1}^{t} μ_i)
     * v̂_t ← v_t/(1−β2^t)
     * θ_t ← θ_t − γ m̂_t/(√v̂_t + ε)
     * </pre>
     * State columns: m, v, lr = γ/(√v̂_t + ε).
     */
    static List<Row> nadam(Objective objective, Hyper h, int steps) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] m = new double[n];
        double[] v = new double[n];
        double[] rate = new double[n];
        double muProduct = 1;
        List<Row> rows = new ArrayList<>(List.of(row(objective, theta)));
        for (int t = 1; t <= steps; t++) {
            double[] grad = objective.gradient().apply(theta);
            double mu = h.beta1 * (1 - 0.5 * Math.pow(0.96, t * h.momentumDecay));
            double muNext = h.beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * h.momentumDecay));
            muProduct *= mu;
            double muProductNext = muProduct * muNext;
            double biasCorrection2 = 1 - Math.pow(h.beta2, t);
            for (int i = 0; i < n; i++) {
                double g = grad[i];
                if (h.weightDecay != 0) {
                    if (h.decoupledWeightDecay) {
                        theta[i] *= 1 - h.lr * h.weightDecay;
                    } else {
                        g += h.weightDecay * theta[i];
                    }
                }
                m[i] = h.beta1 * m[i] + (1 - h.beta1) * g;
                v[i] = h.beta2 * v[i] + (1 - h.beta2) * g * g;
                double mHat = muNext * m[i] / (1 - muProductNext) + (1 - mu) * g / (1 - muProduct);
                rate[i] = h.lr / (Math.sqrt(v[i] / biasCorrection2) + h.eps);
                theta[i] -= rate[i] * mHat;
            }
            rows.add(row(objective, theta, "m", m, "v", v, "lr", rate));
        }
        return rows;
    }

    /** RAdam's ρ_t = ρ_∞ − 2tβ2^t/(1−β2^t), with ρ_∞ = 2/(1−β2) − 1. */
    static double radamRho(double beta2, int t) {
        double rhoInfinity = 2 / (1 - beta2) - 1;
        return rhoInfinity - 2 * t * Math.pow(beta2, t) / (1 - Math.pow(beta2, t));
    }

    /**
     * torch.optim.RAdam:
     * <pre>
     * g_t ← ∇f(θ_{t−1});  θ_t ← θ_{t−1}
     * if λ ≠ 0: decoupled ? θ_t ← θ_t − γλθ_t : g_t ← g_t + λθ_t
     * m_t ← β1 m_{t−1} + (1−β1) g_t;   v_t ← β2 v_{t−1} + (1−β2) g_t²
     * m̂_t ← m_t/(1−β1^t);   ρ_t ← ρ_∞ − 2tβ2^t/(1−β2^t)
     * if ρ_t > 5: l_t ← √(1−β2^t)/(√v_t + ε)
     *             r_t ← √((ρ_t−4)(ρ_t−2)ρ_∞ / ((ρ_∞−4)(ρ_∞−2)ρ_t))
     *             θ_t ← θ_t − γ m̂_t r_t l_t
     * else:       θ_t ← θ_t − γ m̂_t
     * </pre>
     * State columns: m, v, lr = γ r_t l_t when ρ_t > 5, else γ.
     */
    static List<Row> radam(Objective objective, Hyper h, int steps) {
        int n = objective.start().length;
        double[] theta = objective.start().clone();
        double[] m = new double[n];
        double[] v = new double[n];
        double[] rate = new double[n];
        double rhoInfinity = 2 / (1 - h.beta2) - 1;
        List<Row> rows = new ArrayList<>(List.of(row(objective, theta)));
        for (int t = 1; t <= steps; t++) {
            double[] grad = objective.gradient().apply(theta);
            double biasCorrection1 = 1 - Math.pow(h.beta1, t);
            double biasCorrection2 = 1 - Math.pow(h.beta2, t);
            double rho = radamRho(h.beta2, t);
            for (int i = 0; i < n; i++) {
                double g = grad[i];
                if (h.weightDecay != 0) {
                    if (h.decoupledWeightDecay) {
                        theta[i] *= 1 - h.lr * h.weightDecay;
                    } else {
                        g += h.weightDecay * theta[i];
                    }
                }
                m[i] = h.beta1 * m[i] + (1 - h.beta1) * g;
                v[i] = h.beta2 * v[i] + (1 - h.beta2) * g * g;
                double mHat = m[i] / biasCorrection1;
                if (rho > 5) {
                    double l = Math.sqrt(biasCorrection2) / (Math.sqrt(v[i]) + h.eps);
                    double r = Math.sqrt((rho - 4) * (rho - 2) * rhoInfinity
                            / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho));
                    rate[i] = h.lr * r * l;
                } else {
                    rate[i] = h.lr;
                }
                theta[i] -= rate[i] * mHat;
            }
            rows.add(row(objective, theta, "m", m, "v", v, "lr", rate));
        }
        return rows;
    }

    private static List<Row> reference(Case c) {
        Hyper h = hyperparameters(c.optimizer(), c.options());
        return switch (c.optimizer()) {
            case "sgd", "momentum", "nesterov" -> sgd(c.objective(), h, c.steps());
            case "rmsprop" -> rmsprop(c.objective(), h, c.steps());
            case "adadelta" -> adadelta(c.objective(), h, c.steps());
            case "adam", "adamw", "amsgrad" -> adam(c.objective(), h, c.steps());
            case "adamax" -> adamax(c.objective(), h, c.steps());
            case "nadam" -> nadam(c.objective(), h, c.steps());
            case "radam" -> radam(c.objective(), h, c.steps());
            default -> throw new IllegalArgumentException(c.optimizer());
        };
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cases
    // ---------------------------------------------------------------------------------------------------------------

    /** One command line: optimizer, objective, steps and options (--lr included when the case sets it). */
    private record Case(String name, String optimizer, Objective objective, int steps, List<String> options) {
        @Override
        public String toString() {
            return name;
        }

        List<String> command() {
            List<String> command = new ArrayList<>(List.of("run", "--f", objective.expression(),
                    "--x0", startByName(objective), "--optimizer", optimizer,
                    "--steps", Integer.toString(steps), "--format", "csv"));
            command.addAll(options);
            return command;
        }
    }

    private static final String[] ALL = {
            "sgd", "momentum", "nesterov", "rmsprop", "adadelta", "adam", "adamw", "amsgrad", "adamax", "nadam", "radam"};

    private static Case of(String optimizer, Objective objective, int steps, String... options) {
        String name = optimizer + (options.length == 0 ? " defaults" : " " + String.join(" ", options))
                + " on " + objective + ", " + steps + " steps";
        return new Case(name, optimizer, objective, steps, List.of(options));
    }

    /**
     * Learning rates that keep each optimizer's run stable on each objective (checked by {@link #sane}).
     *
     * <p>Runs are also chosen to be well conditioned: the program's central-difference gradient differs from the
     * exact one by about 1e-10 relative, and a run that settles into a chaotic regime (an adaptive method
     * oscillating at the ε scale around a minimum, or Adadelta with a large ε acting as gradient descent with
     * γ·λ_max &gt; 2) amplifies that into differences far above 1e-5 while every formula is right. Where that
     * happened the run below is shortened or moved to a better-conditioned objective; the tolerance is unchanged.
     */
    private static String lrFor(String optimizer, Objective objective) {
        return switch (optimizer) {
            case "sgd" -> objective == ROSENBROCK ? "5e-4" : objective == DOUBLE_WELL ? "0.01" : "0.05";
            case "momentum", "nesterov" ->
                    objective == ROSENBROCK ? "1e-4" : objective == DOUBLE_WELL ? "0.001" : "0.01";
            case "rmsprop" -> objective == ROSENBROCK ? "1e-3" : "0.01";
            case "adadelta" -> "1.0";
            case "adam", "adamw", "amsgrad", "nadam" -> objective == ROSENBROCK ? "0.01" : "0.05";
            case "adamax" -> objective == ROSENBROCK ? "0.02" : "0.05";
            // RAdam's first five steps are plain momentum SGD (ρ_t ≤ 5), so Rosenbrock's gradient needs a small γ.
            case "radam" -> objective == ROSENBROCK ? "1e-3" : "0.05";
            default -> throw new IllegalArgumentException(optimizer);
        };
    }

    private static int stepsFor(String optimizer, Objective objective) {
        if (objective == ROSENBROCK) {
            // Adadelta reaches Rosenbrock's valley floor near step 220, where its trajectory becomes so sensitive
            // that a 1e-10 change in the gradient (central differences) grows past 1e-5 within 30 steps.
            return optimizer.equals("adadelta") ? 200 : 500;
        }
        if (objective == QUADRATIC) {
            return 300;
        }
        return objective == DOUBLE_WELL ? 200 : 250;
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Every optimizer on every objective at a stable learning rate, and with all defaults (lr too).
        for (String optimizer : ALL) {
            for (Objective objective : List.of(ROSENBROCK, QUADRATIC, DOUBLE_WELL, FIVE)) {
                cases.add(of(optimizer, objective, stepsFor(optimizer, objective), "--lr", lrFor(optimizer, objective)));
            }
            cases.add(of(optimizer, QUADRATIC, 200));
        }

        // SGD: --momentum, --dampening, --nesterov, --weight-decay.
        cases.add(of("sgd", QUADRATIC, 300, "--lr", "0.02", "--momentum", "0.5"));
        cases.add(of("sgd", ROSENBROCK, 400, "--lr", "1e-4", "--momentum", "0.9"));
        cases.add(of("sgd", QUADRATIC, 300, "--lr", "0.01", "--momentum", "0.9", "--dampening", "0.5"));
        cases.add(of("momentum", FIVE, 250, "--lr", "0.01", "--dampening", "0.3"));
        cases.add(of("momentum", QUADRATIC, 300, "--lr", "0.01", "--momentum", "0.6"));
        cases.add(of("sgd", QUADRATIC, 300, "--lr", "0.01", "--momentum", "0.8", "--nesterov"));
        cases.add(of("sgd", FIVE, 250, "--lr", "0.01", "--momentum", "0.9", "--nesterov=false"));
        cases.add(of("momentum", QUADRATIC, 300, "--lr", "0.01", "--nesterov"));
        cases.add(of("nesterov", QUADRATIC, 300, "--lr", "0.01", "--nesterov"));
        cases.add(of("nesterov", DOUBLE_WELL, 200, "--lr", "0.002", "--momentum", "0.7"));
        cases.add(of("sgd", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("sgd", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.2"));
        cases.add(of("momentum", FIVE, 250, "--lr", "0.01", "--weight-decay", "0.05"));
        cases.add(of("nesterov", DOUBLE_WELL, 200, "--lr", "0.002", "--weight-decay", "0.05", "--momentum", "0.7"));
        cases.add(of("sgd", QUADRATIC, 300, "--lr", "0.01", "--momentum", "0.9", "--dampening", "0.2",
                "--weight-decay", "0.1"));

        // RMSprop: --centered, --momentum, --alpha, --weight-decay, --eps, --eps-inside-sqrt.
        cases.add(of("rmsprop", ROSENBROCK, 300, "--lr", "1e-3", "--centered"));
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "0.01", "--centered"));
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "1e-3", "--momentum", "0.9"));
        cases.add(of("rmsprop", FIVE, 250, "--lr", "5e-3", "--momentum", "0.5", "--centered"));
        cases.add(of("rmsprop", QUADRATIC, 120, "--lr", "0.01", "--alpha", "0.9"));
        cases.add(of("rmsprop", DOUBLE_WELL, 200, "--lr", "0.01", "--alpha", "0.5"));
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "0.01", "--weight-decay", "0.1"));
        cases.add(of("rmsprop", FIVE, 250, "--lr", "0.01", "--weight-decay", "0.2"));
        // ε = 1e-8 is invisible at 1e-5 wherever it goes; 0.1 makes its placement show.
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "0.01", "--eps", "0.1"));
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "0.01", "--eps-inside-sqrt"));
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "0.01", "--eps-inside-sqrt", "--eps", "0.1"));
        cases.add(of("rmsprop", FIVE, 250, "--lr", "0.01", "--eps-inside-sqrt", "--eps", "0.01", "--centered"));
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "0.01", "--eps-inside-sqrt", "--eps", "0.1",
                "--momentum", "0.5"));
        cases.add(of("rmsprop", QUADRATIC, 300, "--lr", "0.01", "--eps-inside-sqrt=false", "--eps", "0.1"));

        // Adadelta: --rho, --eps, --weight-decay, --lr.
        cases.add(of("adadelta", QUADRATIC, 300, "--rho", "0.95"));
        // With a large ε and v, u → 0 Adadelta tends to plain gradient descent with step γ: keep γ·λ_max < 2.
        cases.add(of("adadelta", QUADRATIC, 300, "--lr", "0.1", "--eps", "1e-4"));
        cases.add(of("adadelta", DOUBLE_WELL, 200, "--eps", "1e-4"));
        cases.add(of("adadelta", QUADRATIC, 300, "--weight-decay", "0.1"));
        cases.add(of("adadelta", FIVE, 250, "--weight-decay", "0.2"));
        cases.add(of("adadelta", FIVE, 250, "--lr", "0.1", "--weight-decay", "0.2", "--eps", "1e-3"));
        cases.add(of("adadelta", ROSENBROCK, 200, "--lr", "0.5", "--rho", "0.8"));

        // Adam: --beta1, --beta2, --eps, --amsgrad, --weight-decay, --decoupled-weight-decay.
        cases.add(of("adam", QUADRATIC, 300, "--lr", "0.05", "--beta1", "0.8"));
        cases.add(of("adam", QUADRATIC, 300, "--lr", "0.05", "--beta2", "0.99"));
        cases.add(of("adam", ROSENBROCK, 180, "--lr", "0.01", "--beta1", "0.5", "--beta2", "0.9"));
        cases.add(of("adam", QUADRATIC, 300, "--lr", "0.05", "--eps", "0.1"));
        cases.add(of("adam", QUADRATIC, 300, "--lr", "0.05", "--amsgrad"));
        cases.add(of("adam", ROSENBROCK, 500, "--lr", "0.01", "--amsgrad", "--beta2", "0.9"));
        cases.add(of("adam", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("adam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("adam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1", "--decoupled-weight-decay"));
        cases.add(of("adam", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.5", "--decoupled-weight-decay"));
        cases.add(of("adam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1", "--decoupled-weight-decay",
                "--amsgrad"));
        cases.add(of("adam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1", "--decoupled-weight-decay=false"));

        // AdamW: --weight-decay (always decoupled), --amsgrad, betas.
        cases.add(of("adamw", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.2"));
        cases.add(of("adamw", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.5"));
        cases.add(of("adamw", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1", "--amsgrad"));
        cases.add(of("adamw", DOUBLE_WELL, 200, "--lr", "0.05", "--beta2", "0.99"));

        // AMSGrad: the max over the uncorrected v matters most with a small β2.
        cases.add(of("amsgrad", ROSENBROCK, 500, "--lr", "0.01", "--beta2", "0.9"));
        cases.add(of("amsgrad", FIVE, 250, "--lr", "0.05", "--beta2", "0.9"));
        cases.add(of("amsgrad", QUADRATIC, 300, "--lr", "0.05", "--amsgrad"));
        cases.add(of("amsgrad", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("amsgrad", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1", "--decoupled-weight-decay"));

        // Adamax: --weight-decay, betas, --eps.
        cases.add(of("adamax", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("adamax", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.2"));
        cases.add(of("adamax", QUADRATIC, 300, "--lr", "0.05", "--beta1", "0.8", "--beta2", "0.99"));
        cases.add(of("adamax", QUADRATIC, 300, "--lr", "0.05", "--eps", "0.1"));

        // NAdam: --momentum-decay, --weight-decay, --decoupled-weight-decay, betas.
        cases.add(of("nadam", QUADRATIC, 300, "--lr", "0.05", "--momentum-decay", "0.1"));
        cases.add(of("nadam", ROSENBROCK, 500, "--lr", "0.01", "--momentum-decay", "1"));
        cases.add(of("nadam", QUADRATIC, 300, "--lr", "0.05", "--momentum-decay", "0"));
        cases.add(of("nadam", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("nadam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("nadam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1", "--decoupled-weight-decay"));
        cases.add(of("nadam", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.5", "--decoupled-weight-decay"));
        cases.add(of("nadam", FIVE, 250, "--lr", "0.05", "--beta1", "0.8", "--beta2", "0.99"));
        cases.add(of("nadam", QUADRATIC, 300, "--lr", "0.05", "--eps", "0.1"));

        // RAdam: --weight-decay, --decoupled-weight-decay, betas; both branches (ρ_t ≤ 5 for t ≤ 5, > 5 from t = 6).
        cases.add(of("radam", ROSENBROCK, 5, "--lr", "1e-3"));
        cases.add(of("radam", ROSENBROCK, 6, "--lr", "1e-3"));
        cases.add(of("radam", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("radam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1"));
        cases.add(of("radam", FIVE, 250, "--lr", "0.05", "--weight-decay", "0.1", "--decoupled-weight-decay"));
        cases.add(of("radam", QUADRATIC, 300, "--lr", "0.05", "--weight-decay", "0.5", "--decoupled-weight-decay"));
        cases.add(of("radam", QUADRATIC, 300, "--lr", "0.05", "--beta2", "0.99"));
        cases.add(of("radam", FIVE, 250, "--lr", "0.05", "--beta1", "0.8"));
        // l_t = √(1−β2^t)/(√v_t + ε): ε outside the square root and not bias-corrected; 0.1 makes that show.
        cases.add(of("radam", QUADRATIC, 300, "--lr", "0.05", "--eps", "0.1"));
        return cases.stream();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tests
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trajectoryMatchesPyTorchReference(Case c) {
        compareWithReference(c, c.command(), RELATIVE_TOLERANCE);
    }

    /**
     * With {@code --grad exact} the program's gradient is the hand-derived one up to rounding, so the trajectories
     * agree to {@value #EXACT_TOLERANCE} relative: what is left is the order of floating-point operations.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withTheExactGradientTheTrajectoryMatchesToRoundingError(Case c) {
        List<String> command = new ArrayList<>(c.command());
        command.addAll(List.of("--grad", "exact"));
        compareWithReference(c, command, EXACT_TOLERANCE);
    }

    private void compareWithReference(Case c, List<String> command, double tolerance) {
        List<Row> reference = reference(c);
        sane(c, reference);

        CsvTable csv = new CsvTable(Cli.output(command));

        assertEquals(c.steps() + 1, csv.size(), "number of rows for " + command);
        List<String> variables = c.objective().variables();
        for (int step = 0; step <= c.steps(); step++) {
            Row expected = reference.get(step);
            assertEquals(step, (int) csv.number(step, "step"), "step column of row " + step);
            assertClose(expected.f(), csv, step, "f", command, tolerance);
            for (int i = 0; i < variables.size(); i++) {
                assertClose(expected.x()[i], csv, step, variables.get(i), command, tolerance);
            }
            for (Map.Entry<String, double[]> state : expected.state().entrySet()) {
                for (int i = 0; i < variables.size(); i++) {
                    assertClose(state.getValue()[i], csv, step, state.getKey() + "_" + variables.get(i), command,
                            tolerance);
                }
            }
        }
    }

    /**
     * The header is {@code step,f,<x..>,grad_<x..>,<state>_<x..>…,update_<x..>} with exactly the state columns the
     * contract lists for the optimizer and options, each for every variable, in the contract's order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void headerListsTheContractsStateColumns(Case c) {
        List<Row> reference = reference(c);
        List<String> variables = c.objective().variables();
        List<String> expected = new ArrayList<>(List.of("step", "f"));
        expected.addAll(variables);
        variables.forEach(v -> expected.add("grad_" + v));
        for (String state : reference.get(reference.size() - 1).state().keySet()) {
            variables.forEach(v -> expected.add(state + "_" + v));
        }
        variables.forEach(v -> expected.add("update_" + v));

        CsvTable csv = new CsvTable(Cli.output(c.command()));
        assertEquals(expected, csv.header(), "CSV header for " + c.command());
    }

    /** RAdam's switch: with β2 = 0.999, ρ_t ≤ 5 for t ≤ 5 and ρ_t > 5 from t = 6, as the cases above rely on. */
    @Test
    void radamSwitchesBranchAtStepSix() {
        for (int t = 1; t <= 5; t++) {
            assertTrue(radamRho(0.999, t) <= 5, "ρ_" + t + " = " + radamRho(0.999, t));
        }
        assertTrue(radamRho(0.999, 6) > 5, "ρ_6 = " + radamRho(0.999, 6));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    /** The chosen learning rates must keep the reference run finite and end below where it started. */
    private static void sane(Case c, List<Row> reference) {
        double start = reference.get(0).f();
        for (Row row : reference) {
            assertTrue(Double.isFinite(row.f()) && Arrays.stream(row.x()).allMatch(Double::isFinite),
                    "reference run is not finite: " + c);
        }
        double end = reference.get(reference.size() - 1).f();
        assertTrue(end < start, "reference run did not descend (" + start + " → " + end + "): " + c);
    }

    private static String startByName(Objective objective) {
        StringBuilder start = new StringBuilder();
        for (int i = 0; i < objective.variables().size(); i++) {
            if (i > 0) {
                start.append(',');
            }
            start.append(objective.variables().get(i)).append('=').append(objective.start()[i]);
        }
        return start.toString();
    }

    private static void assertClose(double expected, CsvTable csv, int step, String column, List<String> command,
                                    double tolerance) {
        if (!csv.header().contains(column)) {
            fail("no column '" + column + "' in CSV header " + csv.header() + " for " + command);
        }
        double actual = csv.number(step, column);
        double allowed = tolerance * Math.max(Math.abs(expected), RELATIVE_FLOOR);
        if (!(Math.abs(actual - expected) <= allowed)) {
            fail("step " + step + ", column " + column + ": program " + actual + ", reference " + expected
                    + " (relative difference " + Math.abs(actual - expected) / Math.abs(expected) + ") for "
                    + command);
        }
    }
}
