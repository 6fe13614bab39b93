package dev.adagrad.fit;

import dev.adagrad.data.LabelledRows;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A multi-layer perceptron, Keras's {@code Sequential([Dense(h₁, act), …, Dense(1, out)])}: hidden layers with one
 * activation, then one output unit, sigmoid with binary cross-entropy for 0/1 labels or linear with squared error.
 * Value and exact gradient by backpropagation, one row at a time, allocating nothing.
 *
 * <p>The parameters are the layers' kernels and biases in order, W1, b1, W2, b2, …: kernel l is a matrix of
 * (inputs × units) stored row by row, as Keras stores a Dense kernel, so W1[i][u] joins input i to unit u.
 *
 * <p>Binary cross-entropy is computed from the output's logit z as softplus(z) − y·z, which is exact and finite for
 * any z, with gradient σ(z) − y (PyTorch's {@code BCEWithLogitsLoss}). With {@code clip} (Keras's convention) p = σ(z)
 * is first clipped to [1e−7, 1 − 1e−7] and the loss is −(y·log p + (1 − y)·log(1 − p)); where p was clipped the
 * gradient is 0, as it is through {@code clip_by_value}. Accuracy counts p > 0.5, that is z > 0, as class 1.
 */
public final class Mlp extends SelectedRows {

    /** A hidden layer's activation. */
    public enum Activation {
        RELU, TANH, SIGMOID;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        double apply(double z) {
            return switch (this) {
                case RELU -> z > 0 ? z : 0;
                case TANH -> Math.tanh(z);
                case SIGMOID -> LinearModel.sigmoid(z);
            };
        }

        /** The derivative at pre-activation z whose activation is a. */
        double derivative(double z, double a) {
            return switch (this) {
                case RELU -> z > 0 ? 1 : 0;
                case TANH -> 1 - a * a;
                case SIGMOID -> a * (1 - a);
            };
        }
    }

    /** The output unit and its loss. */
    public enum Output { BCE, MSE }

    /** Keras's epsilon: binary cross-entropy clips p to [EPSILON, 1 − EPSILON]. */
    public static final double EPSILON = 1e-7;

    private final LabelledRows data;
    private final int[] sizes;
    private final Activation activation;
    private final Output output;
    private final boolean clip;
    private final double l2;
    private final int[] kernelAt;
    private final int[] biasAt;
    private final int dimension;
    private final double[][] z;
    private final double[][] a;
    private final double[][] delta;

    /**
     * @param hidden the units of each hidden layer, at least one layer
     * @param l2     λ: adds λ·Σ W² over every kernel (not the biases)
     */
    public Mlp(LabelledRows data, int[] hidden, Activation activation, Output output, boolean clip, double l2) {
        super(data.rows());
        this.data = data;
        this.sizes = new int[hidden.length + 2];
        sizes[0] = data.features();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 1;
        this.activation = activation;
        this.output = output;
        this.clip = clip;
        this.l2 = l2;
        int layers = sizes.length - 1;
        kernelAt = new int[layers];
        biasAt = new int[layers];
        long at = 0;
        for (int l = 0; l < layers; l++) {
            kernelAt[l] = (int) at;
            at += (long) sizes[l] * sizes[l + 1];
            biasAt[l] = (int) at;
            at += sizes[l + 1];
            if (at > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the network has more than 2³¹ parameters");
            }
        }
        dimension = (int) at;
        z = new double[layers + 1][];
        a = new double[layers + 1][];
        delta = new double[layers + 1][];
        for (int l = 1; l <= layers; l++) {
            z[l] = new double[sizes[l]];
            a[l] = new double[sizes[l]];
            delta[l] = new double[sizes[l]];
        }
    }

    /** The same network over other rows with as many features (the validation rows). */
    public Mlp on(LabelledRows rows) {
        return new Mlp(rows, hiddenSizes(), activation, output, clip, l2);
    }

    private int[] hiddenSizes() {
        return Arrays.copyOfRange(sizes, 1, sizes.length - 1);
    }

    /** Units per layer: the inputs, each hidden layer, the one output. */
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * Glorot-uniform kernels (each entry uniform in ±√(6 / (inputs + units)), Keras's default), drawn in the order of
     * the parameters from a stream seeded with {@code seed}; biases 0.
     */
    public double[] glorotUniform(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[dimension];
        for (int l = 0; l < kernelAt.length; l++) {
            double limit = Math.sqrt(6.0 / (sizes[l] + sizes[l + 1]));
            for (int k = kernelAt[l]; k < biasAt[l]; k++) {
                x[k] = -limit + 2 * limit * random.nextDouble();
            }
        }
        return x;
    }

    /** Where kernel l (0-based) starts in the parameter vector; its bias follows it. */
    public int kernelAt(int layer) {
        return kernelAt[layer];
    }

    public int biasAt(int layer) {
        return biasAt[layer];
    }

    @Override
    public boolean classifies() {
        return output == Output.BCE;
    }

    @Override
    public boolean differentiable() {
        return true;
    }

    @Override
    public double value(double[] x) {
        return evaluate(x, null);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0, dimension, 0.0);
        return evaluate(x, gradient);
    }

