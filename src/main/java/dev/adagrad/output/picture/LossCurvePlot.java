package dev.adagrad.output.picture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The loss curves of {@code fit}: loss against epoch, one line per named series (training, validation, or one per
 * optimizer), loss on a log axis when it spans decades and is never negative.
 *
 * <p>Usage: {@code LossCurvePlot.write(Path.of("loss.svg"), 1000, 700, "linear regression, 3 features",
 * List.of(new LossCurvePlot.Series("train", trainLoss), new LossCurvePlot.Series("validation", validationLoss)))}.
 * A NaN or infinite loss is left out of its line.
 */
public final class LossCurvePlot {

    static {
        Headless.ensure();
    }

    /**
     * One curve.
     *
     * @param name the legend's name
     * @param loss the loss after each epoch: {@code loss[i]} is drawn at epoch i (0 is the start)
     */
    public record Series(String name, double[] loss) {
    }

    private LossCurvePlot() {
    }

    /**
     * Draws the curves into {@code file}, a .png or .svg of {@code width}×{@code height} pixels, written atomically.
     *
     * @param title what was fitted, shown as the picture's title
     * @throws IllegalArgumentException for another extension or a size below 1×1
     */
    public static void write(Path file, int width, int height, String title, List<Series> series)
            throws IOException {
        ChartFiles.write(file, width, height, (g2, area) -> chart(title, series).draw(g2, area));
    }

    /**
     * The loss curves above the accuracy curves of the same fits, sharing the epoch axis: what a classifier's
     * {@code --plot} shows. Each list holds one series per curve (e.g. per optimizer, and their validation rows).
     */
    public static void write(Path file, int width, int height, String title, List<Series> loss,
                             List<Series> accuracy) throws IOException {
        if (accuracy.isEmpty()) {
            write(file, width, height, title, loss);
            return;
        }
        ChartFiles.write(file, width, height, (g2, area) -> combined(title, loss, accuracy).draw(g2, area));
    }

    static JFreeChart combined(String title, List<Series> loss, List<Series> accuracy) {
        org.jfree.chart.axis.NumberAxis epoch = new org.jfree.chart.axis.NumberAxis("epoch");
        epoch.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits()); // epochs are whole
        org.jfree.chart.plot.CombinedDomainXYPlot plot = new org.jfree.chart.plot.CombinedDomainXYPlot(epoch);
        plot.setGap(12);
        plot.add(lines("loss", loss), 3);
        XYPlot below = lines("accuracy", accuracy);
        below.getRenderer().setDefaultSeriesVisibleInLegend(false); // the same curves as above: one legend
        plot.add(below, 2);
        return Charts.chart(title, "loss and accuracy against epoch", plot, RectangleEdge.BOTTOM);
    }

    private static XYPlot lines(String what, List<Series> series) {
        List<Charts.Line> lines = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Series s : series) {
            double[] epochs = new double[s.loss().length];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = i;
            }
            lines.add(new Charts.Line(s.name(), epochs, s.loss()));
            values.add(s.loss());
        }
        boolean log = what.equals("loss") && Charts.spansDecades(values.toArray(double[][]::new));
        return Charts.lines("epoch", false, what, log, lines);
    }

    static JFreeChart chart(String title, List<Series> series) {
        return Charts.chart(title, "loss against epoch", lines("loss", series), RectangleEdge.BOTTOM);
    }
}
