package dev.adagrad.cli;

import dev.adagrad.output.picture.LossCurvePlot;
import dev.adagrad.output.picture.SweepPlot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --plot} and {@code --plot-size} for the commands whose picture is a set of curves rather than paths:
 * {@code sweep} (final f against learning rate) and {@code fit} (loss against epoch). Checked before anything runs;
 * the chart library is loaded only by the draw methods, when a picture is asked for.
 */
public final class PlotOptions {

    @Option(names = "--plot", paramLabel = "FILE", description = "Draw the result's curves to FILE (.png or .svg).")
    Path plot;

    @Option(names = "--plot-size", paramLabel = "WxH", defaultValue = PictureOptions.DEFAULT_SIZE,
            description = "Size of the --plot picture in pixels, each side " + PictureOptions.MIN_SIDE + " to "
                    + PictureOptions.MAX_SIDE + ". Default: ${DEFAULT-VALUE}.")
    String plotSize;

    /** Checks the file's extension and directory and the size, before the work starts. */
    void validate(Path output) throws IOException {
        PictureOptions.notTheOutput("--plot", plot, output);
        PictureOptions.size(plotSize);
        PictureOptions.checkPlot(plot);
    }

    /** One line per optimizer: final f against learning rate; runs that diverged are NaN and left out. */
    void drawSweep(String title, List<String> optimizers, double[] learningRates, List<double[]> finalF)
            throws IOException {
        if (plot == null) {
            return;
        }
        List<SweepPlot.Series> series = new ArrayList<>();
        for (int i = 0; i < optimizers.size(); i++) {
            series.add(new SweepPlot.Series(optimizers.get(i), learningRates, finalF.get(i)));
        }
        int[] size = PictureOptions.size(plotSize);
        SweepPlot.write(plot, size[0], size[1], title, series);
    }

    /**
     * {@code fit --plot}: per fit its loss curve (and its validation rows' as "NAME val"), and below, for a
     * classifier, the accuracy curves; a fit with no epoch is left out.
     */
    void drawFitCurves(String title, List<String> names, List<dev.adagrad.fit.LossHistory> histories,
                       boolean validation, boolean classification) throws IOException {
        if (plot == null) {
            return;
        }
        List<LossCurvePlot.Series> loss = new ArrayList<>();
        List<LossCurvePlot.Series> accuracy = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            dev.adagrad.fit.LossHistory history = histories.get(i);
            if (history.size() == 0) {
                continue;
            }
            String name = names.get(i);
            String held = names.get(i) + " val";
            loss.add(new LossCurvePlot.Series(name, history.lossArray()));
            if (validation) {
                loss.add(new LossCurvePlot.Series(held, history.validationLossArray()));
            }
            if (classification) {
                accuracy.add(new LossCurvePlot.Series(name, history.accuracyArray()));
                if (validation) {
                    accuracy.add(new LossCurvePlot.Series(held, history.validationAccuracyArray()));
                }
            }
        }
        if (!loss.isEmpty()) {
            int[] size = PictureOptions.size(plotSize);
            LossCurvePlot.write(plot, size[0], size[1], title, loss, accuracy);
        }
    }
}
