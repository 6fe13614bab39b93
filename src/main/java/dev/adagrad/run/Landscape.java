package dev.adagrad.run;

import dev.adagrad.expr.Objective;

/**
 * f sampled for a terminal picture of a step-through: on a grid of cells in 2-D (each cell's centre), along x in 1-D.
 * The screen asks for the frame and resolution it draws; a few thousand evaluations of a compiled objective, well under
 * a millisecond, so each redraw samples again rather than keep grids for every frame.
 */
public final class Landscape {

    private final Objective objective;
    private final double[] point;

    public Landscape(Objective objective) {
        this.objective = objective.copy();
        this.point = new double[objective.dimension()];
    }

    /** The number of variables of f. */
    public int dimension() {
        return point.length;
    }

    /**
     * f at the centres of {@code columns} × {@code rows} cells covering [lower₀, upper₀] × [lower₁, upper₁], row by
     * row from the top (the largest second coordinate); NaN where f is not a real number.
     */
    public double[] grid(double[] lower, double[] upper, int columns, int rows) {
        double[] f = new double[columns * rows];
        for (int r = 0; r < rows; r++) {
            point[1] = upper[1] - (r + 0.5) * (upper[1] - lower[1]) / rows;
            for (int c = 0; c < columns; c++) {
                point[0] = lower[0] + (c + 0.5) * (upper[0] - lower[0]) / columns;
                f[r * columns + c] = objective.value(point);
            }
        }
        return f;
    }

    /** f at {@code samples} evenly spaced x from {@code lower} to {@code upper} (1 variable). */
    public double[] curve(double lower, double upper, int samples) {
        double[] f = new double[samples];
        for (int i = 0; i < samples; i++) {
            point[0] = samples == 1 ? lower : lower + i * (upper - lower) / (samples - 1);
            f[i] = objective.value(point);
        }
        return f;
    }
}
