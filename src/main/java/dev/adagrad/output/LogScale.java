package dev.adagrad.output;

/** When a picture or the terminal chart draws f on a log scale: one rule for both, so they agree. */
public final class LogScale {

    private LogScale() {
    }

    /**
     * True when the finite values are all ≥ 0 and the positive ones span at least two decades: such values are drawn
     * on a log scale, where zeros (and anything ≤ 0) have no place and are left out.
     */
    public static boolean spansDecades(double[]... series) {
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (double[] values : series) {
            for (double value : values) {
                if (!Double.isFinite(value)) {
                    continue;
                }
                if (value < 0) {
                    return false;
                }
                if (value > 0) {
                    smallest = Math.min(smallest, value);
                    largest = Math.max(largest, value);
                }
            }
        }
        return largest > 0 && largest / smallest >= 100;
    }
}
