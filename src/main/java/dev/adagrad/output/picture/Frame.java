package dev.adagrad.output.picture;

import dev.adagrad.run.Trajectory;

/**
 * The region a picture shows: in 2-D the box of the contour picture, in 1-D the stretch of x under the curve.
 *
 * <p>Given by {@code --box} or {@code --xlim}, it is used as it is. Otherwise it holds the start, every point of the
 * runs that did not diverge (so their ends, the points the runs ended near), and the known minima of a named
 * function, with a margin of {@value #MARGIN} of the span each side. A diverged run's escape to 10³⁰⁰ would shrink
 * everything else to a dot, so its points count only within {@value #REACH} spans of the rest (and when every run
 * diverged, within that many units of the start's size). For an expression, whose minima are unknown, it also holds
 * the point the run was heading for (see {@link #includeAhead}). In 2-D no side is shorter than {@value #THINNEST}
 * of the other, so that a path running straight along one axis still shows the contours around it as ellipses,
 * not bands.
 */
final class Frame {

    static final double MARGIN = 0.08;
    static final double THINNEST = 0.25;
    static final double REACH = 3;
    static final int AHEAD = 12;
    private static final int BRACKET = 32;

    final double[] lower;
    final double[] upper;

    private Frame(double[] lower, double[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    /** The frame of the first {@code dimensions} coordinates (1 or 2) of the picture of {@code data}. */
    static Frame of(PlotData data, int dimensions) {
        if (data.view().given()) {
            return new Frame(data.view().lower().clone(), data.view().upper().clone());
        }
        Trajectory first = data.runs().get(0).path();
        double[] lower = new double[dimensions];
        double[] upper = new double[dimensions];
        for (int v = 0; v < dimensions; v++) {
            lower[v] = first.x(0, v);
            upper[v] = first.x(0, v);
            for (double[] minimum : data.minima()) {
                lower[v] = Math.min(lower[v], minimum[v]);
                upper[v] = Math.max(upper[v], minimum[v]);
            }
        }
        for (PlotData.Run run : data.runs()) {
            if (!run.diverged()) {
                include(run.path(), lower, upper, null);
            }
        }
        if (data.minima().isEmpty()) {
            for (PlotData.Run run : data.runs()) {
                if (!run.diverged()) {
                    includeAhead(data, run.path(), lower, upper);
                }
            }
        }
        double[] reachLower = new double[dimensions];
        double[] reachUpper = new double[dimensions];
        for (int v = 0; v < dimensions; v++) {
            double span = Math.max(upper[v] - lower[v], Math.max(1, Math.abs(first.x(0, v))));
            reachLower[v] = lower[v] - REACH * span;
            reachUpper[v] = upper[v] + REACH * span;
        }
        double[][] reach = {reachLower, reachUpper};
        for (PlotData.Run run : data.runs()) {
            if (run.diverged()) {
                include(run.path(), lower, upper, reach);
            }
        }
        double widest = 0;
        for (int v = 0; v < dimensions; v++) {
            if (!(upper[v] > lower[v])) {
                double half = Math.max(1, Math.abs(lower[v])) / 2;
                lower[v] -= half;
                upper[v] += half;
            }
            widest = Math.max(widest, upper[v] - lower[v]);
        }
        for (int v = 0; v < dimensions; v++) {
            double span = upper[v] - lower[v];
            if (dimensions > 1 && span < THINNEST * widest) {
                double centre = (upper[v] + lower[v]) / 2;
                span = THINNEST * widest;
                lower[v] = centre - span / 2;
                upper[v] = centre + span / 2;
            }
            lower[v] -= MARGIN * span;
            upper[v] += MARGIN * span;
        }
        return new Frame(lower, upper);
    }

    /**
     * For an expression, whose minima are unknown: the lowest point found by walking on from the run's end in the
     * direction it travelled, in steps doubling from its length, until f rises (at most {@value #AHEAD} steps), so
     * that a run stopped short of the minimum still shows where it was heading. A point beyond {@value #REACH} spans
     * of the box is left out (f may fall for ever).
     */
    private static void includeAhead(PlotData data, Trajectory path, double[] lower, double[] upper) {
        int dimensions = lower.length;
        int last = path.size() - 1;
        double[] end = new double[dimensions];
        double[] direction = new double[dimensions];
        double length = 0;
        for (int v = 0; v < dimensions; v++) {
            end[v] = path.x(last, v);
            direction[v] = end[v] - path.x(0, v);
            length = Math.max(length, Math.abs(direction[v]));
        }
        if (!(length > 0) || data.dimension() != dimensions) {
            return;
        }
        var f = data.objective().copy();
        double best = path.f(last);
        double bestT = 0;
        double beyond = 0;
        double[] point = new double[dimensions];
        for (int k = 0; k < AHEAD; k++) {
            beyond = Math.pow(2, k) / 2;
            double value = along(f, end, direction, beyond, point);
            if (!(value < best)) {
                break;
            }
            best = value;
            bestT = beyond;
        }
        if (bestT == 0) {
            return;
        }
        // The walk brackets the lowest point between the step before the best and the one after: look closer.
        double from = bestT / 2;
        for (int i = 0; i <= BRACKET; i++) {
            double t = from + i * (beyond - from) / BRACKET;
            double value = along(f, end, direction, t, point);
            if (value < best) {
                best = value;
                bestT = t;
            }
        }
        double[] bestPoint = new double[dimensions];
        for (int v = 0; v < dimensions; v++) {
            bestPoint[v] = end[v] + bestT * direction[v];
        }
        for (int v = 0; v < dimensions; v++) {
            double span = Math.max(upper[v] - lower[v], Math.abs(direction[v]));
            if (bestPoint[v] < lower[v] - REACH * span || bestPoint[v] > upper[v] + REACH * span) {
                return;
            }
        }
        for (int v = 0; v < dimensions; v++) {
            lower[v] = Math.min(lower[v], bestPoint[v]);
            upper[v] = Math.max(upper[v], bestPoint[v]);
        }
    }

    private static double along(dev.adagrad.expr.Objective f, double[] end, double[] direction, double t,
                                double[] point) {
        for (int v = 0; v < point.length; v++) {
            point[v] = end[v] + t * direction[v];
        }
        return f.value(point);
    }

    /** Widens the box to hold every finite point of {@code path} (within {@code reach} when it is not null). */
    private static void include(Trajectory path, double[] lower, double[] upper, double[][] reach) {
        for (int k = 0; k < path.size(); k++) {
            boolean inside = true;
            for (int v = 0; v < lower.length; v++) {
                double x = path.x(k, v);
                inside &= Double.isFinite(x) && (reach == null || (x >= reach[0][v] && x <= reach[1][v]));
            }
            if (!inside) {
                continue;
            }
            for (int v = 0; v < lower.length; v++) {
                lower[v] = Math.min(lower[v], path.x(k, v));
                upper[v] = Math.max(upper[v], path.x(k, v));
            }
        }
    }

    /**
     * Widens the shorter side so that one unit is as many pixels along x as along y in a plot area of
     * {@code width}×{@code height} pixels (--aspect equal); the centre stays where it was.
     */
    void equalAspect(double width, double height) {
        double perPixel = Math.max((upper[0] - lower[0]) / width, (upper[1] - lower[1]) / height);
        double[] pixels = {width, height};
        for (int v = 0; v < 2; v++) {
            double centre = (upper[v] + lower[v]) / 2;
            lower[v] = centre - perPixel * pixels[v] / 2;
            upper[v] = centre + perPixel * pixels[v] / 2;
        }
    }
}
