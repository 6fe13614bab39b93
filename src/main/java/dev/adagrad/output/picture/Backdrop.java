package dev.adagrad.output.picture;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * What the page draws under the paths, made by the same code as the pictures so the two agree: the frame, and the
 * filled contours with their levels (2 variables) or samples of the curve f(x) (1 variable).
 *
 * @param lower          the frame's lower corner (one or two coordinates)
 * @param upper          its upper corner
 * @param contoursPng    the contours as a PNG covering the frame exactly, row 0 at the top; null in 1-D
 * @param boundaries     the f values between bands, increasing (empty in 1-D or for a constant f)
 * @param bandColours    each band's colour, 0xRRGGBB, one more than the boundaries
 * @param logLevels      whether the boundaries are 1, 2, 5 × 10ⁿ
 * @param curveX         in 1-D, the x of each curve sample; null in 2-D
 * @param curveF         f at those x (NaN where f is not finite)
 */
public record Backdrop(double[] lower, double[] upper, byte[] contoursPng, double[] boundaries, int[] bandColours,
                       boolean logLevels, double[] curveX, double[] curveF) {

    static {
        Headless.ensure();
    }

    private static final int CURVE_POINTS = 400;

    /** The backdrop of {@code data} (1 or 2 variables), contours at {@code width}×{@code height} pixels. */
    public static Backdrop of(PlotData data, int width, int height) {
        if (data.dimension() == 1) {
            Frame frame = Frame.of(data, 1);
            double[] x = new double[CURVE_POINTS + 1];
            double[] f = new double[CURVE_POINTS + 1];
            var objective = data.objective().copy();
            double[] point = new double[1];
            for (int i = 0; i <= CURVE_POINTS; i++) {
                x[i] = frame.lower[0] + i * (frame.upper[0] - frame.lower[0]) / CURVE_POINTS;
                point[0] = x[i];
                f[i] = objective.value(point);
            }
            return new Backdrop(frame.lower, frame.upper, null, new double[0], new int[0], false, x, f);
        }
        if (data.dimension() != 2) {
            throw new IllegalArgumentException("a backdrop is drawn for 1 or 2 variables, not " + data.dimension());
        }
        Frame frame = Frame.of(data, 2);
        Levels levels = ContourImage.levels(data.objective(), frame.lower, frame.upper);
        BufferedImage image = ContourImage.of(data.objective(), frame.lower, frame.upper, levels, width, height);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
        int[] colours = new int[levels.bands()];
        for (int b = 0; b < colours.length; b++) {
            colours[b] = levels.colour(b).getRGB() & 0xffffff;
        }
        return new Backdrop(frame.lower, frame.upper, png.toByteArray(), levels.boundaries(), colours, levels.log(),
                null, null);
    }
}
