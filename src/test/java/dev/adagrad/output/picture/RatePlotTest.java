package dev.adagrad.output.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.CsvTable;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.Optimizers;
import dev.adagrad.optim.Schedule;
import dev.adagrad.optim.Scheduled;
import dev.adagrad.run.RateHistory;
import dev.adagrad.run.Runner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * {@code --plot-lr} draws the rate each step used: the recorded rates of a warm-up then exponential decay are real
 * torch 1.13's (the schedules fixture), and the chart's line holds exactly those points on a log axis.
 */
class RatePlotTest {

    @Test
    void theRecordedRatesAreTorchsAndTheChartDrawsThem() throws IOException {
        CsvTable torch;
        try (InputStream in = getClass().getResourceAsStream("/schedules/case-warmup-exponential-sgd-quad.csv")) {
            torch = new CsvTable(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Objective f = Objective.of("w^2+10*b^2");
        Optimizer sgd = Optimizers.byName("sgd").orElseThrow().create(2, Compat.torch, Map.of("lr", 0.04));
        Schedule warmUp = Schedule.sequential(Schedule.Spec.parse("linear:start_factor=0.25,total_iters=4")
                .create(40, false), Schedule.Spec.parse("exponential:gamma=0.95").create(36, false), 4);
        Optimizer scheduled = new Scheduled(sgd, warmUp, 2);
        RateHistory rates = new RateHistory(scheduled);
        new Runner(f, ExactGradient.instance(), scheduled).run(new double[] {1, 1}, 40, 0, rates);
        double[] steps = rates.steps();
        double[] used = rates.rates();
        assertEquals(40, used.length);
        for (int t = 1; t <= 40; t++) {
            assertEquals(t, steps[t - 1]);
            assertEquals(torch.number(t, "lr"), used[t - 1], 1e-15 * used[t - 1], "the rate of step " + t);
        }

        JFreeChart chart = RatePlot.chart("w^2+10*b^2", List.of(new RatePlot.Series("sgd", steps, used)),
                Charts.Scale.of(1000, 700));
        XYPlot plot = chart.getXYPlot();
        XYDataset data = plot.getDataset();
        assertEquals(1, data.getSeriesCount());
        assertEquals("sgd", data.getSeriesKey(0));
        assertEquals(40, data.getItemCount(0));
        for (int k = 0; k < 40; k++) {
            assertEquals(steps[k], data.getXValue(0, k));
            assertEquals(used[k], data.getYValue(0, k));
        }
        assertTrue(plot.getRangeAxis() instanceof LogAxis == Charts.spansDecades(used),
                "log scale exactly when the rates span decades");
        assertEquals("the learning rate each step used", ((org.jfree.chart.title.TextTitle) chart.getSubtitle(
                chart.getSubtitleCount() - 1)).getText());
    }
}
