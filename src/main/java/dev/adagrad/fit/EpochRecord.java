package dev.adagrad.fit;

/**
 * One printed epoch, handed to an {@link EpochListener}: the epoch (0 before training), the optimizer steps taken so
 * far, the objective over all rows with the parameters at the end of the epoch (mean loss plus any L2 penalty), the
 * accuracy (NaN unless the model classifies) and the parameters. The trainer reuses one record.
 */
public final class EpochRecord {

    final double[] parameters;
    long epoch;
    long step;
    double loss;
    double accuracy = Double.NaN;
    double validationLoss = Double.NaN;
    double validationAccuracy = Double.NaN;

    EpochRecord(double[] parameters) {
        this.parameters = parameters;
    }

    public long epoch() {
        return epoch;
    }

    public long step() {
        return step;
    }

    public double loss() {
        return loss;
    }

    /** The fraction of rows classified correctly, or NaN for a model that does not classify. */
    public double accuracy() {
        return accuracy;
    }

    /** The validation rows' loss at the epoch's parameters, or NaN without validation rows. */
    public double validationLoss() {
        return validationLoss;
    }

    public double validationAccuracy() {
        return validationAccuracy;
    }

    public int dimension() {
        return parameters.length;
    }

    public double parameter(int index) {
        return parameters[index];
    }
}
