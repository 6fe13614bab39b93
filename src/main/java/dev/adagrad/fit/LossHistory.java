package dev.adagrad.fit;

import java.util.Arrays;

/**
 * The loss after every epoch of a fit, printed or not, from epoch 0 (the start), and the accuracy for a classifier
 * (NaN otherwise): what a picture of the loss curve is drawn from. Arrays are sized once for the planned epochs, so
 * recording allocates nothing.
 */
public final class LossHistory {

    private final double[] loss;
    private final double[] accuracy;
    private final double[] validationLoss;
    private final double[] validationAccuracy;
    private int size;

    LossHistory(long epochs) {
        loss = new double[Math.toIntExact(epochs + 1)];
        accuracy = new double[loss.length];
        validationLoss = new double[loss.length];
        validationAccuracy = new double[loss.length];
    }

    void add(double epochLoss, double epochAccuracy, double epochValidationLoss, double epochValidationAccuracy) {
        loss[size] = epochLoss;
        accuracy[size] = epochAccuracy;
        validationLoss[size] = epochValidationLoss;
        validationAccuracy[size] = epochValidationAccuracy;
        size++;
    }

    /** The validation rows' loss after epoch e (NaN without validation rows). */
    public double validationLoss(int epoch) {
        checkIndex(epoch);
        return validationLoss[epoch];
    }

    public double validationAccuracy(int epoch) {
        checkIndex(epoch);
        return validationAccuracy[epoch];
    }

    public double[] validationAccuracyArray() {
        return Arrays.copyOf(validationAccuracy, size);
    }

    public double[] validationLossArray() {
        return Arrays.copyOf(validationLoss, size);
    }

    /** Epochs recorded, counting epoch 0: the loss of epoch e is {@code loss(e)} for 0 ≤ e < size(). */
    public int size() {
        return size;
    }

    public double loss(int epoch) {
        checkIndex(epoch);
        return loss[epoch];
    }

    public double accuracy(int epoch) {
        checkIndex(epoch);
        return accuracy[epoch];
    }

    /** The losses of epochs 0 … size() − 1 as a new array, for charting code. */
    public double[] lossArray() {
        return Arrays.copyOf(loss, size);
    }

    public double[] accuracyArray() {
        return Arrays.copyOf(accuracy, size);
    }

    private void checkIndex(int epoch) {
        if (epoch < 0 || epoch >= size) {
            throw new IndexOutOfBoundsException("epoch " + epoch + " of " + size + " recorded");
        }
    }
}
