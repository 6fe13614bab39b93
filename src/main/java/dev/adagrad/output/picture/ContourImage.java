package dev.adagrad.output.picture;

import dev.adagrad.expr.Objective;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Filled contours of f over a box, one pixel per grid cell: each band in its colour, a dark pixel wherever the band
 * changes (the contour line). The pictures lay it under the paths; the page embeds it as its background.
 */
final class ContourImage {

    private static final Color LINE_COLOUR = new Color(0, 0, 0, 70);

    private ContourImage() {
    }

    /** The contours of {@code f} over [lower, upper] at {@code width}×{@code height} pixels, row 0 at the top. */
    static BufferedImage of(Objective f, double[] lower, double[] upper, Levels levels, int width, int height) {
        double[] values = sample(f, lower, upper, width, height);
        int[] bands = new int[values.length];
        int[] colours = new int[levels.bands() + 1];
        for (int b = -1; b < levels.bands(); b++) {
            colours[b + 1] = levels.colour(b).getRGB();
        }
        for (int i = 0; i < values.length; i++) {
            bands[i] = levels.band(values[i]);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int line = LINE_COLOUR.getAlpha();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                boolean edge = (x + 1 < width && bands[i + 1] != bands[i])
                        || (y + 1 < height && bands[i + width] != bands[i]);
                int colour = colours[bands[i] + 1];
                row[x] = edge ? darken(colour, line) : colour;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** The levels for f over the box, from a 200×200 grid. */
    static Levels levels(Objective f, double[] lower, double[] upper) {
        return Levels.of(sample(f, lower, upper, 200, 200));
    }

    /** f at the centres of a {@code width}×{@code height} grid over the box, row 0 at the top; through a copy of f. */
    static double[] sample(Objective objective, double[] lower, double[] upper, int width, int height) {
        Objective f = objective.copy();
        double[] values = new double[width * height];
        double[] point = new double[2];
        for (int row = 0; row < height; row++) {
            point[1] = upper[1] - (row + 0.5) * (upper[1] - lower[1]) / height;
            for (int column = 0; column < width; column++) {
                point[0] = lower[0] + (column + 0.5) * (upper[0] - lower[0]) / width;
                values[row * width + column] = f.value(point);
            }
        }
        return values;
    }

    /** The colour with the line's alpha of black laid over it. */
    private static int darken(int rgb, int alpha) {
        double keep = 1 - alpha / 255.0;
        int r = (int) (((rgb >> 16) & 0xff) * keep);
        int g = (int) (((rgb >> 8) & 0xff) * keep);
        int b = (int) ((rgb & 0xff) * keep);
        return (r << 16) | (g << 8) | b;
    }
}
