package dev.adagrad.output.picture;

import dev.adagrad.output.Looks;
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
        ChartFiles.write(file, width, height, scale -> chart(title, series, scale));
    }

    static JFreeChart chart(String title, List<Series> series, Charts.Scale scale) {
        List<Looks.Look> looks = Looks.of(series.stream().map(Series::name).toList());
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
        boolean log = Charts.spansDecades(values.toArray(double[][]::new));
        XYPlot plot = Charts.lines("epoch", false, "loss", log, lines, scale);
        return Charts.chart(title, "loss against epoch", plot, RectangleEdge.BOTTOM, scale);
    }
}
