package dev.adagrad.output.picture;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.IntFunction;

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
        ChartFiles.write(file, width, height, drawing(data, width, height));
    }

    private static ChartFiles.Drawing drawing(PlotData data, int width, int height) {
        return data.dimension() == 2 ? new ContourPicture(data, Charts.Scale.of(width, height))
                : new LinePicture(data, Long.MAX_VALUE);
    }

    /**
     * Writes an animated GIF of the paths growing: at most {@link #MAX_FRAMES} frames at evenly spaced steps (one per
     * step for shorter runs), from the start alone to the whole paths, the last frame held; it loops.
     *
     * @throws IllegalArgumentException for a name not ending in .gif, more than two variables or a size below 1×1
     */
    public static void animate(Path file, int width, int height, PlotData data) throws IOException {
        animate(file, width, height, data, MAX_FRAMES);
    }

    /**
     * The animation with at most {@code maxFrames} frames. In 2-D the contours, axes and legend are drawn once; each
     * frame adds the pieces of path since the frame before to a canvas, then marks the heads and the step on a copy.
     */
    public static void animate(Path file, int width, int height, PlotData data, int maxFrames) throws IOException {
        if (data.dimension() > 2) {
            throw new IllegalArgumentException("an animation shows 1 or 2 variables; this function has "
                    + data.dimension());
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".gif")) {
            throw new IllegalArgumentException("the animation's name must end in .gif (got " + file + ")");
        }
        ChartFiles.checkSize(width, height);
        long[] steps = frameSteps(data.lastStep(), maxFrames);
        IntFunction<BufferedImage> frames;
        BufferedImage whole;
        if (data.dimension() == 2) {
            ContourPicture picture = new ContourPicture(data, Charts.Scale.of(width, height));
            BufferedImage canvas = picture.background(width, height);
            Rectangle2D area = new Rectangle2D.Double(0, 0, width, height);
            whole = copy(canvas);
            PathPainter all = picture.painter(area);
            drawFrame(whole, all, Long.MAX_VALUE, data.lastStep(), false);
            drawFrame(whole, all, Long.MAX_VALUE, data.lastStep(), true);
            PathPainter painter = picture.painter(area);
            frames = k -> {
                drawFrame(canvas, painter, steps[k], steps[k], false);
                BufferedImage frame = copy(canvas);
                drawFrame(frame, painter, steps[k], steps[k], true);
                return frame;
            };
        } else {
            whole = ChartFiles.render(width, height, new LinePicture(data, Long.MAX_VALUE));
            frames = k -> ChartFiles.render(width, height, new LinePicture(data, steps[k]));
        }
        Palette palette = Palette.of(whole.getRGB(0, 0, width, height, null, 0, width));
        GifWriter.write(file, steps.length, frames, FRAME_DELAY, LAST_FRAME_DELAY, palette);
    }

    /** The paths up to {@code upTo} on {@code image}; with {@code marks}, the marks and the step label instead. */
    private static void drawFrame(BufferedImage image, PathPainter painter, long upTo, long step, boolean marks) {
        Graphics2D g2 = image.createGraphics();
        try {
            ChartFiles.hints(g2);
            if (marks) {
                painter.marks(g2, upTo);
                painter.stepLabel(g2, step);
            } else {
                painter.extend(g2, upTo);
            }
        } finally {
            g2.dispose();
        }
    }

    /** A copy of a TYPE_INT_RGB image, its pixels copied as one array (setData would go pixel by pixel). */
    private static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) copy.getRaster().getDataBuffer()).getData();
        System.arraycopy(from, 0, to, 0, from.length);
        return copy;
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
