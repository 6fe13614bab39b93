package dev.adagrad.output.picture;

import dev.adagrad.output.Looks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The loss curves of {@code fit}: loss against epoch, one line per named series (training, validation, or one per
 * optimizer), loss on a log axis when it spans decades and is never negative. A series named after an optimizer has
 * its look; "NAME val" (its validation rows) has NAME's colour and marker with another dash.
 *
 * <p>Usage: {@code LossCurvePlot.write(Path.of("loss.svg"), 1000, 700, "linear regression, 3 features",
 * List.of(new LossCurvePlot.Series("train", trainLoss), new LossCurvePlot.Series("validation", validationLoss)))}.
 * A NaN or infinite loss is left out of its line.
 */
public final class LossCurvePlot {

    static {
        Headless.ensure();
    }

    /** The suffix of a validation series' name. */
    static final String VALIDATION = " val";

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
        ChartFiles.write(file, width, height, scale -> chart(title, series, scale));
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
        ChartFiles.write(file, width, height, scale -> combined(title, loss, accuracy, scale));
    }

    static JFreeChart combined(String title, List<Series> loss, List<Series> accuracy, Charts.Scale scale) {
        NumberAxis epoch = Charts.linearAxis("epoch", scale);
        epoch.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // epochs are whole
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epoch);
        plot.setGap(scale.px(12));
        plot.add(lines("loss", loss, scale), 3);
        XYPlot below = lines("accuracy", accuracy, scale);
        below.getRenderer().setDefaultSeriesVisibleInLegend(false); // the same curves as above: one legend
        plot.add(below, 2);
        return Charts.chart(title, "loss and accuracy against epoch", plot, RectangleEdge.BOTTOM, scale);
    }

    private static XYPlot lines(String what, List<Series> series, Charts.Scale scale) {
        List<Looks.Look> looks = looks(series);
        List<Charts.Line> lines = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Series s : series) {
            double[] epochs = new double[s.loss().length];
            for (int i = 0; i < epochs.length; i++) {
                epochs[i] = i;
            }
            lines.add(new Charts.Line(s.name(), looks.get(lines.size()), epochs, s.loss()));
            values.add(s.loss());
        }
        boolean log = what.equals("loss") && Charts.spansDecades(values.toArray(double[][]::new));
        return Charts.lines("epoch", false, what, log, lines, scale);
    }

    /** Each series' look: its optimizer's, a validation series its fit's with another dash. */
    static List<Looks.Look> looks(List<Series> series) {
        List<String> bases = series.stream().map(s -> s.name().endsWith(VALIDATION)
                ? s.name().substring(0, s.name().length() - VALIDATION.length()) : s.name()).toList();
        List<Looks.Look> own = Looks.of(bases);
        List<Looks.Look> looks = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Looks.Look look = own.get(i);
            if (series.get(i).name().endsWith(VALIDATION)) {
                look = new Looks.Look(look.rgb(), look.dash() == Looks.Dash.DOTTED ? Looks.Dash.DASHED
                        : Looks.Dash.DOTTED, look.marker());
            }
            looks.add(look);
        }
        return looks;
    }

    static JFreeChart chart(String title, List<Series> series, Charts.Scale scale) {
        return Charts.chart(title, "loss against epoch", lines("loss", series, scale), RectangleEdge.BOTTOM, scale);
    }
}
