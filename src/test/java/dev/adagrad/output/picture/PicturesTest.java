package dev.adagrad.output.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Sgd;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.Runner;
import dev.adagrad.run.Trajectory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** The picture files: valid, of the size asked, showing the paths given, animated with the frames expected. */
class PicturesTest {

    @TempDir
    Path directory;

    /** An SGD run from {@code start}, recorded. */
    private static PlotData.Run run(String name, Objective objective, double lr, long steps, double... start) {
        Trajectory path = new Trajectory(objective.dimension());
        RunResult result = new Runner(objective, CentralDifference.scaled(),
                Sgd.SGD.create(objective.dimension(), Compat.torch, Map.of("lr", lr)))
                .run(start, steps, 0, path);
        return new PlotData.Run(name, path, result.divergence() == null ? -1 : result.divergence().step());
    }

    private static PlotData bowl(double... start) {
        Objective f = Objective.of("x^2+3*y^2");
        return new PlotData("x^2+3*y^2", f.variables(), f,
                List.of(new double[] {0, 0}), List.of(run("sgd", f, 0.05, 30, start)));
    }

    /** The same picture framed by --box -2:2,-2:2. */
    private static PlotData framed(PlotData data) {
        return new PlotData(data.title(), data.variables(), data.objective(),
                data.minima(), data.runs(), new PlotData.View(new double[] {-2, -2}, new double[] {2, 2}, false));
    }

