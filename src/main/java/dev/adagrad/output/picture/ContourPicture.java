package dev.adagrad.output.picture;

import dev.adagrad.expr.Objective;
import dev.adagrad.output.NumberText;
import dev.adagrad.run.Trajectory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The 2-D picture: filled contours of f over a box around every path, each optimizer's path as a line with markers
 * at evenly spaced steps, the start, each path's end and the known minima marked, and a legend.
 *
 * <p>The box covers the named function's plot box, the start and every point of the runs that did not diverge, with
 * a 5% margin; a diverged path is drawn up to its last finite point and clipped to the box. The contour image is
 * computed once, at the plot area's size in pixels, and reused by every frame of an animation.
 */
final class ContourPicture implements ChartFiles.Drawing {

    private static final double MARGIN = 0.05;
    /** At most this many markers on a path, so that their spacing shows the speed without hiding the line. */
    private static final int MARKERS = 40;
    private static final Color LINE_COLOUR = new Color(0, 0, 0, 70);

    private final PlotData data;
    private final double[] lower = new double[2];
    private final double[] upper = new double[2];
    private final XYSeriesCollection paths = new XYSeriesCollection();
    private final XYSeriesCollection marks = new XYSeriesCollection();
    private final XYLineAndShapeRenderer pathRenderer;
    private final int[] markEvery;
    private final XYPlot plot;
    private final JFreeChart chart;
    private final Levels levels;
    private Rectangle2D imageArea;
    private XYDataImageAnnotation background;

    ContourPicture(PlotData data) {
        this.data = data;
        box();
        markEvery = new int[data.runs().size()];
        for (int i = 0; i < markEvery.length; i++) {
            markEvery[i] = Math.max(1, (int) Math.ceil(data.runs().get(i).path().size() / (double) MARKERS));
        }
        pathRenderer = new XYLineAndShapeRenderer(true, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean getItemShapeVisible(int series, int item) {
                return item % markEvery[series] == 0;
            }
        };
        for (int i = 0; i < data.runs().size(); i++) {
            paths.addSeries(new XYSeries(data.runs().get(i).label(), false));
            pathRenderer.setSeriesPaint(i, Charts.colour(i));
            pathRenderer.setSeriesStroke(i, Charts.LINE);
            pathRenderer.setSeriesShape(i, Charts.marker(i, 7));
        }
        NumberAxis x = axis(data.variables().get(0), 0);
        NumberAxis y = axis(data.variables().get(1), 1);
        plot = new XYPlot(paths, x, y, pathRenderer);
        plot.setDataset(1, marks);
        plot.setRenderer(1, marksRenderer());
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        levels = Levels.of(sample(200, 200));
        chart = Charts.chart(data.title(), subtitle(Long.MAX_VALUE), plot, RectangleEdge.BOTTOM);
        plot.setFixedLegendItems(legend());
        showUpTo(Long.MAX_VALUE);
    }

    private NumberAxis axis(String label, int variable) {
        NumberAxis axis = Charts.linearAxis(label);
        axis.setRange(lower[variable], upper[variable]);
        return axis;
    }

    private void box() {
        double[] start = {data.runs().get(0).path().x(0, 0), data.runs().get(0).path().x(0, 1)};
        for (int v = 0; v < 2; v++) {
            lower[v] = start[v];
            upper[v] = start[v];
            if (data.lower() != null && data.upper() != null) {
                lower[v] = Math.min(lower[v], data.lower()[v]);
                upper[v] = Math.max(upper[v], data.upper()[v]);
            }
            for (double[] minimum : data.minima()) {
                lower[v] = Math.min(lower[v], minimum[v]);
                upper[v] = Math.max(upper[v], minimum[v]);
            }
            for (PlotData.Run run : data.runs()) {
                if (run.diverged()) {
                    continue;
                }
                Trajectory path = run.path();
                for (int k = 0; k < path.size(); k++) {
                    lower[v] = Math.min(lower[v], path.x(k, v));
                    upper[v] = Math.max(upper[v], path.x(k, v));
                }
            }
            double span = upper[v] - lower[v];
            if (span == 0) {
                span = Math.max(1, Math.abs(start[v]));
                lower[v] -= span / 2;
                upper[v] += span / 2;
            }
            boolean named = data.lower() != null && lower[v] == data.lower()[v] && upper[v] == data.upper()[v];
            if (!named) {
                lower[v] -= MARGIN * span;
                upper[v] += MARGIN * span;
            }
        }
    }