    private double evaluate(double[] x, double[] gradient) {
        int layers = sizes.length - 1;
        int n = to - from;
        double scale = 1.0 / n;
        double sum = 0;
        long correct = 0;
        for (int k = from; k < to; k++) {
            checkStop(k);
            int row = row(k);
            forward(x, row);
            double logit = z[layers][0];
            double y = data.label(row);
            double dz;
            if (output == Output.MSE) {
                double r = logit - y;
                sum += r * r;
                dz = 2 * r;
            } else {
                if (logit > 0 == (y == 1)) {
                    correct++;
                }
                if (clip) {
                    double p = LinearModel.sigmoid(logit);
                    boolean clipped = p < EPSILON || p > 1 - EPSILON;
                    double q = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
                    sum += -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
                    dz = clipped ? 0 : p - y;
                } else {
                    sum += Math.max(logit, 0) + Math.log1p(Math.exp(-Math.abs(logit))) - y * logit;
                    dz = LinearModel.sigmoid(logit) - y;
                }
            }
            if (gradient != null) {
                backward(x, row, dz * scale, gradient);
            }
        }
        accuracy = classifies() ? (double) correct / n : Double.NaN;
        double penalty = 0;
        if (l2 != 0) {
            for (int l = 0; l < layers; l++) {
                for (int p = kernelAt[l]; p < biasAt[l]; p++) {
                    penalty += x[p] * x[p];
                    if (gradient != null) {
                        gradient[p] += 2 * l2 * x[p];
                    }
                }
            }
        }
        return sum * scale + l2 * penalty;
    }

    /** z[l] and a[l] for every layer from one row; the last layer's a is its z (the loss applies the output). */
    private void forward(double[] x, int row) {
        int layers = sizes.length - 1;
        double[] values = data.values();
        int start = data.start(row);
        int end = data.end(row);
        int units = sizes[1];
        double[] z1 = z[1];
        System.arraycopy(x, biasAt[0], z1, 0, units);
        for (int s = start; s < end; s++) {
            double v = values[s];
            if (v != 0) {
                int w = kernelAt[0] + data.feature(s, start) * units;
                for (int u = 0; u < units; u++) {
                    z1[u] += v * x[w + u];
                }
            }
        }
        for (int l = 1; l <= layers; l++) {
            double[] zl = z[l];
            double[] al = a[l];
            if (l > 1) {
                int inputs = sizes[l - 1];
                int out = sizes[l];
                double[] previous = a[l - 1];
                System.arraycopy(x, biasAt[l - 1], zl, 0, out);
                for (int i = 0; i < inputs; i++) {
                    double v = previous[i];
                    int w = kernelAt[l - 1] + i * out;
                    for (int u = 0; u < out; u++) {
                        zl[u] += v * x[w + u];
                    }
                }
            }
            if (l < layers) {
                for (int u = 0; u < zl.length; u++) {
                    al[u] = activation.apply(zl[u]);
                }
            } else {
                System.arraycopy(zl, 0, al, 0, zl.length);
            }
        }
    }

    /** Adds this row's gradient, given ∂loss/∂(output logit) already scaled by 1/n, into {@code gradient}. */
    private void backward(double[] x, int row, double dOutput, double[] gradient) {
        int layers = sizes.length - 1;
        delta[layers][0] = dOutput;
        for (int l = layers; l >= 1; l--) {
            double[] dl = delta[l];
            int out = sizes[l];
            int inputs = sizes[l - 1];
            int kernel = kernelAt[l - 1];
            int bias = biasAt[l - 1];
            for (int u = 0; u < out; u++) {
                gradient[bias + u] += dl[u];
            }
            if (l > 1) {
                double[] previous = a[l - 1];
                double[] dPrevious = delta[l - 1];
                double[] zPrevious = z[l - 1];
                for (int i = 0; i < inputs; i++) {
                    int w = kernel + i * out;
                    double back = 0;
                    for (int u = 0; u < out; u++) {
                        gradient[w + u] += previous[i] * dl[u];
                        back += x[w + u] * dl[u];
                    }
                    dPrevious[i] = back * activation.derivative(zPrevious[i], previous[i]);
                }
            } else {
                double[] values = data.values();
                int start = data.start(row);
                for (int s = start; s < data.end(row); s++) {
                    double v = values[s];
                    if (v != 0) {
                        int w = kernel + data.feature(s, start) * out;
                        for (int u = 0; u < out; u++) {
                            gradient[w + u] += v * dl[u];
                        }
                    }
                }
            }
        }
    }

    /** W1[i][u], b1[u], …: 0-based, as in the arrays of a {@code --save} file. */
    @Override
    public List<String> variables() {
        return new AbstractList<>() {
            @Override
            public String get(int p) {
                for (int l = kernelAt.length - 1; l >= 0; l--) {
                    if (p >= biasAt[l]) {
                        return "b" + (l + 1) + "[" + (p - biasAt[l]) + "]";
                    }
                    if (p >= kernelAt[l]) {
                        int q = p - kernelAt[l];
                        return "W" + (l + 1) + "[" + q / sizes[l + 1] + "][" + q % sizes[l + 1] + "]";
                    }
                }
                throw new IndexOutOfBoundsException(p);
            }

            @Override
            public int size() {
                return dimension;
            }
        };
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String text() {
        return "mlp " + Arrays.toString(sizes) + " (" + activation.label() + ") of " + data.source();
    }

    @Override
    public Mlp copy() {
        return watching(new Mlp(data, hiddenSizes(), activation, output, clip, l2));
    }
}
