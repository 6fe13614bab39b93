package dev.adagrad.fit;

import dev.adagrad.data.Dataset;
import dev.adagrad.expr.DifferentiableObjective;
import dev.adagrad.expr.Objective;
import dev.adagrad.expr.ParsedExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * The objective of one training step: the mean of a per-row loss over the rows of the current batch, plus an optional
 * L2 penalty λ·Σw² over some parameters. The parameters are the objective's variables; the data columns the loss
 * names are set from each row in turn.
 *
 * <p>The per-row loss is compiled once (see {@code Objective.compile}) over the parameters followed by the data
 * columns it names. An evaluation copies the parameters into a scratch point once, then for each row the row's values,
 * and evaluates; it allocates nothing. The exact gradient of the batch mean is the mean of the rows' exact gradients
 * (their parameter components) plus 2λw for each penalized parameter. Not thread-safe (the scratch point and the
 * batch are per object); see {@link #copy()}.
 */
public final class BatchLoss extends SelectedRows {

    private final String text;
    private final Dataset data;
    private final int[] dataColumns;
    private final String[] parameters;
    private final Objective rowLoss;
    private final double l2;
    private final int[] penalized;
    private final double[] point;
    private final double[] rowGradient;

    private BatchLoss(String text, Dataset data, int[] dataColumns, String[] parameters, Objective rowLoss,
                      double l2, int[] penalized) {
        super(data.rows());
        this.text = text;
        this.data = data;
        this.dataColumns = dataColumns;
        this.parameters = parameters;
        this.rowLoss = rowLoss;
        this.l2 = l2;
        this.penalized = penalized;
        this.point = new double[parameters.length + dataColumns.length];
        this.rowGradient = new double[point.length];
    }

    /**
     * Compiles the per-row loss.
     *
     * @param parsed     the checked per-row loss; its identifiers are data columns, parameters or constants
     * @param data       the rows; every identifier that is a column of it is set from the row
     * @param parameters the variables of the objective, in the order of the point's coordinates; none is a column
     * @param l2         λ ≥ 0
     * @param penalized  the parameters λ·Σw² sums over (the weights, not the bias)
     */
    public static BatchLoss compile(ParsedExpression parsed, Dataset data, List<String> parameters, double l2,
                                    List<String> penalized) {
        List<String> used = parsed.identifiers().stream().filter(name -> data.column(name) >= 0)
                .filter(name -> !parameters.contains(name)).toList();
        int[] columns = used.stream().mapToInt(data::column).toArray();
        int[] penalizedIndices = penalized.stream().mapToInt(parameters::indexOf).toArray();
        for (int index : penalizedIndices) {
            if (index < 0) {
                throw new IllegalArgumentException("a penalized name is not a parameter: " + penalized);
            }
        }
        List<String> variables = new ArrayList<>(parameters);
        variables.addAll(used);
        return new BatchLoss(parsed.text(), data, columns, parameters.toArray(String[]::new),
                Objective.compile(parsed, variables), l2, penalizedIndices);
    }

    /** A loss written by hand has no classes. */
    @Override
    public boolean classifies() {
        return false;
    }

    /** The number of rows in the batch. */
    public int batchRows() {
        return to - from;
    }

    /** Whether {@link #valueAndGradient} is available: the per-row loss compiled (it was not too large). */
    @Override
    public boolean differentiable() {
        return rowLoss instanceof DifferentiableObjective;
    }

    /** The mean loss over the batch's rows at these parameters, plus λ·Σw²; NaN where the loss is undefined. */
    @Override
    public double value(double[] x) {
        System.arraycopy(x, 0, point, 0, parameters.length);
        double sum = 0;
        for (int k = from; k < to; k++) {
            checkStop(k);
            setRow(k);
            sum += rowLoss.value(point);
        }
        return sum / (to - from) + penalty(x);
    }

    /**
     * The mean loss and its exact gradient with respect to the parameters.
     *
     * @throws IllegalStateException if the per-row loss is not {@link #differentiable()}
     */
    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        if (!(rowLoss instanceof DifferentiableObjective differentiable)) {
            throw new IllegalStateException("the loss is too large for an exact gradient: " + text);
        }
        int n = parameters.length;
        System.arraycopy(x, 0, point, 0, n);
        java.util.Arrays.fill(gradient, 0, n, 0.0);
        double sum = 0;
        for (int k = from; k < to; k++) {
            checkStop(k);
            setRow(k);
            sum += differentiable.valueAndGradient(point, rowGradient);
            for (int p = 0; p < n; p++) {
                gradient[p] += rowGradient[p];
            }
        }
        int rows = to - from;
        for (int p = 0; p < n; p++) {
            gradient[p] /= rows;
        }
        for (int index : penalized) {
            gradient[index] += 2 * l2 * x[index];
        }
        return sum / rows + penalty(x);
    }

    private void setRow(int k) {
        double[] values = data.values();
        int base = row(k) * data.width();
        int n = parameters.length;
        for (int j = 0; j < dataColumns.length; j++) {
            point[n + j] = values[base + dataColumns[j]];
        }
    }

    /** λ·Σw² over the penalized parameters. */
    public double penalty(double[] x) {
        if (l2 == 0) {
            return 0;
        }
        double sum = 0;
        for (int index : penalized) {
            sum += x[index] * x[index];
        }
        return l2 * sum;
    }

    @Override
    public List<String> variables() {
        return List.of(parameters);
    }

    @Override
    public int dimension() {
        return parameters.length;
    }

    @Override
    public String text() {
        return text;
    }

    public Dataset data() {
        return data;
    }

    /** A copy with its own scratch point and its own batch (every row); the compiled loss and the data are shared. */
    @Override
    public BatchLoss copy() {
        return watching(new BatchLoss(text, data, dataColumns, parameters, rowLoss.copy(), l2, penalized));
    }
}
