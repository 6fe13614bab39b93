package dev.adagrad.output.picture;

import dev.adagrad.output.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Writes a drawing as a .png or .svg file, atomically: every picture goes through here. */
final class ChartFiles {

    /** Draws a picture into the given area of a Graphics2D. */
    @FunctionalInterface
    interface Drawing {
        void draw(Graphics2D g2, Rectangle2D area);
    }

    private ChartFiles() {
    }

    /**
     * Draws {@code drawing} at {@code width}×{@code height} pixels into {@code file}, as PNG or SVG by its extension.
     *
     * @throws IllegalArgumentException for another extension or a size that is not positive
     */
    static void write(Path file, int width, int height, Drawing drawing) throws IOException {
        ImageFormat format = ImageFormat.of(file);
        checkSize(width, height);
        Headless.ensure();
        switch (format) {
            case PNG -> {
                BufferedImage image = render(width, height, drawing);
                AtomicFile.write(file, out -> ImageIO.write(image, "png", out));
            }
            case SVG -> {
                SVGGraphics2D g2 = new SVGGraphics2D(width, height);
                // The library's default id prefix is the clock, so identical runs wrote different files; one from
                // the file's name is the same every run and still differs between pictures put on one page.
                g2.setDefsKeyPrefix("a" + Integer.toHexString(file.getFileName().toString().hashCode()) + "-");
                hints(g2);
                drawing.draw(g2, new Rectangle2D.Double(0, 0, width, height));
                byte[] svg = g2.getSVGDocument().getBytes(StandardCharsets.UTF_8);
                AtomicFile.write(file, out -> out.write(svg));
            }
            default -> throw new IllegalStateException(format.toString());
        }
    }

    /** Draws the chart {@code chart} makes for the picture's {@link Charts.Scale} into {@code file}, as above. */
    static void write(Path file, int width, int height, java.util.function.Function<Charts.Scale, JFreeChart> chart)
            throws IOException {
        write(file, width, height, (g2, area) -> chart.apply(Charts.Scale.of(area.getWidth(), area.getHeight()))
                .draw(g2, area));
    }

    static void checkSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("a picture's size must be at least 1x1 pixels (got " + width + "x"
                    + height + ")");
        }
    }

    /** Draws onto a new white RGB image. */
    static BufferedImage render(int width, int height, Drawing drawing) {
        Headless.ensure();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            hints(g2);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, width, height);
            drawing.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return image;
    }

    static void hints(Graphics2D g2) {
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }
}
