package dev.adagrad.output.picture;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The contour levels of a 2-D picture: boundaries between colour bands, chosen from the values of f on the grid.
 *
 * <p>When f ≥ 0 on the box and its values span decades (the largest is at least 100 times the tenth percentile,
 * as on Rosenbrock's valley), the boundaries are 1, 2, 5 × 10ᵏ, so every decade has three bands; otherwise they are
 * evenly spaced at a round step, about a dozen of them.
 */
final class Levels {

    private static final double[] STEPS = {1, 2, 5};
    /**
     * Near white in the lowest band through greys to a slate grey in the highest: neutral, so that every optimizer's
     * colour (including sky blue and yellow) stands out on it, and pale where the paths usually end.
     */
    private static final Color[] RAMP = {
        new Color(0xfbfbf8), new Color(0xe9eae6), new Color(0xd4d7d6), new Color(0xbcc1c5), new Color(0xa3aab2),
        new Color(0x8b93a0),
    };

    private final double[] boundaries;
    private final boolean log;

    private Levels(double[] boundaries, boolean log) {
        this.boundaries = boundaries;
        this.log = log;
    }

    /** Levels for these values of f (non-finite ones are ignored). */
    static Levels of(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new Levels(new double[0], false);
        }
        double min = finite[0];
        double max = finite[finite.length - 1];
        double tenth = finite[finite.length / 10];
        if (min >= 0 && tenth > 0 && max / tenth >= 100) {
            double low = Math.max(finite[finite.length / 200], max * 1e-9);
            if (low <= 0) {
                low = Arrays.stream(finite).filter(v -> v > 0).findFirst().orElse(max);
            }
            List<Double> bounds = new ArrayList<>();
            for (int exponent = (int) Math.floor(Math.log10(low)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
                for (double step : STEPS) {
                    double level = step * Math.pow(10, exponent);
                    if (level > low && level < max) {
                        bounds.add(level);
                    }
                }
            }
            return new Levels(bounds.stream().mapToDouble(Double::doubleValue).toArray(), true);
        }
        if (max == min) {
            return new Levels(new double[0], false);
        }
        double step = roundStep((max - min) / 12);
        List<Double> bounds = new ArrayList<>();
        for (double level = Math.ceil(min / step) * step; level < max; level += step) {
            if (level > min) {
                bounds.add(level);
            }
        }
        return new Levels(bounds.stream().mapToDouble(Double::doubleValue).toArray(), false);
    }

    /** The 1, 2, 5 × 10ᵏ step nearest above {@code rough}. */
    static double roundStep(double rough) {
        double decade = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double step : STEPS) {
            if (step * decade >= rough) {
                return step * decade;
            }
        }
        return 10 * decade;
    }

    boolean log() {
        return log;
    }

    double[] boundaries() {
        return boundaries.clone();
    }

    int bands() {
        return boundaries.length + 1;
    }

    /** The band of {@code f}: 0 below the first boundary, bands() − 1 above the last; −1 for a non-finite f. */
    int band(double f) {
        if (!Double.isFinite(f)) {
            return -1;
        }
        int index = Arrays.binarySearch(boundaries, f);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** The colour of band {@code band} (light for low f, darker for high), grey for −1. */
    Color colour(int band) {
        if (band < 0) {
            return new Color(0xe0e0e0);
        }
        double t = bands() == 1 ? 0 : (double) band / (bands() - 1) * (RAMP.length - 1);
        int i = Math.min(RAMP.length - 2, (int) Math.floor(t));
        double u = t - i;
        Color a = RAMP[i];
        Color b = RAMP[i + 1];
        return new Color((int) Math.round(a.getRed() + u * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + u * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + u * (b.getBlue() - a.getBlue())));
    }
}
