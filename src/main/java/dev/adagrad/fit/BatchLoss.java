package dev.adagrad.fit;

import dev.adagrad.data.Dataset;
import dev.adagrad.expr.ExpressionObjective;
import dev.adagrad.expr.Objective;
import dev.adagrad.expr.ParsedExpression;
import java.util.List;
import net.objecthunter.exp4j.Expression;

/**
 * The objective of one training step: the mean of a per-row loss over the rows of the current batch, plus an optional
 * L2 penalty λ·Σw² over some parameters. The parameters are the objective's variables; the data columns the loss
 * names are set from each row in turn.
 *
 * <p>The expression is compiled once. An evaluation sets the parameters once, then for each row the row's values and
 * evaluates; it allocates no arrays of its own (exp4j boxes each value it is given and allocates a small stack per
 * evaluation: acceptable until a compiled evaluator replaces it). Not thread-safe; see {@link #copy()}.
 */
public final class BatchLoss implements Objective {

    private final String text;
    private final Dataset data;
    private final String[] dataNames;
    private final int[] dataColumns;
    private final String[] parameters;
    private final Expression expression;
    private final double l2;
    private final int[] penalized;
    private int[] order;
    private int from;
    private int to;

    private BatchLoss(String text, Dataset data, String[] dataNames, int[] dataColumns, String[] parameters,
                      Expression expression, double l2, int[] penalized) {
        this.text = text;
        this.data = data;
        this.dataNames = dataNames;
        this.dataColumns = dataColumns;
        this.parameters = parameters;
        this.expression = expression;
        this.l2 = l2;
        this.penalized = penalized;
        this.to = data.rows();
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
        return new BatchLoss(parsed.text(), data, used.toArray(String[]::new), columns,
                parameters.toArray(String[]::new), ExpressionObjective.build(parsed), l2, penalizedIndices);
    }

    /** The batch is the rows {@code order[from]}, …, {@code order[to − 1]}. The array is used, not copied. */
    public void select(int[] order, int from, int to) {
        this.order = order;
        this.from = from;
        this.to = to;
    }

    /** The batch is every row, in the file's order. */
    public void selectAll() {
        this.order = null;
        this.from = 0;
        this.to = data.rows();
    }

    /** The number of rows in the batch. */
    public int batchRows() {
        return to - from;
    }

    /** The mean loss over the batch's rows at these parameters, plus λ·Σw²; NaN where the loss is undefined. */
    @Override
    public double value(double[] x) {
        for (int p = 0; p < parameters.length; p++) {
            expression.setVariable(parameters[p], x[p]);
        }
        double[] values = data.values();
        int width = data.width();
        double sum = 0;
        for (int k = from; k < to; k++) {
            int base = (order == null ? k : order[k]) * width;
            for (int j = 0; j < dataColumns.length; j++) {
                expression.setVariable(dataNames[j], values[base + dataColumns[j]]);
            }
            sum += evaluate();
        }
        return sum / (to - from) + penalty(x);
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

    private double evaluate() {
        try {
            return expression.evaluate();
        } catch (ArithmeticException e) {
            return Double.NaN;
        }
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

    /** A copy with its own exp4j state and its own batch (every row). */
    @Override
    public BatchLoss copy() {
        return new BatchLoss(text, data, dataNames, dataColumns, parameters, new Expression(expression), l2,
                penalized);
    }
}
