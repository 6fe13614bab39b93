package dev.adagrad.expr;

import java.util.List;

/**
 * A named test function from the optimization literature, usable wherever an expression goes ({@code --f rosenbrock}).
 *
 * @param name         the name typed on the command line
 * @param formula      the expression, in the same exp4j syntax as {@code --f}
 * @param variables    the variables, in coordinate order
 * @param start        the usual start point, used when {@code --x0} is omitted
 * @param lower        lower corner of the box a plot shows by default
 * @param upper        upper corner of that box
 * @param minima       the known global minimisers (several for Himmelblau)
 * @param minimumValue f at every point of {@code minima}
 * @param note         one line on why the function is interesting
 */
public record TestFunction(String name, String formula, List<String> variables, double[] start, double[] lower,
                           double[] upper, List<double[]> minima, double minimumValue, String note) {

    public int dimension() {
        return variables.size();
    }

    /** The known minimum nearest to {@code x} (the first of equally near ones). */
    public double[] nearestMinimum(double[] x) {
        double[] nearest = minima.get(0);
        for (double[] minimum : minima) {
            if (distance(x, minimum) < distance(x, nearest)) {
                nearest = minimum;
            }
        }
        return nearest;
    }

    /** Euclidean distance from {@code x} to the nearest known minimum. */
    public double distanceToNearestMinimum(double[] x) {
        return distance(x, nearestMinimum(x));
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
