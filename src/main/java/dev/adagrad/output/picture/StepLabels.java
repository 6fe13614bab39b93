package dev.adagrad.output.picture;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * The step numbers beside the iterates of the 1-D picture, thinned where they would overlap: laid out when the plot
 * is drawn, in pixels, each label in order of priority (each run's start and end first, then by step) kept only if
 * its box touches no label kept before it and lies inside the plot. Near a minimum, where the iterates crowd
 * together, only the first of them is numbered.
 */
final class StepLabels extends AbstractXYAnnotation {

    private static final long serialVersionUID = 1L;

    /** One label that may be drawn. */
    record Label(double x, double y, String text, Color colour, int priority) {
    }

    private final List<Label> labels;
    private final Font font;
    private final double gap;
    private transient List<Rectangle2D> placed = List.of();

    StepLabels(List<Label> labels, Font font, double gap) {
        this.labels = new ArrayList<>(labels);
        this.labels.sort((a, b) -> Integer.compare(a.priority(), b.priority()));
        this.font = font;
        this.gap = gap;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        g2.setFont(font);
        FontMetrics metrics = g2.getFontMetrics();
        List<Rectangle2D> kept = new ArrayList<>();
        for (Label label : labels) {
            double px = domainAxis.valueToJava2D(label.x(), dataArea, plot.getDomainAxisEdge());
            double py = rangeAxis.valueToJava2D(label.y(), dataArea, plot.getRangeAxisEdge());
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            double width = metrics.stringWidth(label.text());
            double height = metrics.getAscent() + metrics.getDescent();
            Rectangle2D box = new Rectangle2D.Double(px + gap, py - gap - height, width, height);
            if (!dataArea.contains(box) || kept.stream().anyMatch(other -> other.intersects(grown(box)))) {
                continue;
            }
            kept.add(box);
            g2.setColor(label.colour());
            g2.drawString(label.text(), (float) box.getX(), (float) (box.getMaxY() - metrics.getDescent()));
        }
        placed = kept;
    }

    private Rectangle2D grown(Rectangle2D box) {
        return new Rectangle2D.Double(box.getX() - gap / 2, box.getY() - gap / 2, box.getWidth() + gap,
                box.getHeight() + gap);
    }

    /** The boxes of the labels drawn last time, for tests. */
    List<Rectangle2D> placed() {
        return placed;
    }
}
