package dev.adagrad.output.picture;

import dev.adagrad.output.Looks;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/** {@code --plot-lr}: the learning rate γ each step used, against step, one line per optimizer. */
public final class RatePlot {

    static {
        Headless.ensure();
    }

    /** One run's rates: {@code rates[k]} is the γ of step {@code steps[k]}. */
    public record Series(String optimizer, double[] steps, double[] rates) {
    }

    private RatePlot() {
    }

    /** Draws into {@code file} (.png or .svg), written atomically; a log scale when the rates span decades. */
    public static void write(Path file, int width, int height, String title, List<Series> series)
            throws IOException {
        ChartFiles.write(file, width, height, scale -> chart(title, series, scale));
    }

    static JFreeChart chart(String title, List<Series> series, Charts.Scale scale) {
        List<Looks.Look> looks = Looks.of(series.stream().map(Series::optimizer).toList());
        List<Charts.Line> lines = new ArrayList<>();
        for (Series s : series) {
            lines.add(new Charts.Line(s.optimizer(), looks.get(lines.size()), s.steps(), s.rates()));
        }
        boolean log = Charts.spansDecades(series.stream().map(Series::rates).toArray(double[][]::new));
        XYPlot plot = Charts.lines("step", false, "learning rate γ", log, lines, scale);
        return Charts.chart(title, "the learning rate each step used", plot, RectangleEdge.BOTTOM, scale);
    }
}
