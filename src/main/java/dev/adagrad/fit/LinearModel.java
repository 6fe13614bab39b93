package dev.adagrad.fit;

import dev.adagrad.data.LabelledRows;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * A linear model z = Σ wⱼxⱼ + b over every feature, with one of three per-row losses averaged over the selected rows,
 * plus λ·Σw² (not b) when {@code l2} > 0. The parameters are w₁ … w_d, then b. Value and exact gradient are computed
 * directly, row by row over the stored values, so a batch costs its nonzeros, not d (no expression text, no limit on
 * the number of features).
 *
 * <ul>
 *   <li>{@code linear}: (z − y)², ∂/∂z = 2(z − y)</li>
 *   <li>{@code logistic}: log(1 + e^(−y·z)) for labels ±1, computed as softplus(−y·z) = max(t, 0) + log1p(e^(−|t|))
 *       so it stays finite for large |z|; ∂/∂z = −y·σ(−y·z)</li>
 *   <li>{@code hinge}: max(0, 1 − y·z) for labels ±1; ∂/∂z = −y where 1 − y·z > 0, else 0</li>
 * </ul>
 * A classifier's accuracy counts z > 0 as class 1 and z ≤ 0 as −1 (scikit-learn's {@code decision_function > 0}).
 */
public final class LinearModel extends SelectedRows {

    /** The per-row loss. */
    public enum Loss {
        LINEAR, LOGISTIC, HINGE;

        boolean classifies() {
            return this != LINEAR;
        }
    }

    private final LabelledRows data;
    private final Loss loss;
    private final double l2;
    private final int d;
    private final String text;
    /** For each feature, the selection it was last marked active in (high half) and its slot there (low half). */
    private final long[] marks;
    private int stamp;
    /** Where {@link #active} put b in the packed gradient: after the features. */
    private int biasSlot;

    /** @param data labels ±1 for logistic and hinge (see {@link LabelledRows#toClasses}) */
    public LinearModel(LabelledRows data, Loss loss, double l2) {
        super(data.rows());
        this.data = data;
        this.loss = loss;
        this.l2 = l2;
        this.d = data.features();
        this.text = loss.name().toLowerCase(java.util.Locale.ROOT) + " model of " + data.source();
        this.marks = new long[d];
    }

    /** The same model over other rows with as many features (the validation rows). */
    public LinearModel on(LabelledRows rows) {
        return new LinearModel(rows, loss, l2);
    }

    /** The parameters' names: w_<feature> for each feature, then b. */
    public static List<String> parameterNames(LabelledRows data) {
        int d = data.features();
        return new AbstractList<>() {
            @Override
            public String get(int i) {
                return i == d ? "b" : "w_" + data.featureName(i);
            }

            @Override
            public int size() {
                return d + 1;
            }
        };
    }

    @Override
    public boolean classifies() {
        return loss.classifies();
    }

    @Override
    public boolean differentiable() {
        return true;
    }

    @Override
    public double value(double[] x) {
        return evaluate(x, null, false);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0, d + 1, 0.0);
        return evaluate(x, gradient, false);
    }

    @Override
    public int active(int[] into) {
        if (l2 != 0) {
            return -1; // the penalty's gradient 2λw is nonzero at every weight
        }
        if (to - from == 1) { // one row: its features are distinct already, and its slots are their positions
            int row = row(from);
            int start = data.start(row);
            double[] values = data.values();
            int count = 0;
            for (int s = start; s < data.end(row); s++) {
                if (values[s] != 0) {
                    into[count++] = data.feature(s, start);
                }
            }
            biasSlot = count;
            into[count++] = d;
            return count;
        }
        stamp++;
        if (stamp == Integer.MAX_VALUE) { // after 2³¹ selections: start the marks afresh
            Arrays.fill(marks, 0);
            stamp = 1;
        }
        long mark = (long) stamp << 32;
        int count = 0;
        double[] values = data.values();
        for (int k = from; k < to; k++) {
            int row = row(k);
            int start = data.start(row);
            for (int s = start; s < data.end(row); s++) {
                int j = data.feature(s, start);
                if (values[s] != 0 && (marks[j] & 0xFFFF_FFFF_0000_0000L) != mark) {
                    marks[j] = mark | count;
                    into[count++] = j;
                }
            }
        }
        biasSlot = count;
        into[count++] = d; // the bias: every row has it
        return count;
    }

    @Override
    public double valueAndActiveGradient(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0, biasSlot + 1, 0.0); // packed: the active features, then b
        return evaluate(x, gradient, true);
    }

    /** The loss of one row whose linear part is z and label y. */
    private double rowLoss(double z, double y) {
        return switch (loss) {
            case LINEAR -> (z - y) * (z - y);
            case LOGISTIC -> {
                double t = -y * z;
                yield Math.max(t, 0) + Math.log1p(Math.exp(-Math.abs(t)));
            }
            case HINGE -> Math.max(0, 1 - y * z);
        };
    }

    /** ∂(row loss)/∂z. */
    private double derivative(double z, double y) {
        return switch (loss) {
            case LINEAR -> 2 * (z - y);
            case LOGISTIC -> -y * sigmoid(-y * z);
            case HINGE -> 1 - y * z > 0 ? -y : 0;
        };
    }

    /**
     * The mean loss over the selection at x; with a gradient array, adds the mean's gradient into it: at the stored
     * features and b, and 2λw at every weight; or, {@code packed}, at the slots {@link #active} gave them (no λ then).
     */
    private double evaluate(double[] x, double[] gradient, boolean packed) {
        double[] values = data.values();
        double bias = x[d];
        double sum = 0;
        long correct = 0;
        int n = to - from;
        double scale = 1.0 / n;
        for (int k = from; k < to; k++) {
            checkStop(k);
            int row = row(k);
            int start = data.start(row);
            int end = data.end(row);
            double z = bias;
            for (int s = start; s < end; s++) {
                z += x[data.feature(s, start)] * values[s];
            }
            double y = data.label(row);
            double dz = derivative(z, y);
            sum += rowLoss(z, y);
            if (loss.classifies() && (z > 0 ? 1 : -1) == y) {
                correct++;
            }
            if (gradient != null && dz != 0) {
                double g = dz * scale;
                int slot = 0;
                for (int s = start; s < end; s++) {
                    if (!packed) {
                        gradient[data.feature(s, start)] += g * values[s];
                    } else if (values[s] != 0) {
                        // one row: the slots are the positions of its nonzeros (see active)
                        gradient[n == 1 ? slot++ : (int) marks[data.feature(s, start)]] += g * values[s];
                    }
                }
                gradient[packed ? biasSlot : d] += g;
            }
        }
        accuracy = loss.classifies() ? (double) correct / n : Double.NaN;
        double penalty = 0;
        if (l2 != 0) {
            for (int j = 0; j < d; j++) {
                penalty += x[j] * x[j];
                if (gradient != null) {
                    gradient[j] += 2 * l2 * x[j];
                }
            }
        }
        return sum * scale + l2 * penalty;
    }

    /** σ(t) = 1 / (1 + e^(−t)), without overflow for large |t|. */
    static double sigmoid(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }

    @Override
    public List<String> variables() {
        return parameterNames(data);
    }

    @Override
    public int dimension() {
        return d + 1;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public LinearModel copy() {
        return watching(new LinearModel(data, loss, l2));
    }
}
