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
 * A learning-rate sweep: the final f each optimizer reached against the learning rate it was given, one line per
 * optimizer, the rate on a log axis, f on a log axis too when it spans decades (and is never negative).
 *
 * <p>Usage: {@code SweepPlot.write(Path.of("sweep.png"), 1000, 700, "rosenbrock", List.of(new SweepPlot.Series("adam",
 * rates, finalF)))}. A point whose final f is NaN or infinite (the run diverged) is left out of its line and counted
 * in the legend: "sgd (2 rates diverged)".
 */
public final class SweepPlot {

    static {
        Headless.ensure();
    }

    /**
     * One optimizer's sweep.
     *
     * @param optimizer     the legend's name
     * @param learningRates the rates tried, each > 0
     * @param finalF        the final f at each rate (same length); NaN or infinite where the run diverged
     */
    public record Series(String optimizer, double[] learningRates, double[] finalF) {

        public Series {
            if (learningRates.length != finalF.length) {
                throw new IllegalArgumentException(optimizer + ": " + learningRates.length + " learning rates but "
                        + finalF.length + " final values");
            }
        }

        int diverged() {
            int count = 0;
            for (double value : finalF) {
                if (!Double.isFinite(value)) {
                    count++;
                }
            }
            return count;
        }
    }

    private SweepPlot() {
    }

    /**
     * Draws the sweep into {@code file}, a .png or .svg of {@code width}×{@code height} pixels, written atomically.
     *
     * @param title the function, shown as the picture's title
     * @throws IllegalArgumentException for another extension or a size below 1×1
     */
    public static void write(Path file, int width, int height, String title, List<Series> series)
            throws IOException {
        ChartFiles.write(file, width, height, scale -> chart(title, series, scale));
    }

    static JFreeChart chart(String title, List<Series> series, Charts.Scale scale) {
        List<Looks.Look> looks = Looks.of(series.stream().map(Series::optimizer).toList());
        List<Charts.Line> lines = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (Series s : series) {
            int diverged = s.diverged();
            String label = diverged == 0 ? s.optimizer()
                    : s.optimizer() + " (" + diverged + (diverged == 1 ? " rate" : " rates") + " diverged)";
            lines.add(new Charts.Line(label, looks.get(lines.size()), s.learningRates(), s.finalF()));
            values.add(s.finalF());
        }
        boolean logF = Charts.spansDecades(values.toArray(double[][]::new));
        XYPlot plot = Charts.lines("learning rate", true, "final f", logF, lines, scale);
        return Charts.chart(title, "final f against learning rate", plot, RectangleEdge.BOTTOM, scale);
    }
}
