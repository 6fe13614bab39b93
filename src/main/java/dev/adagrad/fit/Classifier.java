package dev.adagrad.fit;

import dev.adagrad.data.Dataset;

/**
 * Accuracy of a linear classifier: the fraction of rows whose label (±1) has the sign of z = Σ wⱼxⱼ + b, with z = 0
 * counted as −1 (scikit-learn's {@code decision_function > 0} rule). The parameters are the model's: one weight per
 * feature column in order, then the bias.
 */
public final class Classifier {

    private final Dataset data;
    private final int[] featureColumns;
    private final int targetColumn;

    public Classifier(Dataset data, int[] featureColumns, int targetColumn) {
        this.data = data;
        this.featureColumns = featureColumns.clone();
        this.targetColumn = targetColumn;
    }

    /** The fraction of all rows classified correctly at these parameters. */
    public double accuracy(double[] parameters) {
        double[] values = data.values();
        int width = data.width();
        int features = featureColumns.length;
        double bias = parameters[features];
        long correct = 0;
        for (int r = 0; r < data.rows(); r++) {
            int base = r * width;
            double z = bias;
            for (int j = 0; j < features; j++) {
                z += parameters[j] * values[base + featureColumns[j]];
            }
            double predicted = z > 0 ? 1 : -1;
            if (predicted == values[base + targetColumn]) {
                correct++;
            }
        }
        return (double) correct / data.rows();
    }
}
