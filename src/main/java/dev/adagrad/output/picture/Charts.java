package dev.adagrad.output.picture;

import dev.adagrad.output.LogScale;
import dev.adagrad.output.Looks;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
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

/**
 * The look shared by every picture: fonts, lines and markers sized for the picture (a projector at 1920×1080 gets
 * larger ones than a 640×480 file), each series in its optimizer's {@link Looks.Look}, at most about ten ticks an
 * axis; and the plain line chart.
 */
final class Charts {

    static {
        Headless.ensure();
    }

    /** Paths and lines are drawn slightly transparent, so one lying on another still shows through. */
    static final int LINE_ALPHA = 215;
    /** At most this many tick marks on a linear axis. */
    static final int MAX_TICKS = 10;

    private Charts() {
    }

    /**
     * Sizes for a picture: 1 at the default 1000×700, growing with the square root of the area (so a 1920×1080
     * picture has text 1.7 times as large), between 0.6 and 3.
     */
    record Scale(double factor) {

        static Scale of(double width, double height) {
            return new Scale(Math.max(0.6, Math.min(3, Math.sqrt(width * height / (1000.0 * 700.0)))));
        }

        Font title() {
            return font(Font.BOLD, 20);
        }

        Font subtitle() {
            return font(Font.PLAIN, 15);
        }

        Font axisLabel() {
            return font(Font.PLAIN, 16);
        }

        Font tickLabel() {
            return font(Font.PLAIN, 13);
        }

        Font legend() {
            return font(Font.PLAIN, 14);
        }

        Font note() {
            return font(Font.PLAIN, 12);
        }

        private Font font(int style, double points) {
            return new Font(Font.SANS_SERIF, style, (int) Math.round(points * factor));
        }

        /** {@code pixels} at the default size, scaled. */
        double px(double pixels) {
            return pixels * factor;
        }

        float lineWidth() {
            return (float) px(2.5);
        }

        /** A line in a series' dash pattern. */
        BasicStroke line(Looks.Look look) {
            return stroke(look, lineWidth());
        }

        BasicStroke stroke(Looks.Look look, float width) {
            return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10,
                    look.dash().pattern(width), 0);
        }

