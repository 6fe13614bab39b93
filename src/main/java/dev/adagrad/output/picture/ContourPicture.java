package dev.adagrad.output.picture;

import dev.adagrad.output.Looks;
import dev.adagrad.output.NumberText;
import dev.adagrad.run.Trajectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYDataImageAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The 2-D picture: filled contours of f over the {@link Frame}, a colour bar saying what each band's f is, each
 * optimizer's path in its own look (see {@link PathPainter}), the start, each path's end and the known minima, and a
 * legend.
 *
 * <p>The chart library draws the frame: title, axes, contours, colour bar and legend. The paths are drawn over it in
 * plot pixels by {@link PathPainter}, so an animation renders the frame once ({@link #background}) and each frame
 * adds only the pieces of path it shows.
 */
final class ContourPicture implements ChartFiles.Drawing {

    /** The colour bar's labels: at most this many. */
    private static final int BAR_LABELS = 9;

    private final PlotData data;
    private final List<Looks.Look> looks;
    private final Charts.Scale scale;
    private final Frame frame;
    private final XYPlot plot;
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, false);
    private final JFreeChart chart;
    private Levels levels;
    private PaintScaleLegend colourBar;
    private Rectangle2D laidOutFor;
    private Rectangle2D dataArea;
    private XYDataImageAnnotation background;

    ContourPicture(PlotData data, Charts.Scale scale) {
        this.data = data;
        this.looks = data.looks();
        this.scale = scale;
        this.frame = Frame.of(data, 2);
        plot = new XYPlot(new XYSeriesCollection(), Charts.linearAxis(data.variables().get(0), scale),
                Charts.linearAxis(data.variables().get(1), scale), renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        setRanges();
        chart = Charts.chart(data.title(), subtitle(), plot, RectangleEdge.BOTTOM, scale);
        if (colourBar != null) {
            chart.addSubtitle(colourBar);
        }
        plot.setFixedLegendItems(legend());
    }

    private void setRanges() {
        plot.getDomainAxis().setRange(frame.lower[0], frame.upper[0]);
        plot.getRangeAxis().setRange(frame.lower[1], frame.upper[1]);
        levels = ContourImage.levels(data.objective(), frame.lower, frame.upper);
        if (colourBar != null) {
            chart.removeSubtitle(colourBar);
        }
        colourBar = levels.bands() > 1 ? newColourBar() : null;
        if (colourBar != null && chart != null) {
            chart.addSubtitle(colourBar);
        }
    }

    /** The bands as a strip at the right, one equal step per band, each boundary's f written beside it. */
    private PaintScaleLegend newColourBar() {
        int bands = levels.bands();
        LookupPaintScale paints = new LookupPaintScale(0, bands, levels.colour(bands - 1));
        for (int b = 0; b < bands; b++) {
            paints.add(b, levels.colour(b));
        }
        double[] boundaries = levels.boundaries();
        NumberAxis axis = new NumberAxis(levels.log() ? "f (bands 1, 2, 5 × 10ⁿ)" : "f");
        Charts.style(axis, scale);
        axis.setRange(0, bands);
        axis.setTickUnit(new NumberTickUnit(Math.max(1, Math.ceil((bands - 1) / (double) BAR_LABELS))));
        axis.setNumberFormatOverride(new NumberFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer out, FieldPosition position) {
                int index = (int) Math.round(number) - 1;
                return out.append(index >= 0 && index < boundaries.length
                        ? NumberText.significant(boundaries[index], 3) : "");
            }

            @Override
            public StringBuffer format(long number, StringBuffer out, FieldPosition position) {
                return format((double) number, out, position);
            }

            @Override
            public Number parse(String source, ParsePosition position) {
                return null;
            }
        });
        PaintScaleLegend bar = new PaintScaleLegend(paints, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setStripWidth(scale.px(16));
        bar.setSubdivisionCount(Math.max(200, 8 * bands));
        bar.setStripOutlineVisible(true);
        bar.setAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        bar.setMargin(new RectangleInsets(scale.px(40), scale.px(12), scale.px(40), 0));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }

    private LegendItemCollection legend() {
        List<String> labels = data.runs().stream().map(PlotData.Run::label).toList();
        LegendItemCollection items = Charts.legend(labels, looks, scale);
        double r = scale.px(6);
        items.add(mark("start", new Ellipse2D.Double(-r, -r, 2 * r, 2 * r), Color.WHITE));
        items.add(mark("end (large marker)", Charts.square(scale.px(11)), Color.GRAY));
        if (!data.minima().isEmpty()) {
            items.add(mark("known minimum", Charts.star(scale.px(9)), Color.BLACK));
        }
        return items;
    }

    private LegendItem mark(String label, Shape shape, Color fill) {
        LegendItem item = new LegendItem(label, null, null, null, true, shape, true, fill, true, Color.BLACK,
                scale.outline(), false, Charts.legendLine(scale), scale.outline(), Color.BLACK);
        item.setLabelFont(scale.legend());
        return item;
    }

    /**
     * Lays the chart out for {@code area}: the plot area's pixels, the frame widened for --aspect equal, and the
     * contour image at the plot area's size.
     */
    private void layOut(Rectangle2D area) {
        if (area.equals(laidOutFor)) {
            return;
        }
        dataArea = plotArea(area);
        if (data.view().equalAspect()) {
            frame.equalAspect(dataArea.getWidth(), dataArea.getHeight());
            setRanges();
            dataArea = plotArea(area);
        }
        if (background != null) {
            renderer.removeAnnotation(background);
        }
        BufferedImage image = ContourImage.of(data.objective(), frame.lower, frame.upper, levels,
                Math.max(1, (int) Math.round(dataArea.getWidth())),
                Math.max(1, (int) Math.round(dataArea.getHeight())));
        background = new XYDataImageAnnotation(image, frame.lower[0], frame.lower[1],
                frame.upper[0] - frame.lower[0], frame.upper[1] - frame.lower[1]);
        renderer.addAnnotation(background, Layer.BACKGROUND);
        laidOutFor = area;
    }

    private Rectangle2D plotArea(Rectangle2D area) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D layout = scratch.createGraphics();
        chart.draw(layout, area, info);
        layout.dispose();
        return info.getPlotInfo().getDataArea();
    }

    /** The painter of the paths over this picture, laid out for {@code area}. */
    PathPainter painter(Rectangle2D area) {
        layOut(area);
        return new PathPainter(data, scale, dataArea, frame.lower, frame.upper);
    }

    /** The picture without its paths, for an animation to draw them on. */
    BufferedImage background(int width, int height) {
        layOut(new Rectangle2D.Double(0, 0, width, height));
        return ChartFiles.render(width, height, chart::draw);
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        layOut(area);
        chart.draw(g2, area);
        PathPainter painter = painter(area);
        painter.extend(g2, Long.MAX_VALUE);
        painter.marks(g2, Long.MAX_VALUE);
    }

    /** The frame's and the bands' corners, for tests. */
    double[] lower() {
        return frame.lower.clone();
    }

    double[] upper() {
        return frame.upper.clone();
    }

    Levels levels() {
        return levels;
    }

    XYPlot plot() {
        return plot;
    }

    PaintScaleLegend colourBar() {
        return colourBar;
    }

    /** "500 steps from (−1.2, 1)". */
    private String subtitle() {
        Trajectory first = data.runs().get(0).path();
        String start = "(" + NumberText.significant(first.x(0, 0), 4) + ", " + NumberText.significant(first.x(0, 1), 4)
                + ")";
        return data.lastStep() + " steps from " + start;
    }
}
