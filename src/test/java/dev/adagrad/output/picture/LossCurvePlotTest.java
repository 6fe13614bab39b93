package dev.adagrad.output.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** A classifier's fit picture: loss curves above accuracy curves on one epoch axis, one legend. */
class LossCurvePlotTest {

    @Test
    void lossAboveAccuracyWithTheirOwnValuesAndOneLegend() {
        List<LossCurvePlot.Series> loss = List.of(new LossCurvePlot.Series("training", new double[] {0.7, 0.5, 0.4}),
                new LossCurvePlot.Series("validation", new double[] {0.72, 0.6, Double.NaN}));
        List<LossCurvePlot.Series> accuracy = List.of(
                new LossCurvePlot.Series("training", new double[] {0.5, 0.75, 0.875}),
                new LossCurvePlot.Series("validation", new double[] {0.5, 0.625, 0.625}));
        CombinedDomainXYPlot plot = (CombinedDomainXYPlot) LossCurvePlot.combined("fit", loss, accuracy,
                new Charts.Scale(1)).getXYPlot();
        List<XYPlot> panels = plot.getSubplots();
        assertEquals(2, panels.size());
        assertEquals("loss", panels.get(0).getRangeAxis().getLabel());
        assertEquals("accuracy", panels.get(1).getRangeAxis().getLabel());
        XYDataset top = panels.get(0).getDataset();
        assertEquals("validation", top.getSeriesKey(1));
        assertEquals(2, top.getItemCount(1), "the NaN of epoch 2 is left out");
        assertEquals(0.6, top.getYValue(1, 1));
        XYDataset bottom = panels.get(1).getDataset();
        assertEquals(3, bottom.getItemCount(0));
        assertEquals(0.875, bottom.getYValue(0, 2));
        assertEquals(2.0, bottom.getXValue(0, 2), "drawn at epoch 2");
        assertTrue(panels.get(0).getRenderer().getDefaultSeriesVisibleInLegend());
        assertFalse(panels.get(1).getRenderer().getDefaultSeriesVisibleInLegend(), "one legend for both panels");
    }
}
