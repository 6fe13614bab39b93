package dev.adagrad.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.data.LabelledRows;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linear models' loss and gradient by hand on three sparse rows, and the packed gradient of a sparse step equal
 * to the dense gradient at the features a batch has (and 0 elsewhere).
 */
class LinearModelTest {

    /**
     * Rows over d = 5 features (0-based): row 0 has x₁ = 2, x₄ = −1; row 1 has x₀ = 1, x₁ = 3; row 2 has x₃ = 0.5.
     */
    private static LabelledRows rows(double... labels) {
        return new LabelledRows("test", null, 5, new int[] {0, 2, 4, 5}, new int[] {1, 4, 0, 1, 3},
                new double[] {2, -1, 1, 3, 0.5}, labels, new int[] {1, 2, 3});
    }

    private static final double[] X = {0.5, -0.25, 0.0, 2.0, 1.0, 0.125}; // w₀..w₄, b

    /** z of each row at X, by hand: b + Σ wⱼxⱼ. */
    private static final double[] Z = {0.125 - 0.5 - 1.0, 0.125 + 0.5 - 0.75, 0.125 + 1.0};

    @Test
    void hingeLossAndSubgradientByHand() {
        LinearModel hinge = new LinearModel(rows(1, -1, 1), LinearModel.Loss.HINGE, 0);
        // z = −1.375, −0.125, 1.125; margins 1 − y·z: 2.375 and 0.875 (active), −0.125 (not)
        double expectedLoss = (2.375 + 0.875 + 0) / 3;
        double[] g = new double[6];
        assertEquals(expectedLoss, hinge.valueAndGradient(X, g), 1e-15);
        // ∂/∂w = mean of −y·x over the active rows: row 0 (y = 1): −x; row 1 (y = −1): +x
        double[] expected = {1.0 / 3, (-2 + 3) / 3.0, 0, 0, 1.0 / 3, (-1 + 1) / 3.0};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], g[i], 1e-15, "component " + i);
        }
        assertEquals(2.0 / 3, hinge.accuracy(), 1e-15, "row 0 (z < 0, y = 1) wrong, rows 1 and 2 right");
    }

    @Test
    void squaredErrorByHand() {
        double[] y = {1, 2, -1};
        LinearModel linear = new LinearModel(rows(y), LinearModel.Loss.LINEAR, 0.5);
        double loss = 0;
        double[] expected = new double[6];
        double[][] dense = {{0, 2, 0, 0, -1}, {1, 3, 0, 0, 0}, {0, 0, 0, 0.5, 0}};
        for (int r = 0; r < 3; r++) {
            double residual = Z[r] - y[r];
            loss += residual * residual / 3;
            for (int j = 0; j < 5; j++) {
                expected[j] += 2 * residual * dense[r][j] / 3;
            }
            expected[5] += 2 * residual / 3;
        }
        double penalty = 0;
        for (int j = 0; j < 5; j++) {
            penalty += X[j] * X[j];
            expected[j] += 2 * 0.5 * X[j];
        }
        double[] g = new double[6];
        assertEquals(loss + 0.5 * penalty, linear.valueAndGradient(X, g), 1e-14);
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], g[i], 1e-14, "component " + i);
        }
        assertEquals(-1, linear.active(new int[6]), "with L2 every weight has a gradient");
    }

    @Test
    void thePackedGradientIsTheDenseOneAtTheBatchsFeatures() {
        for (LinearModel.Loss loss : LinearModel.Loss.values()) {
            LinearModel model = new LinearModel(rows(1, -1, 1), loss, 0);
            for (int[] batch : List.of(new int[] {0, 2}, new int[] {1}, new int[] {2, 1, 0})) {
                model.select(batch, 0, batch.length);
                double[] dense = new double[6];
                double denseLoss = model.valueAndGradient(X, dense);
                int[] active = new int[6];
                int count = model.active(active);
                double[] packed = new double[6];
                java.util.Arrays.fill(packed, Double.NaN); // whatever was there before must not matter
                assertEquals(denseLoss, model.valueAndActiveGradient(X, packed), 0, loss + " loss");
                boolean[] seen = new boolean[6];
                for (int k = 0; k < count; k++) {
                    assertEquals(dense[active[k]], packed[k], 1e-15, loss + ": variable " + active[k]);
                    seen[active[k]] = true;
                }
                for (int i = 0; i < 6; i++) {
                    if (!seen[i]) {
                        assertEquals(0, dense[i], 0, loss + ": a variable left out has no gradient");
                    }
                }
                assertEquals(true, seen[5], "b is always active");
            }
        }
    }
}
