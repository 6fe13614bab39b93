package dev.adagrad.output.picture;

import static dev.adagrad.output.picture.PictureContentTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.expr.Objective;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The region a picture shows: start, paths, minima and a margin by default, or what --box and --xlim say. */
class FrameTest {

    @Test
    void theDefaultFrameHoldsTheStartTheWholePathAndTheKnownMinimumWithAMargin() {
        // Rosenbrock from (-1.2, 1) for 3 slow steps: the run stays near the start, far from the minimum (1, 1).
        Objective rosenbrock = Objective.of("(1-x)^2+100*(y-x^2)^2");
        PlotData data = new PlotData("rosenbrock", rosenbrock.variables(), rosenbrock,
                List.of(new double[] {1, 1}), List.of(run("sgd", rosenbrock, 1e-4, 3, -1.2, 1)));
        Frame frame = Frame.of(data, 2);
        double span = 1 - -1.2;
        assertEquals(-1.2 - Frame.MARGIN * span, frame.lower[0], 1e-3);
        assertEquals(1 + Frame.MARGIN * span, frame.upper[0], 1e-12);
        assertTrue(frame.lower[1] < 1 && frame.upper[1] > 1, "y holds 1");
        // Every point of the path is inside.
        var path = data.runs().get(0).path();
        for (int k = 0; k < path.size(); k++) {
            assertTrue(path.x(k, 1) > frame.lower[1] && path.x(k, 1) < frame.upper[1]);
        }
        // y's span would be tiny (the path moves by 0.01): it is widened to a quarter of x's, around its centre.
        assertEquals(Frame.THINNEST * span * (1 + 2 * Frame.MARGIN), frame.upper[1] - frame.lower[1], 1e-2);
    }

    @Test
    void anExpressionsFrameHoldsThePointTheRunWasHeadingFor() {
        // x^2 from 4, 10 slow steps: the run ends near 3.3; the minimum 0 lies ahead in the direction it moved.
        Objective parabola = Objective.of("x^2");
        PlotData data = new PlotData("x^2", parabola.variables(), parabola, List.of(),
                List.of(run("sgd", parabola, 0.02, 10, 4)));
        Frame frame = Frame.of(data, 1);
        assertTrue(frame.lower[0] < 0 && frame.lower[0] > -1, "0 inside, with a margin: " + frame.lower[0]);
        assertEquals(4 + Frame.MARGIN * (4 - frame.lower[0]) / (1 + Frame.MARGIN), frame.upper[0], 0.05);
    }

    @Test
    void aDivergedRunDoesNotShrinkTheOthersToADot() {
        Objective bowl = Objective.of("x^2+y^2");
        PlotData data = new PlotData("bowl", bowl.variables(), bowl, List.of(new double[] {0, 0}),
                List.of(run("sgd", bowl, 0.1, 30, 1, 1), run("momentum", bowl, 5, 300, 1, 1)));
        assertTrue(data.runs().get(1).diverged(), "lr 5 diverges");
        Frame frame = Frame.of(data, 2);
        for (int v = 0; v < 2; v++) {
            assertTrue(frame.upper[v] - frame.lower[v] < 20, "span " + (frame.upper[v] - frame.lower[v]));
        }
    }

    @Test
    void aGivenBoxIsUsedAsItIsAndEqualAspectWidensTheShorterSide() {
        Objective bowl = Objective.of("w^2+10*b^2");
        PlotData.View view = new PlotData.View(new double[] {-1, 0}, new double[] {3, 1}, false);
        PlotData data = new PlotData("bowl", bowl.variables(), bowl, List.of(),
                List.of(run("sgd", bowl, 0.01, 10, 1, 1)), view);
        Frame frame = Frame.of(data, 2);
        assertArrayEquals(new double[] {-1, 0}, frame.lower);
        assertArrayEquals(new double[] {3, 1}, frame.upper);

        PlotData equal = new PlotData("bowl", bowl.variables(), bowl, List.of(),
                List.of(run("sgd", bowl, 0.01, 10, 1, 1)), new PlotData.View(view.lower(), view.upper(), true));
        ContourPicture picture = new ContourPicture(equal, Charts.Scale.of(900, 500));
        ChartFiles.render(900, 500, picture);
        PathPainter painter = picture.painter(new Rectangle2D.Double(0, 0, 900, 500));
        double unitX = painter.pixelX(1) - painter.pixelX(0);
        double unitY = painter.pixelY(0) - painter.pixelY(1);
        assertEquals(unitX, unitY, unitX * 0.01, "one unit as many pixels along both axes");
        assertTrue(picture.lower()[0] <= -1 && picture.upper()[0] >= 3, "the box asked for is still inside");
        assertTrue(picture.lower()[1] <= 0 && picture.upper()[1] >= 1);
    }
}
