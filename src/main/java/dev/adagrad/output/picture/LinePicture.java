package dev.adagrad.output.picture;

import dev.adagrad.expr.Objective;
import dev.adagrad.output.Looks;
import dev.adagrad.run.Trajectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The pictures other than 2-D, as two panels under one title. One variable: f(x) as a curve with every run's iterates
 * marked and some numbered by step, beside f against step. More than two variables: f against step beside each
 * coordinate against step (the first {@value #MAX_COORDINATES}).
 */
final class LinePicture implements ChartFiles.Drawing {

    static final int MAX_COORDINATES = 6;
    private static final int CURVE_POINTS = 400;
    /** Rows of a path that may be numbered; {@link StepLabels} keeps those that do not overlap. */
    private static final int LABEL_CANDIDATES = 200;
    private static final double MARGIN = 0.05;

    private final PlotData data;
    private final List<Looks.Look> looks;
    private final long upTo;
    private Charts.Scale scale = new Charts.Scale(1);
    private StepLabels stepLabels;

    /** The picture with each path shown up to step {@code upTo} (Long.MAX_VALUE: all of it). */
    LinePicture(PlotData data, long upTo) {
        this.data = data;
        this.looks = data.looks();
        this.upTo = upTo;
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area) {
        scale = Charts.Scale.of(area.getWidth(), area.getHeight());
        TextTitle title = new TextTitle(data.title(), scale.title());
        title.setPaint(Color.BLACK);
        title.setPadding(new RectangleInsets(scale.px(10), scale.px(8), scale.px(4), scale.px(8)));
        double titleHeight = title.arrange(g2).getHeight();
        title.draw(g2, new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(), titleHeight));
        double top = area.getY() + titleHeight;
        double height = area.getHeight() - titleHeight;
        double half = area.getWidth() / 2;
        JFreeChart left = data.dimension() == 1 ? curve() : fAgainstStep(null);
        JFreeChart right = data.dimension() == 1 ? fAgainstStep(RectangleEdge.BOTTOM) : coordinates();
        left.draw(g2, new Rectangle2D.Double(area.getX(), top, half, height));
        right.draw(g2, new Rectangle2D.Double(area.getX() + half, top, area.getWidth() - half, height));
    }

    /** How many rows of a path are shown. */
    private int shown(Trajectory path) {
        int n = 0;
        while (n < path.size() && path.step(n) <= upTo) {
            n++;
        }
        return n;
    }

    private JFreeChart fAgainstStep(RectangleEdge legend) {
        List<Charts.Line> lines = new ArrayList<>();
        List<double[]> fs = new ArrayList<>();
        boolean allDiverged = data.runs().stream().allMatch(PlotData.Run::diverged);
        for (PlotData.Run run : data.runs()) {
            int n = shown(run.path());
            double[] steps = new double[n];
            double[] f = new double[n];
            for (int k = 0; k < n; k++) {
                steps[k] = run.path().step(k);
                f[k] = run.path().f(k);
            }
            lines.add(new Charts.Line(run.label(), looks.get(lines.size()), steps, f));
            if (allDiverged || !run.diverged()) {
                fs.add(run.path().fArray());
            }
        }
        boolean log = Charts.spansDecades(fs.toArray(double[][]::new));
        XYPlot plot = Charts.lines("step", false, "f", log, lines, scale);
        plot.getDomainAxis().setRange(0, Math.max(1, data.lastStep()));
        plot.getRangeAxis().setRange(log ? logRange(fs) : range(fs));
        JFreeChart chart = Charts.chart(null, "f against step", plot, legend, scale);
        if (legend != null) {
            plot.setFixedLegendItems(runLegend());
        }
        return chart;
    }

    /** The range of every run's values (all rows, not just those shown, so frames share axes), with a margin. */
    private org.jfree.data.Range range(List<double[]> series) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (double value : values) {
                if (Double.isFinite(value)) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        if (!(low <= high)) {
            return new org.jfree.data.Range(0, 1);
        }
        double span = high - low;
        if (!(span > 0) || !Double.isFinite(span)) {
            span = Double.isFinite(span) ? Math.max(1, Math.abs(low)) : Double.MAX_VALUE;
        }
        return new org.jfree.data.Range(finite(low - MARGIN * span, low), finite(high + MARGIN * span, high));
    }

    /** The positive values' range, widened by a fifth of a decade each side. */
    private static org.jfree.data.Range logRange(List<double[]> series) {
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (double[] values : series) {
            for (double value : values) {
                if (Double.isFinite(value) && value > 0) {
                    low = Math.min(low, value);
                    high = Math.max(high, value);
                }
            }
        }
        double widen = Math.pow(10, 0.2);
        return new org.jfree.data.Range(low / widen, finite(high * widen, high));
    }

    /** {@code value}, or {@code fallback} when widening a range overflowed. */
    private static double finite(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    private JFreeChart curve() {
        Frame frame = Frame.of(data, 1);
        org.jfree.data.Range xRange = new org.jfree.data.Range(frame.lower[0], frame.upper[0]);
        Objective f = data.objective().copy();
        XYSeries curve = new XYSeries("f", false);
        double[] point = new double[1];
        for (int i = 0; i <= CURVE_POINTS; i++) {
            point[0] = xRange.getLowerBound() + i * xRange.getLength() / CURVE_POINTS;
            double value = f.value(point);
            if (Double.isFinite(value)) {
                curve.add(point[0], value);
            }
        }
        XYSeriesCollection curveData = new XYSeriesCollection(curve);
        XYLineAndShapeRenderer curveRenderer = new XYLineAndShapeRenderer(true, false);
        curveRenderer.setSeriesPaint(0, new Color(0x444444));
        curveRenderer.setSeriesStroke(0, new java.awt.BasicStroke((float) scale.px(2)));

        XYSeriesCollection iterates = new XYSeriesCollection();
        XYLineAndShapeRenderer iterateRenderer = new XYLineAndShapeRenderer(false, true);
        List<StepLabels.Label> numbers = new ArrayList<>();
        for (int i = 0; i < data.runs().size(); i++) {
            Trajectory path = data.runs().get(i).path();
            XYSeries series = new XYSeries(data.runs().get(i).label(), false);
            int n = shown(path);
            for (int k = 0; k < n; k++) {
                series.add(path.x(k, 0), path.f(k));
            }
            iterates.addSeries(series);
            Looks.Look look = looks.get(i);
            iterateRenderer.setSeriesPaint(i, Charts.lineColour(look));
            iterateRenderer.setSeriesShape(i, Charts.marker(look.marker(), scale.px(9)));
            int every = Math.max(1, (int) Math.ceil(n / (double) LABEL_CANDIDATES));
            for (int k = 0; k < n; k++) {
                if (k % every == 0 || k == n - 1) {
                    int priority = k == 0 ? 0 : k == n - 1 ? 1 : 2 + k;
                    numbers.add(new StepLabels.Label(path.x(k, 0), path.f(k), Long.toString(path.step(k)),
                            Charts.colour(look).darker(), priority));
                }
            }
        }
        NumberAxis xAxis = Charts.linearAxis(data.variables().get(0), scale);
        xAxis.setRange(xRange);
        NumberAxis yAxis = Charts.linearAxis("f", scale);
        XYPlot plot = new XYPlot(iterates, xAxis, yAxis, iterateRenderer);
        plot.setDataset(1, curveData);
        plot.setRenderer(1, curveRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        stepLabels = new StepLabels(numbers, scale.note(), scale.px(3));
        plot.addAnnotation(stepLabels);
        return Charts.chart(null, "f(" + data.variables().get(0) + ") with the iterates, numbered by step", plot,
                null, scale);
    }

    /** The step labels of the last 1-D picture drawn, for tests. */
    StepLabels stepLabels() {
        return stepLabels;
    }

    private JFreeChart coordinates() {
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(Charts.linearAxis("step", scale));
        combined.getDomainAxis().setRange(0, Math.max(1, data.lastStep()));
        combined.setGap(6);
        int count = Math.min(MAX_COORDINATES, data.dimension());
        for (int v = 0; v < count; v++) {
            List<Charts.Line> lines = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            for (PlotData.Run run : data.runs()) {
                int n = shown(run.path());
                double[] steps = new double[n];
                double[] x = new double[n];
                for (int k = 0; k < n; k++) {
                    steps[k] = run.path().step(k);
                    x[k] = run.path().x(k, v);
                }
                lines.add(new Charts.Line(run.label(), looks.get(lines.size()), steps, x));
                values.add(run.path().xArray(v));
            }
            XYPlot plot = Charts.lines("step", false, data.variables().get(v), false, lines, scale);
            plot.getRangeAxis().setRange(range(values));
            plot.setDomainGridlinePaint(new Color(0xdddddd));
            plot.setRangeGridlinePaint(new Color(0xdddddd));
            plot.setBackgroundPaint(Color.WHITE);
            combined.add(plot);
        }
        String what = count < data.dimension()
                ? "the first " + count + " of " + data.dimension() + " coordinates against step"
                : "each coordinate against step";
        JFreeChart chart = Charts.chart(null, what, combined, RectangleEdge.BOTTOM, scale);
        combined.setFixedLegendItems(runLegend());
        return chart;
    }

    private LegendItemCollection runLegend() {
        return Charts.legend(data.runs().stream().map(PlotData.Run::label).toList(), looks, scale);
    }
}