    private static BufferedImage read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertTrue(image != null, file + " is not an image ImageIO can read");
        return image;
    }

    @Test
    void aPngHasTheRequestedSize() throws IOException {
        Path file = directory.resolve("bowl.png");
        Pictures.plot(file, 640, 480, bowl(1.5, 1));

        BufferedImage image = read(file);
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
        assertEquals(List.of("bowl.png"), names(), "no temporary file is left");
    }

    @Test
    void anSvgIsXmlWithTheRequestedSize() throws Exception {
        Path file = directory.resolve("bowl.svg");
        Pictures.plot(file, 800, 600, bowl(1.5, 1));

        Element svg = svgRoot(file);
        assertEquals("svg", svg.getTagName());
        assertEquals(800, Double.parseDouble(svg.getAttribute("width").replace("px", "")), 0);
        assertEquals(600, Double.parseDouble(svg.getAttribute("height").replace("px", "")), 0);
    }

    @Test
    void twoDifferentPathsGiveDifferentPixels() throws IOException {
        Path left = directory.resolve("left.png");
        Path right = directory.resolve("right.png");
        Pictures.plot(left, 500, 400, framed(bowl(-1.5, 1)));
        Pictures.plot(right, 500, 400, framed(bowl(1.5, -1)));

        BufferedImage a = read(left);
        BufferedImage b = read(right);
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        // Same function, same box (--box -2:2,-2:2 holds both paths): only the paths and the subtitle's start differ,
        // so some pixels differ but most do not.
        assertTrue(differing > 200, differing + " pixels differ");
        assertTrue(differing < a.getWidth() * a.getHeight() / 4, differing + " pixels differ");
    }

    @Test
    void oneAndThreeVariablesAreDrawnToo() throws IOException {
        Objective one = Objective.of("(x-2)^2");
        Objective three = Objective.of("a^2+b^2+c^2");
        PlotData curve = new PlotData("(x-2)^2", one.variables(), one, List.of(),
                List.of(run("sgd", one, 0.1, 20, -1)));
        PlotData lines = new PlotData("a^2+b^2+c^2", three.variables(), three, List.of(),
                List.of(run("sgd", three, 0.1, 20, 1, 2, 3), run("slow", three, 0.01, 20, 1, 2, 3)));

        Pictures.plot(directory.resolve("one.png"), 600, 400, curve);
        Pictures.plot(directory.resolve("three.png"), 600, 400, lines);

        assertEquals(600, read(directory.resolve("one.png")).getWidth());
        assertEquals(400, read(directory.resolve("three.png")).getHeight());
    }

    @Test
    void theGifHasOneFramePerStepUpToSixty() throws IOException {
        Path short_ = directory.resolve("short.gif");
        Objective f = Objective.of("x^2+3*y^2");
        PlotData tenSteps = new PlotData("bowl", f.variables(), f, List.of(),
                List.of(run("sgd", f, 0.05, 10, 1.5, 1)));
        Pictures.animate(short_, 300, 200, tenSteps);
        assertEquals(11, frames(short_), "steps 0 to 10");

        Path long_ = directory.resolve("long.gif");
        Pictures.animate(long_, 300, 200, bowl(1.5, 1)); // 30 steps: 31 frames
        assertEquals(31, frames(long_));

        Path many = directory.resolve("many.gif");
        PlotData hundred = new PlotData("bowl", f.variables(), f, List.of(),
                List.of(run("sgd", f, 0.01, 100, 1.5, 1)));
        Pictures.animate(many, 300, 200, hundred);
        assertEquals(Pictures.MAX_FRAMES, frames(many));
        BufferedImage first = read(many);
        assertEquals(300, first.getWidth());
        assertEquals(200, first.getHeight());
    }

    @Test
    void theGifsLastFrameIsThePictureAndLaterFramesHoldOnlyWhatChanged() throws IOException {
        Objective f = Objective.of("x^2+3*y^2");
        PlotData data = new PlotData("bowl", f.variables(), f, List.of(new double[] {0, 0}),
                List.of(run("sgd", f, 0.05, 40, 1.5, 1), run("adam", f, 0.02, 40, -1.5, 1)));
        Path gif = directory.resolve("bowl.gif");
        Path png = directory.resolve("bowl.png");
        Pictures.animate(gif, 600, 400, data);
        Pictures.plot(png, 600, 400, data);

        List<int[]> boxes = new java.util.ArrayList<>();
        BufferedImage last = compose(gif, boxes);
        BufferedImage still = read(png);
        assertEquals(41, boxes.size());
        assertArrayEquals(new int[] {0, 0, 600, 400}, boxes.get(0), "the first frame is whole");
        for (int i = 1; i < boxes.size(); i++) {
            assertTrue(boxes.get(i)[2] * boxes.get(i)[3] < 600 * 400 / 2, "frame " + i + " is "
                    + boxes.get(i)[2] + "x" + boxes.get(i)[3]);
        }
        // The composed last frame is the still picture (but for the step label in the plot's corner), to within
        // the palette's rounding of anti-aliased edges.
        int close = 0;
        int compared = 0;
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 600; x++) {
                compared++;
                int a = last.getRGB(x, y);
                int b = still.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
                }
                close += d <= 24 ? 1 : 0;
            }
        }
        assertTrue(close > 0.97 * compared, close + " of " + compared + " pixels match the still");
    }

    /** Plays the GIF as a viewer does (each frame over the last, at its offset); returns the last frame. */
    private static BufferedImage compose(Path gif, List<int[]> boxes) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (InputStream in = Files.newInputStream(gif); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            reader.setInput(stream);
            BufferedImage canvas = null;
            for (int i = 0; i < reader.getNumImages(true); i++) {
                BufferedImage part = reader.read(i);
                org.w3c.dom.Node descriptor = ((javax.imageio.metadata.IIOMetadataNode) reader.getImageMetadata(i)
                        .getAsTree("javax_imageio_gif_image_1.0")).getElementsByTagName("ImageDescriptor").item(0);
                var attributes = descriptor.getAttributes();
                int x = Integer.parseInt(attributes.getNamedItem("imageLeftPosition").getNodeValue());
                int y = Integer.parseInt(attributes.getNamedItem("imageTopPosition").getNodeValue());
                boxes.add(new int[] {x, y, part.getWidth(), part.getHeight()});
                if (canvas == null) {
                    canvas = new BufferedImage(part.getWidth(), part.getHeight(), BufferedImage.TYPE_INT_RGB);
                }
                var g2 = canvas.createGraphics();
                g2.drawImage(part, x, y, null); // transparent pixels leave the frame before showing
                g2.dispose();
            }
            return canvas;
        } finally {
            reader.dispose();
        }
    }

    @Test
    void framesAreEvenlySpacedFromTheStartToTheEnd() {
        assertArrayEquals(new long[] {0, 1, 2, 3}, Pictures.frameSteps(3, 60));
        assertArrayEquals(new long[] {0, 25, 50, 75, 100}, Pictures.frameSteps(100, 5));
        assertArrayEquals(new long[] {0}, Pictures.frameSteps(0, 60));
    }

    @Test
    void anAnimationOfThreeVariablesOrAnotherExtensionIsRefused() {
        Objective three = Objective.of("a^2+b^2+c^2");
        PlotData lines = new PlotData("a^2+b^2+c^2", three.variables(), three, List.of(),
                List.of(run("sgd", three, 0.1, 5, 1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Pictures.animate(directory.resolve("a.gif"), 300, 200,
                lines));
        assertThrows(IllegalArgumentException.class, () -> Pictures.plot(directory.resolve("a.jpg"), 300, 200,
                bowl(1, 1)));
        assertThrows(IllegalArgumentException.class, () -> Pictures.animate(directory.resolve("a.png"), 300, 200,
                bowl(1, 1)));
        assertEquals(List.of(), names());
    }

    @Test
    void theSweepPictureSkipsDivergedRatesAndWritesBothFormats() throws Exception {
        List<SweepPlot.Series> series = List.of(
                new SweepPlot.Series("sgd", new double[] {1e-3, 1e-2, 1e-1, 1}, new double[] {1, 1e-3, Double.NaN,
                        Double.POSITIVE_INFINITY}),
                new SweepPlot.Series("adam", new double[] {1e-3, 1e-2, 1e-1, 1}, new double[] {2, 1e-2, 1e-6, 5}));
        Path png = directory.resolve("sweep.png");
        SweepPlot.write(png, 700, 500, "bowl", series);
        assertEquals(700, read(png).getWidth());
        assertEquals(500, read(png).getHeight());

        var chart = SweepPlot.chart("bowl", series, new Charts.Scale(1));
        var plot = chart.getXYPlot();
        assertTrue(plot.getDomainAxis() instanceof org.jfree.chart.axis.LogAxis, "learning rate on a log axis");
        assertTrue(plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis, "f spans decades: log axis");
        assertEquals(2, plot.getDataset().getItemCount(0), "sgd's two diverged rates are left out");
        assertEquals("sgd (2 rates diverged)", plot.getDataset().getSeriesKey(0));
        assertEquals(4, plot.getDataset().getItemCount(1));

        Path svg = directory.resolve("sweep.svg");
        SweepPlot.write(svg, 700, 500, "bowl", series);
        Element root = svgRoot(svg);
        assertEquals(700, Double.parseDouble(root.getAttribute("width").replace("px", "")), 0);
    }

    @Test
    void theLossCurveIsLogWhenTheLossSpansDecades() throws IOException {
        List<LossCurvePlot.Series> decades = List.of(new LossCurvePlot.Series("train", new double[] {10, 1, 0.1,
                0.01}), new LossCurvePlot.Series("validation", new double[] {12, 2, 0.5, 0.4}));
        var plot = LossCurvePlot.chart("fit", decades, new Charts.Scale(1)).getXYPlot();
        assertTrue(plot.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis);
        assertEquals(0.0, plot.getDataset().getXValue(0, 0), 0, "the first loss is drawn at epoch 0, the start");
        assertEquals(3.0, plot.getDataset().getXValue(0, 3), 0);

        var flat = LossCurvePlot.chart("fit", List.of(new LossCurvePlot.Series("train", new double[] {3, 2, 1.5})),
                new Charts.Scale(1))
                .getXYPlot();
        assertFalse(flat.getRangeAxis() instanceof org.jfree.chart.axis.LogAxis, "3 to 1.5 is not decades");

        Path file = directory.resolve("loss.png");
        LossCurvePlot.write(file, 400, 300, "fit", decades);
        assertEquals(400, read(file).getWidth());
        assertEquals(300, read(file).getHeight());
    }

    /** The root element, parsed without fetching the DTD the SVG's DOCTYPE names. */
    private static Element svgRoot(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    }

    private int frames(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (InputStream in = Files.newInputStream(gif); ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            reader.setInput(stream);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }

    private List<String> names() {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
