package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks {@code adagrad run --compat keras} and {@code --compat tfjs} against reference optimizers written in this
 * class straight from the frameworks' own source code, in float64 (the frameworks compute in float32; what is
 * modelled here is their formulas, not their precision):
 *
 * <ul>
 *   <li>Keras 3, {@code keras/src/optimizers/{sgd,adagrad,rmsprop,adadelta,adam,adamw,adamax,nadam}.py}, each
 *       class's {@code __init__} defaults and {@code update_step}; weight decay from {@code base_optimizer.py}'s
 *       {@code _apply_weight_decay}, which runs after the gradient is taken and before {@code update_step}:
 *       {@code variable.assign(variable - variable * wd * lr)}.</li>
 *   <li>TensorFlow.js, {@code tfjs-core/src/optimizers/*_optimizer.ts} ({@code applyGradients}) and the defaults of
 *       {@code optimizer_constructors.ts}; ε defaults to the backend epsilon, 1e-7. TF.js's sgd, momentum, adagrad
 *       and rmsprop have no default learning rate, so the program's (PyTorch's) apply there, as the contract
 *       says.</li>
 * </ul>
 *
 * <p>The references use analytic gradients derived by hand and share no code with the program, which is only run
 * through {@link Cli#run}. Every row's f and x must agree to {@value #RELATIVE_TOLERANCE} relative; the rest of the
 * difference is the program's central-difference gradient. Each case was checked beforehand (in a float64 model
 * with the gradient perturbed by 1e-9) to be insensitive to gradient error far below the tolerance.
 *
 * <p>One deliberate departure, from the contract: TF.js's Adadelta divides by the accumulator of the previous step
 * ({@code sqrt(add(accumulatedGrad, this.epsilon))} uses {@code accumulatedGrad} before it is assigned
 * {@code newAccumulatedGrad}); the program uses the accumulator of this step, and so do the references here, with
 * TF.js's defaults. {@link #tfjsAdadeltaDefectIsNotCopied} documents the defect.
 */
class FrameworkPresetReferenceTest {

    private static final double RELATIVE_TOLERANCE = 1e-5;
    /** Values smaller than this in magnitude are compared absolutely, to {@code RELATIVE_TOLERANCE · this}. */
    private static final double RELATIVE_FLOOR = 1e-3;

    // ---------------------------------------------------------------------------------------------------------------
    // Framework defaults, as their source gives them
    // ---------------------------------------------------------------------------------------------------------------

    /** Keras 3: {@code SGD(learning_rate=0.01, momentum=0.0, nesterov=False)}. */
    private static final double KERAS_SGD_LR = 0.01;
    /** Keras 3: {@code Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)}. */
    private static final double KERAS_ADAGRAD_LR = 0.001;
    private static final double KERAS_ADAGRAD_INITIAL_ACCUMULATOR = 0.1;
    /** Keras 3: {@code RMSprop(learning_rate=0.001, rho=0.9, momentum=0.0, epsilon=1e-7, centered=False)}. */
    private static final double KERAS_RMSPROP_LR = 0.001;
    private static final double KERAS_RMSPROP_RHO = 0.9;
    /** Keras 3: {@code Adadelta(learning_rate=0.001, rho=0.95, epsilon=1e-7)}. */
    private static final double KERAS_ADADELTA_LR = 0.001;
    private static final double KERAS_ADADELTA_RHO = 0.95;
    /** Keras 3: Adam, AdamW, Adamax, Nadam: {@code learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7}. */
    private static final double KERAS_ADAM_LR = 0.001;
    /** Keras 3: {@code AdamW(weight_decay=0.004)}. */
    private static final double KERAS_ADAMW_WEIGHT_DECAY = 0.004;
    private static final double KERAS_EPSILON = 1e-7;

    /** TF.js: {@code ENGINE.backend.epsilon()}, the default of every {@code epsilon: number = null}. */
    private static final double TFJS_EPSILON = 1e-7;
    /** TF.js: {@code adagrad(learningRate, initialAccumulatorValue = 0.1)}. */
    private static final double TFJS_ADAGRAD_INITIAL_ACCUMULATOR = 0.1;
    /** TF.js: {@code rmsprop(learningRate, decay = .9, momentum = 0.0, epsilon = null, centered = false)}. */
    private static final double TFJS_RMSPROP_DECAY = 0.9;
    /** TF.js: {@code adadelta(learningRate = .001, rho = .95, epsilon = null)}. */
    private static final double TFJS_ADADELTA_LR = 0.001;
    private static final double TFJS_ADADELTA_RHO = 0.95;
    /** TF.js: {@code adam(learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon = null)}. */
    private static final double TFJS_ADAM_LR = 0.001;
    /** TF.js: {@code adamax(learningRate = 0.002, beta1 = 0.9, beta2 = 0.999, epsilon = null, decay = 0.0)}. */
    private static final double TFJS_ADAMAX_LR = 0.002;

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;

    // The program's own defaults where neither TF.js nor Keras gives one (contract: "as torch").
    private static final double TORCH_SGD_LR = 1e-3;
    private static final double TORCH_ADAGRAD_LR = 0.01;
    private static final double TORCH_RMSPROP_LR = 0.01;
    /** The {@code momentum} and {@code nesterov} optimizers' momentum, in every preset. */
    private static final double MOMENTUM = 0.9;

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
            "Rosenbrock", "(1-x)^2+100*(y-x^2)^2", List.of("x", "y"), new double[] {-1.5, 2},
            p -> {
                double x = p[0], y = p[1];
                return sq(1 - x) + 100 * sq(y - x * x);
            },
            p -> {
                double x = p[0], y = p[1];
                return new double[] {
                        -2 * (1 - x) - 400 * x * (y - x * x),
                        200 * (y - x * x)};
            });

    private static final Objective QUADRATIC = new Objective(
            "3-variable quadratic", "x^2+10*y^2+3*z^2+x*y", List.of("x", "y", "z"), new double[] {3, -2, 1},
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return x * x + 10 * y * y + 3 * z * z + x * y;
            },
            p -> {
                double x = p[0], y = p[1], z = p[2];
                return new double[] {2 * x + y, 20 * y + x, 6 * z};
            });

    private static double sq(double v) {
        return v * v;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The references
    // ---------------------------------------------------------------------------------------------------------------

    /** One optimizer step in place: x holds x_{t−1} and becomes x_t; g = ∇f(x_{t−1}); t counts from 1. */
    private interface Rule {
        void step(double[] x, double[] g, int t);
    }

    /**
     * Keras {@code BaseOptimizer._apply_weight_decay}, run by {@code _backend_apply_gradients} after the gradients
     * are taken and before {@code _backend_update_step}: {@code variable.assign(variable - variable * wd * lr)}.
     */
    private record KerasWeightDecay(double lr, double weightDecay, Rule inner) implements Rule {
        @Override
        public void step(double[] x, double[] g, int t) {
            for (int i = 0; i < x.length; i++) {
                x[i] = x[i] - x[i] * weightDecay * lr;
            }
            inner.step(x, g, t);
        }
    }

    /** Keras {@code SGD.update_step}. */
    private static final class KerasSgd implements Rule {
        private final double lr, momentum;
        private final boolean nesterov;
        private double[] m;

        KerasSgd(double lr, double momentum, boolean nesterov) {
            this.lr = lr;
            this.momentum = momentum;
            this.nesterov = nesterov;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (m == null) {
                m = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                if (momentum != 0) {
                    m[i] = m[i] * momentum - g[i] * lr;             // m = m·momentum − g·lr
                    if (nesterov) {
                        x[i] += m[i] * momentum - g[i] * lr;        // variable += m·momentum − g·lr
                    } else {
                        x[i] += m[i];                               // variable += m
                    }
                } else {
                    x[i] -= g[i] * lr;                              // variable −= g·lr
                }
            }
        }
    }

    /** Keras {@code Adagrad.update_step}: ε inside the square root. */
    private static final class KerasAdagrad implements Rule {
        private final double lr, initialAccumulator, epsilon;
        private double[] accumulator;

        KerasAdagrad(double lr, double initialAccumulator, double epsilon) {
            this.lr = lr;
            this.initialAccumulator = initialAccumulator;
            this.epsilon = epsilon;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (accumulator == null) {
                accumulator = new double[x.length];
                Arrays.fill(accumulator, initialAccumulator);
            }
            for (int i = 0; i < x.length; i++) {
                accumulator[i] += g[i] * g[i];
                x[i] -= lr * g[i] / Math.sqrt(accumulator[i] + epsilon);
            }
        }
    }

    /** Keras {@code RMSprop.update_step}: ε inside the square root, momentum on the lr-scaled increment. */
    private static final class KerasRmsprop implements Rule {
        private final double lr, rho, momentum, epsilon;
        private final boolean centered;
        private double[] velocity, averageGradient, momentumBuffer;

        KerasRmsprop(double lr, double rho, double momentum, double epsilon, boolean centered) {
            this.lr = lr;
            this.rho = rho;
            this.momentum = momentum;
            this.epsilon = epsilon;
            this.centered = centered;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (velocity == null) {
                velocity = new double[x.length];
                averageGradient = new double[x.length];
                momentumBuffer = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                velocity[i] = rho * velocity[i] + (1 - rho) * g[i] * g[i];
                double denominator;
                if (centered) {
                    averageGradient[i] = rho * averageGradient[i] + (1 - rho) * g[i];
                    denominator = velocity[i] - averageGradient[i] * averageGradient[i] + epsilon;
                } else {
                    denominator = velocity[i] + epsilon;
                }
                double increment = lr * g[i] / Math.sqrt(denominator);
                if (momentum > 0) {
                    momentumBuffer[i] = momentum * momentumBuffer[i] + increment;
                    x[i] -= momentumBuffer[i];
                } else {
                    x[i] -= increment;
                }
            }
        }
    }

    /** Keras {@code Adadelta.update_step}, with {@code rms(v) = sqrt(v + epsilon)}. */
    private static final class KerasAdadelta implements Rule {
        private final double lr, rho, epsilon;
        private double[] accumulatedGrad, accumulatedDeltaVar;

        KerasAdadelta(double lr, double rho, double epsilon) {
            this.lr = lr;
            this.rho = rho;
            this.epsilon = epsilon;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (accumulatedGrad == null) {
                accumulatedGrad = new double[x.length];
                accumulatedDeltaVar = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                accumulatedGrad[i] = rho * accumulatedGrad[i] + (1 - rho) * g[i] * g[i];
                double deltaVar = -(Math.sqrt(accumulatedDeltaVar[i] + epsilon) * g[i]
                        / Math.sqrt(accumulatedGrad[i] + epsilon));
                accumulatedDeltaVar[i] = rho * accumulatedDeltaVar[i] + (1 - rho) * deltaVar * deltaVar;
                x[i] += lr * deltaVar;
            }
        }
    }

    /**
     * Keras {@code Adam.update_step} (also AdamW's, which only adds weight decay): "epsilon hat",
     * {@code alpha = lr·sqrt(1 − β2^t)/(1 − β1^t)}, {@code variable −= m·alpha/(sqrt(v) + ε)}; with amsgrad
     * {@code v_hat = max(v_hat, v)} on the uncorrected v.
     */
    private static final class KerasAdam implements Rule {
        private final double lr, beta1, beta2, epsilon;
        private final boolean amsgrad;
        private double[] m, v, vHat;

        KerasAdam(double lr, double beta1, double beta2, double epsilon, boolean amsgrad) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            this.amsgrad = amsgrad;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (m == null) {
                m = new double[x.length];
                v = new double[x.length];
                vHat = new double[x.length];
            }
            double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
            for (int i = 0; i < x.length; i++) {
                m[i] += (g[i] - m[i]) * (1 - beta1);
                v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
                double second = v[i];
                if (amsgrad) {
                    vHat[i] = Math.max(vHat[i], v[i]);
                    second = vHat[i];
                }
                x[i] -= m[i] * alpha / (Math.sqrt(second) + epsilon);
            }
        }
    }

    /** Keras {@code Adamax.update_step}: {@code variable −= lr·m / ((1 − β1^t)·(u + ε))}. */
    private static final class KerasAdamax implements Rule {
        private final double lr, beta1, beta2, epsilon;
        private double[] m, u;

        KerasAdamax(double lr, double beta1, double beta2, double epsilon) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (m == null) {
                m = new double[x.length];
                u = new double[x.length];
            }
            double beta1Power = Math.pow(beta1, t);
            for (int i = 0; i < x.length; i++) {
                m[i] += (g[i] - m[i]) * (1 - beta1);
                u[i] = Math.max(beta2 * u[i], Math.abs(g[i]));
                x[i] -= lr * m[i] / ((1 - beta1Power) * (u[i] + epsilon));
            }
        }
    }

    /**
     * Keras {@code Nadam}: {@code _backend_update_step} first multiplies {@code u_product} by
     * {@code β1·(1 − 0.5·0.96^t)}, then {@code update_step} uses {@code u_t}, {@code u_{t+1}}, the product and
     * {@code v_hat = v/(1 − β2^t)}: {@code variable −= m_hat·lr/(sqrt(v_hat) + ε)}.
     */
    private static final class KerasNadam implements Rule {
        private final double lr, beta1, beta2, epsilon;
        private double uProduct = 1.0;
        private double[] m, v;

        KerasNadam(double lr, double beta1, double beta2, double epsilon) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (m == null) {
                m = new double[x.length];
                v = new double[x.length];
            }
            uProduct = uProduct * beta1 * (1.0 - 0.5 * Math.pow(0.96, t));
            double uT = beta1 * (1.0 - 0.5 * Math.pow(0.96, t));
            double uT1 = beta1 * (1.0 - 0.5 * Math.pow(0.96, t + 1));
            double uProductT = uProduct;
            double uProductT1 = uProductT * uT1;
            double beta2Power = Math.pow(beta2, t);
            for (int i = 0; i < x.length; i++) {
                m[i] += (g[i] - m[i]) * (1 - beta1);
                v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
                double mHat = uT1 * m[i] / (1 - uProductT1) + (1 - uT) * g[i] / (1 - uProductT);
                double vHat = v[i] / (1 - beta2Power);
                x[i] -= mHat * lr / (Math.sqrt(vHat) + epsilon);
            }
        }
    }

    /** TF.js {@code SGDOptimizer.applyGradients}: {@code value + c·gradient} with {@code c = −learningRate}. */
    private record TfjsSgd(double lr) implements Rule {
        @Override
        public void step(double[] x, double[] g, int t) {
            for (int i = 0; i < x.length; i++) {
                x[i] = -lr * g[i] + x[i];
            }
        }
    }

    /**
     * TF.js {@code MomentumOptimizer.applyGradients}: {@code newAccumulation = m·accumulation + gradient}; value
     * plus {@code c·newAccumulation}, or with Nesterov {@code c·(gradient + newAccumulation·m)}.
     */
    private static final class TfjsMomentum implements Rule {
        private final double lr, momentum;
        private final boolean useNesterov;
        private double[] accumulation;

        TfjsMomentum(double lr, double momentum, boolean useNesterov) {
            this.lr = lr;
            this.momentum = momentum;
            this.useNesterov = useNesterov;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (accumulation == null) {
                accumulation = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                double newAccumulation = momentum * accumulation[i] + g[i];
                if (useNesterov) {
                    x[i] = -lr * (g[i] + newAccumulation * momentum) + x[i];
                } else {
                    x[i] = -lr * newAccumulation + x[i];
                }
                accumulation[i] = newAccumulation;
            }
        }
    }

    /** TF.js {@code AdagradOptimizer.applyGradients}: {@code value + (g / sqrt(newAccumulated + ε))·(−lr)}. */
    private static final class TfjsAdagrad implements Rule {
        private final double lr, initialAccumulatorValue, epsilon;
        private double[] accumulatedGrad;

        TfjsAdagrad(double lr, double initialAccumulatorValue, double epsilon) {
            this.lr = lr;
            this.initialAccumulatorValue = initialAccumulatorValue;
            this.epsilon = epsilon;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (accumulatedGrad == null) {
                accumulatedGrad = new double[x.length];
                Arrays.fill(accumulatedGrad, initialAccumulatorValue);
            }
            for (int i = 0; i < x.length; i++) {
                accumulatedGrad[i] = accumulatedGrad[i] + g[i] * g[i];
                x[i] = g[i] / Math.sqrt(accumulatedGrad[i] + epsilon) * -lr + x[i];
            }
        }
    }

    /**
     * TF.js {@code RMSPropOptimizer.applyGradients}, literally. Plain: {@code moments = moments·momentum +
     * g·lr / sqrt(ms + ε)}. Centered: the denominator is
     * {@code newAccumulatedMeanSquare.sub(newAccumulatedMeanGrad.square().add(this.epsilon)).sqrt()}, that is
     * {@code sqrt(ms − (mg² + ε))}: TF.js subtracts ε here (TensorFlow and Keras add it). That is a defect (NaN as
     * soon as the variance falls below ε) which the program deliberately does not copy, as README.md says, so this
     * reference adds ε like Keras; everything else is TF.js's code.
     */
    private static final class TfjsRmsprop implements Rule {
        private final double lr, decay, momentum, epsilon;
        private final boolean centered;
        private double[] meanSquare, moments, meanGrad;

        TfjsRmsprop(double lr, double decay, double momentum, double epsilon, boolean centered) {
            this.lr = lr;
            this.decay = decay;
            this.momentum = momentum;
            this.epsilon = epsilon;
            this.centered = centered;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (meanSquare == null) {
                meanSquare = new double[x.length];
                moments = new double[x.length];
                meanGrad = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                meanSquare[i] = meanSquare[i] * decay + g[i] * g[i] * (1 - decay);
                double denominator;
                if (centered) {
                    meanGrad[i] = meanGrad[i] * decay + g[i] * (1 - decay);
                    denominator = Math.sqrt(meanSquare[i] - meanGrad[i] * meanGrad[i] + epsilon);
                } else {
                    denominator = Math.sqrt(meanSquare[i] + epsilon);
                }
                moments[i] = moments[i] * momentum + g[i] * lr / denominator;
                x[i] = x[i] - moments[i];
            }
        }
    }

    /**
     * TF.js {@code AdadeltaOptimizer.applyGradients}: {@code updates = sqrt(accumulatedUpdate + ε) /
     * sqrt(A + ε) · g}, {@code value + updates·(−lr)}. TF.js's code takes A = {@code accumulatedGrad}, the
     * accumulator before this step's gradient ({@code copyDefect = true}); the correct formula, which the program
     * implements, takes A = {@code newAccumulatedGrad}.
     */
    private static final class TfjsAdadelta implements Rule {
        private final double lr, rho, epsilon;
        private final boolean copyDefect;
        private double[] accumulatedGrad, accumulatedUpdate;

        TfjsAdadelta(double lr, double rho, double epsilon, boolean copyDefect) {
            this.lr = lr;
            this.rho = rho;
            this.epsilon = epsilon;
            this.copyDefect = copyDefect;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (accumulatedGrad == null) {
                accumulatedGrad = new double[x.length];
                accumulatedUpdate = new double[x.length];
            }
            for (int i = 0; i < x.length; i++) {
                double newAccumulatedGrad = accumulatedGrad[i] * rho + g[i] * g[i] * (1 - rho);
                double divisor = copyDefect ? accumulatedGrad[i] : newAccumulatedGrad;
                double update = Math.sqrt(accumulatedUpdate[i] + epsilon) / Math.sqrt(divisor + epsilon) * g[i];
                double newAccumulatedUpdate = accumulatedUpdate[i] * rho + update * update * (1 - rho);
                accumulatedGrad[i] = newAccumulatedGrad;
                accumulatedUpdate[i] = newAccumulatedUpdate;
                x[i] = update * -lr + x[i];
            }
        }
    }

    /**
     * TF.js {@code AdamOptimizer.applyGradients}: bias-corrected moments ({@code accBeta1} starts at β1 and is
     * multiplied by β1 after each step, so step t divides by 1 − β1^t), ε outside the square root:
     * {@code value + (m̂ / (sqrt(v̂) + ε))·(−lr)}.
     */
    private static final class TfjsAdam implements Rule {
        private final double lr, beta1, beta2, epsilon;
        private double accBeta1, accBeta2;
        private double[] firstMoment, secondMoment;

        TfjsAdam(double lr, double beta1, double beta2, double epsilon) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            this.accBeta1 = beta1;
            this.accBeta2 = beta2;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (firstMoment == null) {
                firstMoment = new double[x.length];
                secondMoment = new double[x.length];
            }
            double oneMinusAccBeta1 = 1 - accBeta1;
            double oneMinusAccBeta2 = 1 - accBeta2;
            for (int i = 0; i < x.length; i++) {
                firstMoment[i] = firstMoment[i] * beta1 + g[i] * (1 - beta1);
                secondMoment[i] = secondMoment[i] * beta2 + g[i] * g[i] * (1 - beta2);
                double mHat = firstMoment[i] / oneMinusAccBeta1;
                double vHat = secondMoment[i] / oneMinusAccBeta2;
                x[i] = mHat / (Math.sqrt(vHat) + epsilon) * -lr + x[i];
            }
            accBeta1 *= beta1;
            accBeta2 *= beta2;
        }
    }

    /**
     * TF.js {@code AdamaxOptimizer.applyGradients}: {@code lr = −learningRate/(iteration·decay + 1)},
     * {@code u = max(β2·u, |g|)}, {@code value + lr/(1 − accBeta1) · m/(u + ε)}.
     */
    private static final class TfjsAdamax implements Rule {
        private final double lr, beta1, beta2, epsilon, decay;
        private double accBeta1;
        private int iteration;
        private double[] firstMoment, weightedInfNorm;

        TfjsAdamax(double lr, double beta1, double beta2, double epsilon, double decay) {
            this.lr = lr;
            this.beta1 = beta1;
            this.beta2 = beta2;
            this.epsilon = epsilon;
            this.decay = decay;
            this.accBeta1 = beta1;
        }

        @Override
        public void step(double[] x, double[] g, int t) {
            if (firstMoment == null) {
                firstMoment = new double[x.length];
                weightedInfNorm = new double[x.length];
            }
            double oneMinusAccBeta1 = 1 - accBeta1;
            double stepLr = -lr / (iteration * decay + 1);
            for (int i = 0; i < x.length; i++) {
                firstMoment[i] = firstMoment[i] * beta1 + g[i] * (1 - beta1);
                weightedInfNorm[i] = Math.max(weightedInfNorm[i] * beta2, Math.abs(g[i]));
                x[i] = stepLr / oneMinusAccBeta1 * (firstMoment[i] / (weightedInfNorm[i] + epsilon)) + x[i];
            }
            iteration++;
            accBeta1 *= beta1;
        }
    }

    /** One row of a reference trajectory. */
    private record ReferenceRow(double f, double[] x) {
    }

    private static List<ReferenceRow> referenceTrajectory(Objective objective, int steps, Rule rule) {
        double[] x = objective.start().clone();
        List<ReferenceRow> rows = new ArrayList<>();
        rows.add(new ReferenceRow(objective.value().applyAsDouble(x), x.clone()));
        for (int t = 1; t <= steps; t++) {
            double[] g = objective.gradient().apply(x);
            rule.step(x, g, t);
            rows.add(new ReferenceRow(objective.value().applyAsDouble(x), x.clone()));
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Cases
    // ---------------------------------------------------------------------------------------------------------------

    /** A run of the program and the reference it must follow; options are added after the common ones. */
    private record Case(String compat, String optimizer, List<String> options, Objective objective, int steps,
                        Supplier<Rule> reference) {

        List<String> command() {
            List<String> command = new ArrayList<>(List.of("run", "--f", objective.expression(),
                    "--x0", startByName(objective), "--optimizer", optimizer, "--compat", compat,
                    "--steps", Integer.toString(steps), "--format", "csv"));
            command.addAll(options);
            return command;
        }

        @Override
        public String toString() {
            String shownOptions = options.isEmpty() ? "(defaults)" : String.join(" ", options);
            return compat + " " + optimizer + " " + shownOptions + " on " + objective + ", " + steps + " steps";
        }
    }

    private static Arguments keras(String optimizer, Objective objective, int steps, Supplier<Rule> reference,
                                   String... options) {
        return Arguments.of(new Case("keras", optimizer, List.of(options), objective, steps, reference));
    }

    private static Arguments tfjs(String optimizer, Objective objective, int steps, Supplier<Rule> reference,
                                  String... options) {
        return Arguments.of(new Case("tfjs", optimizer, List.of(options), objective, steps, reference));
    }

    static Stream<Arguments> kerasCases() {
        double e = KERAS_EPSILON;
        return Stream.of(
                // SGD
                keras("sgd", QUADRATIC, 300, () -> new KerasSgd(KERAS_SGD_LR, 0, false)),
                keras("sgd", ROSENBROCK, 500, () -> new KerasSgd(1e-4, 0, false), "--lr", "1e-4"),
                keras("momentum", QUADRATIC, 300, () -> new KerasSgd(KERAS_SGD_LR, MOMENTUM, false)),
                keras("momentum", ROSENBROCK, 500, () -> new KerasSgd(1e-4, MOMENTUM, false), "--lr", "1e-4"),
                keras("nesterov", QUADRATIC, 300, () -> new KerasSgd(KERAS_SGD_LR, MOMENTUM, true)),
                keras("nesterov", ROSENBROCK, 500, () -> new KerasSgd(1e-4, MOMENTUM, true), "--lr", "1e-4"),
                // Adagrad
                keras("adagrad", QUADRATIC, 300,
                        () -> new KerasAdagrad(KERAS_ADAGRAD_LR, KERAS_ADAGRAD_INITIAL_ACCUMULATOR, e)),
                keras("adagrad", ROSENBROCK, 500,
                        () -> new KerasAdagrad(0.05, KERAS_ADAGRAD_INITIAL_ACCUMULATOR, e), "--lr", "0.05"),
                // ε = 1 makes its place (inside the square root) visible.
                keras("adagrad", QUADRATIC, 300,
                        () -> new KerasAdagrad(0.1, KERAS_ADAGRAD_INITIAL_ACCUMULATOR, 1), "--lr", "0.1",
                        "--eps", "1"),
                // RMSprop
                keras("rmsprop", QUADRATIC, 300,
                        () -> new KerasRmsprop(KERAS_RMSPROP_LR, KERAS_RMSPROP_RHO, 0, e, false)),
                keras("rmsprop", ROSENBROCK, 300,
                        () -> new KerasRmsprop(3e-4, KERAS_RMSPROP_RHO, 0, e, false), "--lr", "3e-4"),
                keras("rmsprop", QUADRATIC, 300,
                        () -> new KerasRmsprop(KERAS_RMSPROP_LR, KERAS_RMSPROP_RHO, 0, 1, false), "--eps", "1"),
                keras("rmsprop", QUADRATIC, 200,
                        () -> new KerasRmsprop(KERAS_RMSPROP_LR, KERAS_RMSPROP_RHO, 0, e, true), "--centered"),
                keras("rmsprop", ROSENBROCK, 200,
                        () -> new KerasRmsprop(1e-4, KERAS_RMSPROP_RHO, 0, e, true), "--centered", "--lr", "1e-4"),
                keras("rmsprop", QUADRATIC, 200,
                        () -> new KerasRmsprop(KERAS_RMSPROP_LR, KERAS_RMSPROP_RHO, 0, 0.1, true), "--centered",
                        "--eps", "0.1"),
                keras("rmsprop", QUADRATIC, 300,
                        () -> new KerasRmsprop(KERAS_RMSPROP_LR, KERAS_RMSPROP_RHO, 0.5, e, false),
                        "--momentum", "0.5"),
                keras("rmsprop", ROSENBROCK, 500,
                        () -> new KerasRmsprop(1e-4, KERAS_RMSPROP_RHO, 0.9, e, false), "--momentum", "0.9",
                        "--lr", "1e-4"),
                // Adadelta
                keras("adadelta", QUADRATIC, 300,
                        () -> new KerasAdadelta(KERAS_ADADELTA_LR, KERAS_ADADELTA_RHO, e)),
                keras("adadelta", ROSENBROCK, 300,
                        () -> new KerasAdadelta(1.0, KERAS_ADADELTA_RHO, e), "--lr", "1"),
                keras("adadelta", QUADRATIC, 500,
                        () -> new KerasAdadelta(1.0, KERAS_ADADELTA_RHO, e), "--lr", "1"),
                // Adam, AMSGrad
                keras("adam", ROSENBROCK, 500, () -> new KerasAdam(KERAS_ADAM_LR, BETA1, BETA2, e, false)),
                keras("adam", QUADRATIC, 300, () -> new KerasAdam(0.01, BETA1, BETA2, e, false), "--lr", "0.01"),
                // ε = 0.1 makes "epsilon hat" (ε not scaled by the bias corrections) visible.
                keras("adam", QUADRATIC, 300, () -> new KerasAdam(0.01, BETA1, BETA2, 0.1, false), "--lr", "0.01",
                        "--eps", "0.1"),
                keras("amsgrad", ROSENBROCK, 500, () -> new KerasAdam(KERAS_ADAM_LR, BETA1, BETA2, e, true)),
                keras("amsgrad", QUADRATIC, 300, () -> new KerasAdam(0.01, BETA1, BETA2, e, true), "--lr", "0.01"),
                keras("amsgrad", QUADRATIC, 300, () -> new KerasAdam(0.01, BETA1, BETA2, 0.1, true),
                        "--lr", "0.01", "--eps", "0.1"),
                keras("adam", QUADRATIC, 300, () -> new KerasAdam(0.01, BETA1, BETA2, e, true), "--amsgrad",
                        "--lr", "0.01"),
                // AdamW: Adam plus the base class's decoupled weight decay, 0.004 by default.
                keras("adamw", QUADRATIC, 300, () -> new KerasWeightDecay(KERAS_ADAM_LR, KERAS_ADAMW_WEIGHT_DECAY,
                        new KerasAdam(KERAS_ADAM_LR, BETA1, BETA2, e, false))),
                keras("adamw", ROSENBROCK, 500, () -> new KerasWeightDecay(0.01, KERAS_ADAMW_WEIGHT_DECAY,
                        new KerasAdam(0.01, BETA1, BETA2, e, false)), "--lr", "0.01"),
                keras("adamw", QUADRATIC, 300, () -> new KerasWeightDecay(0.01, 0.1,
                        new KerasAdam(0.01, BETA1, BETA2, e, false)), "--lr", "0.01", "--weight-decay", "0.1"),
                // Adamax
                keras("adamax", QUADRATIC, 300, () -> new KerasAdamax(KERAS_ADAM_LR, BETA1, BETA2, e)),
                keras("adamax", ROSENBROCK, 500, () -> new KerasAdamax(0.01, BETA1, BETA2, e), "--lr", "0.01"),
                // ε = 0.1 makes its place (outside the max) visible.
                keras("adamax", QUADRATIC, 300, () -> new KerasAdamax(0.01, BETA1, BETA2, 1), "--lr", "0.01",
                        "--eps", "1"),
                // Nadam
                keras("nadam", QUADRATIC, 300, () -> new KerasNadam(KERAS_ADAM_LR, BETA1, BETA2, e)),
                keras("nadam", ROSENBROCK, 500, () -> new KerasNadam(0.01, BETA1, BETA2, e), "--lr", "0.01"),
                keras("nadam", QUADRATIC, 300, () -> new KerasNadam(0.01, BETA1, BETA2, 0.1), "--lr", "0.01",
                        "--eps", "0.1"),
                // Weight decay on optimizers other than AdamW: decoupled too, from the base class.
                keras("adam", QUADRATIC, 300, () -> new KerasWeightDecay(0.01, 0.1,
                        new KerasAdam(0.01, BETA1, BETA2, e, false)), "--lr", "0.01", "--weight-decay", "0.1"),
                keras("momentum", ROSENBROCK, 500, () -> new KerasWeightDecay(1e-4, 0.5,
                        new KerasSgd(1e-4, MOMENTUM, false)), "--lr", "1e-4", "--weight-decay", "0.5"),
                keras("adagrad", QUADRATIC, 300, () -> new KerasWeightDecay(0.1, 0.2,
                        new KerasAdagrad(0.1, KERAS_ADAGRAD_INITIAL_ACCUMULATOR, e)), "--lr", "0.1",
                        "--weight-decay", "0.2"));
    }

    static Stream<Arguments> tfjsCases() {
        double e = TFJS_EPSILON;
        return Stream.of(
                // SGD and momentum: TF.js has no default learning rate; the program's apply.
                tfjs("sgd", QUADRATIC, 300, () -> new TfjsSgd(TORCH_SGD_LR)),
                tfjs("sgd", ROSENBROCK, 500, () -> new TfjsSgd(1e-4), "--lr", "1e-4"),
                tfjs("momentum", QUADRATIC, 300, () -> new TfjsMomentum(TORCH_SGD_LR, MOMENTUM, false)),
                tfjs("momentum", ROSENBROCK, 500, () -> new TfjsMomentum(1e-4, MOMENTUM, false), "--lr", "1e-4"),
                tfjs("nesterov", ROSENBROCK, 500, () -> new TfjsMomentum(1e-4, MOMENTUM, true), "--lr", "1e-4"),
                // Adagrad
                tfjs("adagrad", QUADRATIC, 300,
                        () -> new TfjsAdagrad(TORCH_ADAGRAD_LR, TFJS_ADAGRAD_INITIAL_ACCUMULATOR, e)),
                tfjs("adagrad", ROSENBROCK, 500,
                        () -> new TfjsAdagrad(0.05, TFJS_ADAGRAD_INITIAL_ACCUMULATOR, e), "--lr", "0.05"),
                tfjs("adagrad", QUADRATIC, 300,
                        () -> new TfjsAdagrad(0.1, TFJS_ADAGRAD_INITIAL_ACCUMULATOR, 1), "--lr", "0.1",
                        "--eps", "1"),
                // RMSProp (its default lr, 0.01, makes both objectives too sensitive to the gradient to compare)
                tfjs("rmsprop", QUADRATIC, 300,
                        () -> new TfjsRmsprop(1e-3, TFJS_RMSPROP_DECAY, 0, e, false), "--lr", "1e-3"),
                tfjs("rmsprop", ROSENBROCK, 300,
                        () -> new TfjsRmsprop(3e-4, TFJS_RMSPROP_DECAY, 0, e, false), "--lr", "3e-4"),
                tfjs("rmsprop", QUADRATIC, 300,
                        () -> new TfjsRmsprop(1e-3, TFJS_RMSPROP_DECAY, 0, 1, false), "--lr", "1e-3", "--eps", "1"),
                tfjs("rmsprop", ROSENBROCK, 500,
                        () -> new TfjsRmsprop(1e-4, TFJS_RMSPROP_DECAY, 0.9, e, false), "--lr", "1e-4",
                        "--momentum", "0.9"),
                tfjs("rmsprop", QUADRATIC, 200,
                        () -> new TfjsRmsprop(1e-3, TFJS_RMSPROP_DECAY, 0, e, true), "--centered", "--lr", "1e-3"),
                tfjs("rmsprop", ROSENBROCK, 200,
                        () -> new TfjsRmsprop(1e-4, TFJS_RMSPROP_DECAY, 0, e, true), "--centered", "--lr", "1e-4"),
                // ε = 1e-5 makes the sign of ε in the centered denominator visible (relative 6e-4 on x): the program
                // adds it, as Keras does, rather than copy TF.js's subtraction.
                tfjs("rmsprop", QUADRATIC, 200,
                        () -> new TfjsRmsprop(1e-3, TFJS_RMSPROP_DECAY, 0, 1e-5, true), "--centered", "--lr", "1e-3",
                        "--eps", "1e-5"),
                // Adadelta: the correct formula with TF.js's defaults (see the class comment).
                tfjs("adadelta", QUADRATIC, 300,
                        () -> new TfjsAdadelta(TFJS_ADADELTA_LR, TFJS_ADADELTA_RHO, e, false)),
                tfjs("adadelta", ROSENBROCK, 300,
                        () -> new TfjsAdadelta(1.0, TFJS_ADADELTA_RHO, e, false), "--lr", "1"),
                tfjs("adadelta", QUADRATIC, 500,
                        () -> new TfjsAdadelta(1.0, TFJS_ADADELTA_RHO, e, false), "--lr", "1"),
                // Adam
                tfjs("adam", ROSENBROCK, 500, () -> new TfjsAdam(TFJS_ADAM_LR, BETA1, BETA2, e)),
                tfjs("adam", QUADRATIC, 300, () -> new TfjsAdam(0.01, BETA1, BETA2, e), "--lr", "0.01"),
                // ε = 0.1 makes its place (outside sqrt(v̂), as in PyTorch) visible.
                tfjs("adam", QUADRATIC, 300, () -> new TfjsAdam(0.01, BETA1, BETA2, 0.1), "--lr", "0.01",
                        "--eps", "0.1"),
                // Adamax
                tfjs("adamax", QUADRATIC, 300, () -> new TfjsAdamax(TFJS_ADAMAX_LR, BETA1, BETA2, e, 0)),
                tfjs("adamax", ROSENBROCK, 500, () -> new TfjsAdamax(0.01, BETA1, BETA2, e, 0), "--lr", "0.01"),
                // ε = 1 makes its place (outside the max, as in Keras) visible.
                tfjs("adamax", QUADRATIC, 300, () -> new TfjsAdamax(0.01, BETA1, BETA2, 1, 0), "--lr", "0.01",
                        "--eps", "1"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Tests
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("kerasCases")
    void kerasTrajectoryMatchesKerasSource(Case testCase) {
        assertTrajectoryMatches(testCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tfjsCases")
    void tfjsTrajectoryMatchesTfjsSource(Case testCase) {
        assertTrajectoryMatches(testCase);
    }

    static Stream<Arguments> optimizersMissingFromTheFramework() {
        return Stream.of(
                Arguments.of("keras", "radam"),
                Arguments.of("tfjs", "nadam"),
                Arguments.of("tfjs", "adamw"),
                Arguments.of("tfjs", "amsgrad"),
                Arguments.of("tfjs", "radam"));
    }

    @ParameterizedTest(name = "--compat {0} --optimizer {1} is a usage error")
    @MethodSource("optimizersMissingFromTheFramework")
    void optimizerMissingFromTheFrameworkIsAUsageError(String compat, String optimizer) {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", optimizer, "--compat", compat,
                "--steps", "3", "--format", "csv");

        assertEquals(2, result.exitCode(), () -> "exit code; stderr: " + result.err());
        assertEquals("", result.out(), "nothing on stdout for a usage error");
        String[] lines = result.errLines();
        assertTrue(lines.length >= 1 && !lines[0].isBlank(), "a message on stderr:\n" + result.err());
        // One line saying what is wrong, optionally followed by the program's usual "Try '... --help'" pointer.
        assertTrue(lines.length == 1 || (lines.length == 2 && lines[1].startsWith("Try '")),
                "a one-line message:\n" + result.err());
        String message = lines[0].toLowerCase(Locale.ROOT);
        assertTrue(message.contains(optimizer), "the message names the optimizer:\n" + result.err());
        List<String> presetNames = compat.equals("tfjs")
                ? List.of("tfjs", "tensorflow.js", "tf.js")
                : List.of(compat);
        assertTrue(presetNames.stream().anyMatch(message::contains),
                "the message names the preset or its framework:\n" + result.err());
        assertFalse(result.err().contains("Exception"), "no exception names:\n" + result.err());
    }

    /**
     * TF.js's Adadelta, as written, on f = x², x₀ = 4, lr 1: its first step divides by the still-zero accumulator,
     * so {@code updates = sqrt(0 + ε)/sqrt(0 + ε)·g = g} and x jumps to −4; both accumulators then grow identically
     * and the ratio stays 1, so x swings 4 → −4 → 4 for ever. The program, which uses this step's accumulator, does
     * not swing: it takes small steps towards 0 and follows the correct formula.
     */
    @Test
    void tfjsAdadeltaDefectIsNotCopied() {
        int steps = 10;
        Objective square = new Objective("x^2", "x^2", List.of("x"), new double[] {4},
                p -> p[0] * p[0], p -> new double[] {2 * p[0]});

        List<ReferenceRow> literal = referenceTrajectory(square, steps,
                new TfjsAdadelta(1.0, TFJS_ADADELTA_RHO, TFJS_EPSILON, true));
        for (int step = 0; step <= steps; step++) {
            double expected = step % 2 == 0 ? 4 : -4;
            assertEquals(expected, literal.get(step).x()[0], 1e-9, "TF.js's literal Adadelta at step " + step);
        }

        List<String> command = List.of("run", "--f", "x^2", "--x0", "4", "--optimizer", "adadelta",
                "--compat", "tfjs", "--lr", "1", "--steps", Integer.toString(steps), "--format", "csv");
        CsvTable csv = new CsvTable(Cli.output(command));
        assertEquals(steps + 1, csv.size(), "number of rows for " + command);
        List<ReferenceRow> correct = referenceTrajectory(square, steps,
                new TfjsAdadelta(1.0, TFJS_ADADELTA_RHO, TFJS_EPSILON, false));
        for (int step = 1; step <= steps; step++) {
            double x = csv.number(step, "x");
            assertTrue(x > 0 && x < csv.number(step - 1, "x"),
                    "the program does not swing: step " + step + " has x = " + x);
            assertClose(correct.get(step).x()[0], x, step, "x", command);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    private static void assertTrajectoryMatches(Case testCase) {
        List<String> command = testCase.command();
        CsvTable csv = new CsvTable(Cli.output(command));
        List<ReferenceRow> reference = referenceTrajectory(testCase.objective(), testCase.steps(),
                testCase.reference().get());
        Objective objective = testCase.objective();

        assertEquals(testCase.steps() + 1, csv.size(), "number of rows for " + command);
        for (int step = 0; step <= testCase.steps(); step++) {
            ReferenceRow expected = reference.get(step);
            assertEquals(step, (int) csv.number(step, "step"), "step column of row " + step);
            assertClose(expected.f(), csv.number(step, "f"), step, "f", command);
            for (int i = 0; i < objective.variables().size(); i++) {
                String variable = objective.variables().get(i);
                assertClose(expected.x()[i], csv.number(step, variable), step, variable, command);
            }
        }
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

    private static void assertClose(double expected, double actual, int step, String column, List<String> command) {
        double allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(expected), RELATIVE_FLOOR);
        if (!(Math.abs(actual - expected) <= allowed)) {
            fail("step " + step + ", column " + column + ": program " + actual + ", reference " + expected
                    + " (relative difference " + Math.abs(actual - expected) / Math.abs(expected) + ") for "
                    + command);
        }
    }
}
