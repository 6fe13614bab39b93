package dev.adagrad.output.picture;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code --plot} and {@code --animate}: the paths of one or more runs as a picture or an animated GIF. The only class
 * of this package the commands call, and only when a picture is asked for, so a plain run never loads the chart
 * library.
 */
public final class Pictures {

    static {
        Headless.ensure();
    }

    /** At most this many frames in an animation, at evenly spaced steps. */
    public static final int MAX_FRAMES = 60;
    /** Each frame's delay, in hundredths of a second; the last frame is held for {@link #LAST_FRAME_DELAY}. */
    public static final int FRAME_DELAY = 8;
    public static final int LAST_FRAME_DELAY = 300;

    private Pictures() {
    }

    /**
     * Writes the picture of {@code data} to {@code file} (.png or .svg): contours and paths for two variables, f(x)
     * and f against step for one, f and each coordinate against step for more.
     *
     * @throws IllegalArgumentException for another extension or a size below 1×1
     */
    public static void plot(Path file, int width, int height, PlotData data) throws IOException {
        ChartFiles.write(file, width, height, drawing(data));
    }

    private static ChartFiles.Drawing drawing(PlotData data) {
        return data.dimension() == 2 ? new ContourPicture(data) : new LinePicture(data, Long.MAX_VALUE);
    }

    /**
     * Writes an animated GIF of the paths growing: at most {@link #MAX_FRAMES} frames at evenly spaced steps (one per
     * step for shorter runs), from the start alone to the whole paths, the last frame held; it loops.
     *
     * @throws IllegalArgumentException for a name not ending in .gif, more than two variables or a size below 1×1
     */
    public static void animate(Path file, int width, int height, PlotData data) throws IOException {
        if (data.dimension() > 2) {
            throw new IllegalArgumentException("an animation shows 1 or 2 variables; this function has "
                    + data.dimension());
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".gif")) {
            throw new IllegalArgumentException("the animation's name must end in .gif (got " + file + ")");
        }
        ChartFiles.checkSize(width, height);
        long[] steps = frameSteps(data.lastStep(), MAX_FRAMES);
        ContourPicture contour = data.dimension() == 2 ? new ContourPicture(data) : null;
        GifWriter.write(file, steps.length, k -> {
            ChartFiles.Drawing drawing;
            if (contour != null) {
                contour.showUpTo(steps[k]);
                drawing = contour;
            } else {
                drawing = new LinePicture(data, steps[k]);
            }
            return ChartFiles.render(width, height, drawing);
        }, FRAME_DELAY, LAST_FRAME_DELAY);
    }

    /** The steps shown by the frames: 0 to {@code last}, evenly spaced, at most {@code max} of them, no repeats. */
    static long[] frameSteps(long last, int max) {
        int count = (int) Math.min(max, last + 1);
        long[] steps = new long[count];
        for (int k = 0; k < count; k++) {
            steps[k] = count == 1 ? last : Math.round((double) k * last / (count - 1));
        }
        return steps;
    }
}
