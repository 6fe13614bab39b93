package dev.adagrad.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.data.Dataset;
import dev.adagrad.data.LabelledRows;
import dev.adagrad.expr.ExpressionSyntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchLossTest {

    /** Three rows (x1, x2, y) with labels ±1. */
    private static final double[][] ROWS = {{1, 0, 1}, {0.5, -2, -1}, {-1, 3, 1}};

    private static Dataset data() {
        double[] values = new double[9];
        for (int r = 0; r < 3; r++) {
            System.arraycopy(ROWS[r], 0, values, 3 * r, 3);
        }
        return new Dataset("rows", List.of("x1", "x2", "y"), 3, values);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * Logistic loss with L2: L = mean(log(1 + e^(−y·z))) + λ(w₁² + w₂²), z = w₁x₁ + w₂x₂ + b. By hand:
     * ∂L/∂w_j = mean(−y·x_j·σ(−y·z)) + 2λw_j and ∂L/∂b = mean(−y·σ(−y·z)).
     */
    @Test
    void theExactGradientOfTheMeanLogisticLossWithL2IsTheHandDerivedOne() {
        List<String> parameters = List.of("w_x1", "w_x2", "b");
        double l2 = 0.05;
        BatchLoss loss = BatchLoss.compile(ExpressionSyntax.check("softplus(-y*(w_x1*x1+w_x2*x2+b))"), data(),
                parameters, l2, parameters.subList(0, 2));
        LinearModel model = new LinearModel(LabelledRows.fromDataset(data(), 2), LinearModel.Loss.LOGISTIC, l2);
        double[] x = {0.3, -0.7, 0.2};

        double expectedLoss = 0;
        double[] expected = new double[3];
        for (double[] row : ROWS) {
            double z = x[0] * row[0] + x[1] * row[1] + x[2];
            double y = row[2];
            expectedLoss += Math.log1p(Math.exp(-y * z)) / 3;
            double s = sigmoid(-y * z);
            expected[0] += -y * row[0] * s / 3;
            expected[1] += -y * row[1] * s / 3;
            expected[2] += -y * s / 3;
        }
        expectedLoss += l2 * (x[0] * x[0] + x[1] * x[1]);
        expected[0] += 2 * l2 * x[0];
        expected[1] += 2 * l2 * x[1];

        double[] gradient = new double[3];
        assertEquals(expectedLoss, loss.valueAndGradient(x, gradient), 1e-14);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], gradient[i], 1e-14, parameters.get(i));
        }
        double[] modelGradient = new double[3];
        assertEquals(expectedLoss, model.valueAndGradient(x, modelGradient), 1e-14, "the built-in logistic model");
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], modelGradient[i], 1e-14, "the built-in model's " + parameters.get(i));
        }
        assertEquals(parameters, model.variables());
        assertEquals(expectedLoss, loss.value(x), 1e-14);
    }

    @Test
    void aBatchIsTheMeanOverItsRowsOnly() {
        BatchLoss loss = BatchLoss.compile(ExpressionSyntax.check("(w*x1-y)^2"), data(), List.of("w"), 0, List.of());
        loss.select(new int[] {2, 0, 1}, 0, 2); // rows 2 and 0
        double[] gradient = new double[1];
        // at w = 2: row 2 gives (−2 − 1)² = 9, row 0 gives (2 − 1)² = 1; d/dw: 2·(−3)·(−1) = 6 and 2·1·1 = 2
        assertEquals(5, loss.valueAndGradient(new double[] {2}, gradient), 1e-15);
        assertEquals(4, gradient[0], 1e-15);
    }
}
