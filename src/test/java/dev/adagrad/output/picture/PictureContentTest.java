package dev.adagrad.output.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Sgd;
import dev.adagrad.output.Looks;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.Runner;
import dev.adagrad.run.Trajectory;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.NumberAxis;
import org.junit.jupiter.api.Test;

/** What the pictures show: each path in its optimizer's colour where the trajectory says, on top the minimum. */
class PictureContentTest {

    private static final Objective BOWL = Objective.of("x^2+3*y^2");

    /** An SGD run named {@code name} (its name alone chooses its look) from {@code start}. */
    static PlotData.Run run(String name, Objective f, double lr, long steps, double... start) {
        Trajectory path = new Trajectory(f.dimension());
        RunResult result = new Runner(f, CentralDifference.scaled(),
                Sgd.SGD.create(f.dimension(), Compat.torch, Map.of("lr", lr))).run(start, steps, 0, path);
        return new PlotData.Run(name, path, result.divergence() == null ? -1 : result.divergence().step());
    }

    private static PlotData bowl(List<PlotData.Run> runs) {
        return new PlotData("bowl", BOWL.variables(), BOWL, List.of(new double[] {0, 0}), runs);
    }

    /** Distance between two colours, the largest difference of a channel. */
    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
        }
        return d;
    }

    /** The look's colour at the lines' alpha over {@code under}. */
    private static int blend(int colour, int under) {
        double a = Charts.LINE_ALPHA / 255.0;
        int out = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            double c = ((colour >> shift) & 0xff) * a + ((under >> shift) & 0xff) * (1 - a);
            out |= (int) Math.round(c) << shift;
        }
        return out;
    }

    @Test
    void eachPathIsDrawnInItsOptimizersColourWhereItsTrajectoryGoes() {
        // Three runs from three corners; adagrad is in both pictures, with different companions.
        PlotData first = bowl(List.of(run("sgd", BOWL, 0.05, 20, 1.5, 1), run("adagrad", BOWL, 0.05, 20, -1.5, 1)));
        PlotData second = bowl(List.of(run("adam", BOWL, 0.05, 20, 1.5, -1), run("rmsprop", BOWL, 0.02, 20, 1.5, 1),
                run("adagrad", BOWL, 0.05, 20, -1.5, 1)));
        for (PlotData data : List.of(first, second)) {
            ContourPicture picture = new ContourPicture(data, Charts.Scale.of(800, 600));
            BufferedImage background = picture.background(800, 600);
            BufferedImage image = ChartFiles.render(800, 600, picture);
            PathPainter painter = picture.painter(new Rectangle2D.Double(0, 0, 800, 600));
            List<Looks.Look> looks = data.looks();
            for (int i = 0; i < data.runs().size(); i++) {
                Trajectory path = data.runs().get(i).path();
                int colour = Looks.ofOptimizer(data.runs().get(i).name()).rgb();
                // Points 16 to 40 pixels along the path, past the start's circle: whatever the dash pattern, and
                // where no marker sits, most of them are the line's colour over the contours.
                int matching = 0;
                StringBuilder found = new StringBuilder();
                for (double arc = 16; arc <= 40; arc += 2) {
                    double[] p = along(painter, path, arc);
                    int px = (int) Math.floor(p[0]);
                    int py = (int) Math.floor(p[1]);
                    int expected = blend(colour, background.getRGB(px, py));
                    int actual = image.getRGB(px, py) & 0xffffff;
                    matching += distance(expected, actual) <= 24 ? 1 : 0;
                    found.append(' ').append(Integer.toHexString(actual));
                }
                assertTrue(matching >= 4, data.runs().get(i).name() + ": " + matching + " of 13 points along the "
                        + "path are " + Integer.toHexString(colour) + " over the contours; found" + found);
                assertEquals(Looks.ofOptimizer(data.runs().get(i).name()), looks.get(i));
            }
        }
    }

    /** The pixel {@code arc} pixels along the path's polyline from its start. */
    private static double[] along(PathPainter painter, Trajectory path, double arc) {
        double left = arc;
        for (int k = 1; k < path.size(); k++) {
            double x0 = painter.pixelX(path.x(k - 1, 0));
            double y0 = painter.pixelY(path.x(k - 1, 1));
            double x1 = painter.pixelX(path.x(k, 0));
            double y1 = painter.pixelY(path.x(k, 1));
            double length = Math.hypot(x1 - x0, y1 - y0);
            if (length >= left) {
                return new double[] {x0 + (x1 - x0) * left / length, y0 + (y1 - y0) * left / length};
            }
            left -= length;
        }
        throw new AssertionError("the path is shorter than " + arc + " pixels");
    }

    @Test
    void theLegendShowsEachOptimizerInItsRegistryColour() {
        PlotData data = bowl(List.of(run("sgd", BOWL, 0.05, 20, 1.5, 1), run("adagrad", BOWL, 0.05, 20, -1.5, 1)));
        BufferedImage image = ChartFiles.render(900, 600, new ContourPicture(data, Charts.Scale.of(900, 600)));
        // The legend is the bottom strip; the paths never reach it.
        assertTrue(count(image, 560, Looks.ofOptimizer("adagrad").rgb()) > 30, "adagrad's swatch is bluish green");
        assertTrue(count(image, 560, Looks.ofOptimizer("sgd").rgb()) > 30, "sgd's swatch is vermillion");
        assertEquals(0, count(image, 560, Looks.ofOptimizer("adam").rgb()), "no adam here");
    }

    private static int count(BufferedImage image, int fromRow, int rgb) {
        int n = 0;
        for (int y = fromRow; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theMinimumsStarIsDrawnOverAPathThroughIt() {
        // From (1.5, 0) SGD runs along y = 0 straight through the minimum (0, 0) and ends on it.
        PlotData data = bowl(List.of(run("sgd", BOWL, 0.3, 40, 1.5, 0), run("momentum", BOWL, 0.3, 40, 1.5, 0)));
        ContourPicture picture = new ContourPicture(data, Charts.Scale.of(800, 600));
        BufferedImage image = ChartFiles.render(800, 600, picture);
        PathPainter painter = picture.painter(new Rectangle2D.Double(0, 0, 800, 600));
        int px = (int) Math.round(painter.pixelX(0));
        int py = (int) Math.round(painter.pixelY(0));
        assertTrue(distance(image.getRGB(px, py) & 0xffffff, 0) <= 30, "black star at the minimum, found "
                + Integer.toHexString(image.getRGB(px, py)));
    }

    @Test
    void aLargePictureHasAtMostTenTicksAnAxisAndAColourBar() {
        PlotData data = bowl(List.of(run("sgd", BOWL, 0.05, 20, 1.5, 1)));
        for (int[] size : new int[][] {{1920, 1080}, {4000, 4000}, {640, 480}}) {
            ContourPicture picture = new ContourPicture(data, Charts.Scale.of(size[0], size[1]));
            ChartFiles.render(size[0], size[1], picture);
            for (NumberAxis axis : List.of((NumberAxis) picture.plot().getDomainAxis(),
                    (NumberAxis) picture.plot().getRangeAxis())) {
                double ticks = axis.getRange().getLength() / axis.getTickUnit().getSize();
                assertTrue(ticks <= Charts.MAX_TICKS + 1, size[0] + "x" + size[1] + ": " + ticks + " ticks");
                assertTrue(ticks >= 3, size[0] + "x" + size[1] + ": " + ticks + " ticks");
            }
            assertTrue(picture.colourBar() != null, "a colour bar");
        }
        assertEquals(34, Charts.Scale.of(1920, 1080).title().getSize(), "20 points × √(1920·1080 / 1000·700)");
    }

    @Test
    void aFitsValidationCurveHasItsColourAndAnotherDash() {
        List<Looks.Look> looks = LossCurvePlot.looks(List.of(new LossCurvePlot.Series("adagrad", new double[] {1}),
                new LossCurvePlot.Series("adagrad val", new double[] {1}), new LossCurvePlot.Series("sgd",
                        new double[] {1})));
        assertEquals(Looks.ofOptimizer("adagrad"), looks.get(0));
        assertEquals(Looks.BLUISH_GREEN, looks.get(1).rgb());
        assertEquals(Looks.Dash.DOTTED, looks.get(1).dash(), "adagrad's own line is solid");
        assertEquals(Looks.ofOptimizer("sgd"), looks.get(2));
    }

    @Test
    void crowdedStepLabelsAreThinnedSoNoneOverlap() {
        Objective parabola = Objective.of("x^2");
        PlotData data = new PlotData("x^2", parabola.variables(), parabola, List.of(),
                List.of(run("sgd", parabola, 0.1, 60, 4), run("adam", parabola, 0.05, 60, 4)));
        LinePicture picture = new LinePicture(data, Long.MAX_VALUE);
        ChartFiles.render(800, 500, picture);
        List<Rectangle2D> placed = picture.stepLabels().placed();
        assertTrue(placed.size() >= 4, placed.size() + " labels");
        assertTrue(placed.size() < 122, "some of the 122 iterates are left unnumbered");
        for (int i = 0; i < placed.size(); i++) {
            for (int j = i + 1; j < placed.size(); j++) {
                assertTrue(!placed.get(i).intersects(placed.get(j)), "labels " + i + " and " + j + " overlap");
            }
        }
    }
}