        BasicStroke outline() {
            return new BasicStroke((float) px(1.5));
        }
    }

    static Color colour(Looks.Look look) {
        return new Color(look.rgb());
    }

    /** The series' colour, slightly transparent: for lines that may overlap. */
    static Color lineColour(Looks.Look look) {
        return new Color((look.rgb() & 0xffffff) | (LINE_ALPHA << 24), true);
    }

    /** A series' marker, {@code size} pixels across, centred on 0. */
    static Shape marker(Looks.Marker marker, double size) {
        double r = size / 2;
        Path2D.Double shape = new Path2D.Double();
        switch (marker) {
            case CIRCLE -> {
                return new Ellipse2D.Double(-r, -r, size, size);
            }
            case SQUARE -> {
                return square(size * 0.9);
            }
            case TRIANGLE -> polygon(shape, r * 1.15, 3, Math.PI / 2);
            case DIAMOND -> polygon(shape, r * 1.1, 4, Math.PI / 2);
            case TRIANGLE_DOWN -> polygon(shape, r * 1.15, 3, -Math.PI / 2);
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

    static Shape star(double radius) {
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

    /** A chart in the common style, with a title, an optional subtitle and a legend at {@code legendEdge} or none. */
    static JFreeChart chart(String title, String subtitle, XYPlot plot, RectangleEdge legendEdge, Scale scale) {
        JFreeChart chart = new JFreeChart(title, scale.title(), plot, legendEdge != null);
        chart.setBackgroundPaint(Color.WHITE);
        double pad = scale.px(8);
        chart.setPadding(new RectangleInsets(pad, pad, pad, pad));
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(Color.BLACK);
        }
        if (subtitle != null) {
            TextTitle sub = new TextTitle(subtitle, scale.subtitle());
            sub.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(sub);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(legendEdge);
            legend.setItemFont(scale.legend());
            legend.setFrame(BlockBorder.NONE);
            legend.setBackgroundPaint(Color.WHITE);
            legend.setItemLabelPadding(new RectangleInsets(scale.px(2), scale.px(4), scale.px(2), scale.px(8)));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return chart;
    }

    static void style(ValueAxis axis, Scale scale) {
        axis.setLabelFont(scale.axisLabel());
        axis.setTickLabelFont(scale.tickLabel());
        axis.setLabelPaint(Color.BLACK);
        axis.setTickLabelPaint(Color.BLACK);
    }

    /** A linear axis with at most {@link #MAX_TICKS} ticks, whatever the picture's size. */
    static NumberAxis linearAxis(String label, Scale scale) {
        NumberAxis axis = new FewTicksAxis(label);
        axis.setAutoRangeIncludesZero(false);
        style(axis, scale);
        return axis;
    }

    static ValueAxis axis(String label, boolean log, Scale scale) {
        if (!log) {
            return linearAxis(label, scale);
        }
        LogAxis axis = new LogAxis(label + " (log scale)");
        axis.setBase(10);
        axis.setSmallestValue(Double.MIN_NORMAL);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // ticks at whole powers of ten
        style(axis, scale);
        return axis;
    }

    /**
     * JFreeChart's choice of tick unit only keeps labels from overlapping, which on a large picture means dozens of
     * ticks; this takes the next larger standard unit until there are at most {@link #MAX_TICKS}.
     */
    static final class FewTicksAxis extends NumberAxis {

        private static final long serialVersionUID = 1L;

        FewTicksAxis(String label) {
            super(label);
        }

        @Override
        protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
            super.selectAutoTickUnit(g2, dataArea, edge);
            double length = getRange().getLength();
            if (length > 0 && length / getTickUnit().getSize() > MAX_TICKS) {
                setTickUnit((org.jfree.chart.axis.NumberTickUnit) getStandardTickUnits()
                        .getCeilingTickUnit(length / MAX_TICKS), false, false);
            }
        }
    }

    /** See {@link LogScale#spansDecades}. */
    static boolean spansDecades(double[]... series) {
        return LogScale.spansDecades(series);
    }

    /** One named line of a line chart, in its look; points with a non-finite coordinate are skipped. */
    record Line(String name, Looks.Look look, double[] x, double[] y) {
    }

    /**
     * A plot of lines against one x axis, each in its look, with markers when a line has few points. On a log axis,
     * points ≤ 0 are skipped.
     */
    static XYPlot lines(String xLabel, boolean logX, String yLabel, boolean logY, List<Line> lines, Scale scale) {
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
            renderer.setSeriesPaint(i, lineColour(line.look()));
            renderer.setSeriesStroke(i, scale.line(line.look()));
            renderer.setSeriesShape(i, marker(line.look().marker(), scale.px(8)));
            renderer.setSeriesShapesVisible(i, series.getItemCount() <= 40);
        }
        renderer.setLegendLine(legendLine(scale));
        ValueAxis xAxis = axis(xLabel, logX, scale);
        ValueAxis yAxis = axis(yLabel, logY, scale);
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

    /** The legend of a set of series: each name with a short line in its dash and its marker, in its colour. */
    static LegendItemCollection legend(List<String> labels, List<Looks.Look> looks, Scale scale) {
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < labels.size(); i++) {
            Looks.Look look = looks.get(i);
            Color colour = colour(look);
            LegendItem item = new LegendItem(labels.get(i), null, null, null, true,
                    marker(look.marker(), scale.px(10)), true, colour, false, colour, scale.line(look), true,
                    legendLine(scale), scale.line(look), colour);
            item.setLabelFont(scale.legend());
            items.add(item);
        }
        return items;
    }

    /** A legend swatch: a line long enough to show a dash pattern. */
    static Shape legendLine(Scale scale) {
        return new Line2D.Double(-scale.px(16), 0, scale.px(16), 0);
    }

    static Shape square(double size) {
        return new Rectangle2D.Double(-size / 2, -size / 2, size, size);
    }
}
