package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --plot on sweep (final f against learning rate) and fit (loss against epoch). */
class PlotOptionsTest {

    @Test
    void sweepDrawsAPictureOfTheRequestedSize(@TempDir Path directory) throws Exception {
        Path picture = directory.resolve("sweep.png");
        Cli.Result result = Cli.run("sweep", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adagrad", "--lr",
                "1e-3..1", "--points", "5", "--steps", "20", "--plot", picture.toString(), "--plot-size", "640x480");
        assertEquals(0, result.exitCode(), result.err());
        BufferedImage image = ImageIO.read(picture.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(480, image.getHeight());
    }

    @Test
    void fitDrawsItsLossCurve(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("points.csv");
        Files.writeString(data, "x,y\n1,2\n2,4\n3,6\n4,8\n");
        Path picture = directory.resolve("loss.svg");
        Cli.Result result = Cli.run("fit", "--data", data.toString(), "--loss", "(w*x+b-y)^2", "--params", "w=0,b=0",
                "--lr", "0.1", "--epochs", "20", "--plot", picture.toString());
        assertEquals(0, result.exitCode(), result.err());
        String svg = Files.readString(picture);
        assertTrue(svg.matches("(?s).*<svg [^>]*width='1000(\\.0)?' height='700(\\.0)?'.*"), "the default size");
        assertTrue(svg.contains("adagrad"), "the legend names the optimizer");
    }

    @Test
    void aBadPictureIsRefusedBeforeAnythingRuns(@TempDir Path directory) throws Exception {
        Path data = directory.resolve("points.csv");
        Files.writeString(data, "x,y\n1,2\n");
        Cli.Result fit = Cli.run("fit", "--data", data.toString(), "--loss", "(w*x-y)^2", "--params", "w=0",
                "--plot", directory.resolve("loss.jpg").toString());
        assertEquals(2, fit.exitCode());
        assertEquals("", fit.out(), "no epoch was printed");
        assertTrue(fit.err().startsWith("adagrad fit: --plot"), fit.err());

        Cli.Result sweep = Cli.run("sweep", "--f", "x^2", "--x0", "1", "--plot", directory.resolve("s.png").toString(),
                "--plot-size", "10x10");
        assertEquals(2, sweep.exitCode());
        assertEquals("", sweep.out());
        assertFalse(Files.exists(directory.resolve("s.png")));
    }

    @Test
    void aPictureMayNotOverwriteTheRowsOutput(@TempDir Path directory) {
        String same = directory.resolve("same.png").toString();
        for (String[] args : new String[][] {
                {"run", "--f", "x^2", "--x0", "4", "--plot", same, "--output", same},
                {"compare", "--f", "x^2", "--x0", "4", "--animate", same.replace(".png", ".gif"), "--output",
                        same.replace(".png", ".gif")},
                {"sweep", "--f", "x^2", "--x0", "4", "--plot", same, "--output", same}}) {
            Cli.Result result = Cli.run(args);
            assertEquals(2, result.exitCode(), String.join(" ", args));
            assertTrue(result.err().contains("and --output name the same file"), result.err());
            assertFalse(Files.exists(Path.of(same)));
        }
    }
}
