package dev.adagrad.output.picture;

import dev.adagrad.output.LogScale;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The look shared by every picture (fonts sized for a projector, one palette) and the plain line chart. */
final class Charts {

    static {
        Headless.ensure();
    }

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    static final Font TICK_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font NOTE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Tableau's ten colours, strong enough to stand out on the pale contour map and told apart by most viewers. */
    private static final Color[] PALETTE = {
        new Color(0xd62728), new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf), new Color(0xbcbd22), new Color(0x7f7f7f),
    };

    static final BasicStroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private Charts() {
    }

    static Color colour(int series) {
        return PALETTE[series % PALETTE.length];
    }

    /**
     * A marker of its own for each series (circle, square, triangle, diamond, …), {@code size} pixels across, so that
     * paths which overlap can still be told apart.
     */
    static Shape marker(int series, double size) {
        double r = size / 2;
        Path2D.Double shape = new Path2D.Double();
        switch (series % 6) {
            case 0 -> {
                return new Ellipse2D.Double(-r, -r, size, size);
            }
            case 1 -> {
                return square(size * 0.9);
            }
            case 2 -> polygon(shape, r * 1.15, 3, Math.PI / 2);
            case 3 -> polygon(shape, r * 1.1, 4, Math.PI / 2);
            case 4 -> polygon(shape, r * 1.15, 3, -Math.PI / 2);
            default -> polygon(shape, r * 1.05, 5, Math.PI / 2);
        }
        return shape;
    }

    private static void polygon(Path2D.Double shape, double radius, int corners, double first) {
        for (int i = 0; i < corners; i++) {
            double angle = first + i * 2 * Math.PI / corners;
            double x = radius * Math.cos(angle);
            double y = -radius * Math.sin(angle);
            if (i == 0) {
                shape.moveTo(x, y);
            } else {
                shape.lineTo(x, y);
            }
        }
        shape.closePath();
    }

    /** A chart in the common style, with a title, an optional subtitle and a legend at {@code legendEdge} or none. */
    static JFreeChart chart(String title, String subtitle, XYPlot plot, RectangleEdge legendEdge) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legendEdge != null);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(Color.BLACK);
        }
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, SUBTITLE);
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(legendEdge);
            legend.setItemFont(LEGEND);
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 8));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return chart;
    }

    static void style(ValueAxis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK_LABEL);
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }

    static NumberAxis linearAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        style(axis);
        return axis;
    }

    static ValueAxis axis(String label, boolean log) {
        if (!log) {
            return linearAxis(label);
        }
        LogAxis axis = new LogAxis(label + " (log scale)");
        axis.setBase(10);
        axis.setSmallestValue(Double.MIN_NORMAL);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // ticks at whole powers of ten
        style(axis);
        return axis;
    }

    /** See {@link LogScale#spansDecades}. */
    static boolean spansDecades(double[]... series) {
        return LogScale.spansDecades(series);
    }

    /** One named line of a line chart; points with a non-finite coordinate are skipped. */
    record Line(String name, double[] x, double[] y) {
    }

    /**
     * A plot of lines against one x axis, each in its palette colour, with small markers when a line has few points.
     * On a log axis, points ≤ 0 are skipped.
     */
    static XYPlot lines(String xLabel, boolean logX, String yLabel, boolean logY, List<Line> lines) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            XYSeries series = new XYSeries(line.name() + (i > 0 && sameName(lines, i) ? " " + (i + 1) : ""), false);
            for (int k = 0; k < line.x().length; k++) {
                double x = line.x()[k];
                double y = line.y()[k];
                if (Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0)) {
                    series.add(x, y);
                }
            }
            dataset.addSeries(series);
            renderer.setSeriesPaint(i, colour(i));
            renderer.setSeriesStroke(i, LINE);
            renderer.setSeriesShape(i, marker(i, 7));
            renderer.setSeriesShapesVisible(i, series.getItemCount() <= 40);
        }
        ValueAxis xAxis = axis(xLabel, logX);
        ValueAxis yAxis = axis(yLabel, logY);
        return new XYPlot(dataset, xAxis, yAxis, renderer);
    }

    private static boolean sameName(List<Line> lines, int i) {
        for (int j = 0; j < i; j++) {
            if (lines.get(j).name().equals(lines.get(i).name())) {
                return true;
            }
        }
        return false;
    }

    /** A legend swatch: a short line with a marker. */
    static Shape legendLine() {
        return new Line2D.Double(-10, 0, 10, 0);
    }

    static Shape square(double size) {
        return new Rectangle2D.Double(-size / 2, -size / 2, size, size);
    }
}