    /** Start (white circle), the known minima (black star), then each path's head (a square in its colour). */
    private XYLineAndShapeRenderer marksRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setUseFillPaint(true);
        renderer.setUseOutlinePaint(true);
        renderer.setDrawOutlines(true);
        renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
        marks.addSeries(new XYSeries("start", false));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
        renderer.setSeriesFillPaint(0, Color.WHITE);
        renderer.setSeriesOutlinePaint(0, Color.BLACK);
        marks.addSeries(new XYSeries("minimum", false));
        renderer.setSeriesShape(1, star(9));
        renderer.setSeriesFillPaint(1, Color.BLACK);
        renderer.setSeriesOutlinePaint(1, Color.WHITE);
        for (int i = 0; i < data.runs().size(); i++) {
            marks.addSeries(new XYSeries("end " + i, false));
            renderer.setSeriesShape(2 + i, Charts.marker(i, 14));
            renderer.setSeriesFillPaint(2 + i, Charts.colour(i));
            renderer.setSeriesOutlinePaint(2 + i, Color.BLACK);
        }
        XYSeries start = marks.getSeries(0);
        start.add(data.runs().get(0).path().x(0, 0), data.runs().get(0).path().x(0, 1));
        for (double[] minimum : data.minima()) {
            marks.getSeries(1).add(minimum[0], minimum[1]);
        }
        return renderer;
    }

    private LegendItemCollection legend() {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < data.runs().size(); i++) {
            LegendItem item = new LegendItem(data.runs().get(i).label(), null, null, null, true,
                    Charts.marker(i, 9), true, Charts.colour(i), false, Charts.colour(i),
                    Charts.LINE, true, Charts.legendLine(), Charts.LINE, Charts.colour(i));
            items.add(item);
        }
        items.add(marker("start", new Ellipse2D.Double(-6, -6, 12, 12), Color.WHITE));
        items.add(marker("end (large marker)", Charts.square(10), Color.GRAY));
        if (!data.minima().isEmpty()) {
            items.add(marker("known minimum", star(8), Color.BLACK));
        }
        for (int i = 0; i < items.getItemCount(); i++) {
            items.get(i).setLabelFont(Charts.LEGEND);
        }
        return items;
    }

    private static LegendItem marker(String label, Shape shape, Color fill) {
        return new LegendItem(label, null, null, null, true, shape, true, fill, true, Color.BLACK,
                new BasicStroke(1.5f), false, Charts.legendLine(), Charts.LINE, Color.BLACK);
    }

    private static Shape star(double radius) {
        Path2D.Double star = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? radius : radius * 0.45;
            double angle = Math.PI / 2 + i * Math.PI / 5;
            double px = r * Math.cos(angle);
            double py = -r * Math.sin(angle);
            if (i == 0) {
                star.moveTo(px, py);
            } else {
                star.lineTo(px, py);
            }
        }
        star.closePath();
        return star;
    }

    /** Shows each path up to step {@code step} (all of it for Long.MAX_VALUE), with its head marked. */
    void showUpTo(long step) {
        chart.setNotify(false);
        ((TextTitle) chart.getSubtitle(chart.getSubtitleCount() - 1)).setText(subtitle(step));
        for (int i = 0; i < data.runs().size(); i++) {
            Trajectory path = data.runs().get(i).path();
            XYSeries series = paths.getSeries(i);
            series.clear();
            XYSeries head = marks.getSeries(2 + i);
            head.clear();
            int last = -1;
            for (int k = 0; k < path.size() && path.step(k) <= step; k++) {
                series.add(path.x(k, 0), path.x(k, 1), false);
                last = k;
            }
            boolean finished = step >= path.step(path.size() - 1);
            if (last >= 0 && !(finished && data.runs().get(i).diverged())) {
                head.add(path.x(last, 0), path.x(last, 1), false);
            }
        }
        chart.setNotify(true);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        if (background == null || !area.equals(imageArea)) {
            ChartRenderingInfo info = new ChartRenderingInfo();
            BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
            Graphics2D layout = scratch.createGraphics();
            chart.draw(layout, area, info);
            layout.dispose();
            Rectangle2D dataArea = info.getPlotInfo().getDataArea();
            if (background != null) {
                pathRenderer.removeAnnotation(background);
            }
            BufferedImage image = contours(Math.max(1, (int) Math.round(dataArea.getWidth())),
                    Math.max(1, (int) Math.round(dataArea.getHeight())));
            background = new XYDataImageAnnotation(image, lower[0], lower[1], upper[0] - lower[0],
                    upper[1] - lower[1]);
            pathRenderer.addAnnotation(background, Layer.BACKGROUND);
            imageArea = area;
        }
        chart.draw(g2, area);
    }

    /** "500 steps from (−1.2, 1); contours …", or "step 120 of 500 …" in a frame of an animation. */
    private String subtitle(long step) {
        Trajectory first = data.runs().get(0).path();
        String start = "(" + NumberText.significant(first.x(0, 0), 4) + ", " + NumberText.significant(first.x(0, 1), 4)
                + ")";
        String contours = levels.bands() == 1 ? "" : levels.log()
                ? "; contours of f at 1, 2, 5 × 10ⁿ"
                : "; contours of f every " + NumberText.significant(levels.boundaries()[1] - levels.boundaries()[0], 3);
        String steps = step < data.lastStep() ? "step " + step + " of " + data.lastStep() : data.lastStep() + " steps";
        return steps + " from " + start + contours;
    }

    /**
     * f on a {@code width}×{@code height} grid over the box, coloured by band, with a dark pixel wherever the band
     * changes: filled contours with their lines.
     */
    private BufferedImage contours(int width, int height) {
        double[] values = sample(width, height);
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
        for (int row = 0; row < height; row++) {
            for (int column = 0; column < width; column++) {
                int i = row * width + column;
                boolean edge = (column + 1 < width && bands[i + 1] != bands[i])
                        || (row + 1 < height && bands[i + width] != bands[i]);
                int colour = colours[bands[i] + 1];
                image.setRGB(column, row, edge ? darken(colour, line) : colour);
            }
        }
        return image;
    }

    /** f at the centres of a {@code width}×{@code height} grid over the box, row 0 at the top; through a copy of f. */
    private double[] sample(int width, int height) {
        Objective f = data.objective().copy();
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
