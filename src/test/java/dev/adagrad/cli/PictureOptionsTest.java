package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** --plot, --plot-size, --animate and --chart on run and compare: files written, misuse refused before the run. */
class PictureOptionsTest {

    @TempDir
    Path directory;

    private String file(String name) {
        return directory.resolve(name).toString();
    }

    private List<String> files() throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void runDrawsAPngOfTheRequestedSizeAfterPrintingTheTable() throws IOException {
        Cli.Result result = Cli.run("run", "--f", "x^2+3*y^2", "--x0", "1,1", "--optimizer", "sgd", "--lr", "0.05",
                "--steps", "20", "--plot", file("run.png"), "--plot-size", "420x300", "--wide");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertTrue(result.out().contains("\nDone: 20 steps"), result.out());
        BufferedImage image = ImageIO.read(directory.resolve("run.png").toFile());
        assertEquals(420, image.getWidth());
        assertEquals(300, image.getHeight());
        assertEquals(List.of("run.png"), files());
    }

    @Test
    void compareWritesAnSvgAndAGifOfOneFramePerStep() throws Exception {
        Cli.Result result = Cli.run("compare", "--f", "rosenbrock", "--optimizers", "sgd,adam", "--steps", "12",
                "--plot", file("r.svg"), "--animate", file("r.gif"), "--plot-size", "300x200");

        assertEquals(0, result.exitCode(), result.err());
        String svg = Files.readString(directory.resolve("r.svg"));
        assertTrue(svg.matches("(?s).*<svg [^>]*width='300(\\.0)?' height='200(\\.0)?'.*"), svg.substring(0, 300));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(directory.resolve("r.gif").toFile())) {
            reader.setInput(in);
            assertEquals(13, reader.getNumImages(true), "steps 0 to 12");
            assertEquals(300, reader.getWidth(0));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void theChartFollowsTheTable() {
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adam", "--lr", "0.1",
                "--steps", "30", "--chart");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        assertTrue(lines[0].startsWith("Optimizer"), lines[0]);
        int chart = List.of(lines).indexOf("f (log scale) against step"); // sgd: 16·0.64ᵗ, from 16 to ~2e-5
        assertEquals(4, chart, "after the header, the rule and two rows:\n" + result.out());
        assertTrue(lines[lines.length - 1].strip().equals("1 sgd   2 adam"), lines[lines.length - 1]);
    }

    @Test
    void withCsvOnStdoutTheChartGoesToStderr() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "0.1",
                "--steps", "5", "--format", "csv", "--chart");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(6, new CsvTable(result.out()).size(), "stdout holds only the CSV rows");
        assertTrue(result.err().startsWith("f against step\n"), result.err()); // 16 to 16·0.8¹⁰ ≈ 1.7: linear
    }

    static Stream<Arguments> misuse() {
        return Stream.of(
                Arguments.of(List.of("--plot", "p.jpg"), "--plot: the picture's name must end in .png or .svg"),
                Arguments.of(List.of("--plot", "p.png", "--plot-size", "1000by700"),
                        "--plot-size must be WIDTHxHEIGHT in pixels"),
                Arguments.of(List.of("--plot", "p.png", "--plot-size", "50x700"), "each side must be 100 to 4000"),
                Arguments.of(List.of("--plot", "p.png", "--plot-size", "1000x99999"), "each side must be 100 to 4000"),
                Arguments.of(List.of("--animate", "p.png"), "--animate: the animation's name must end in .gif"),
                Arguments.of(List.of("--plot", "p.png", "--tol", "-1"), "--tol must be ≥ 0"),
                Arguments.of(List.of("--plot", "p.png", "--animate", "p.gif", "--lr", "-1"), "lr must be > 0 (got -1)"),
                Arguments.of(List.of("--plot", "p.png", "--box", "1:0,0:1"),
                        "--box: the x minimum 1 must be below the maximum 0 (got '1:0,0:1')"),
                Arguments.of(List.of("--plot", "p.png", "--box", "0:1,2:2"),
                        "--box: the y minimum 2 must be below the maximum 2"),
                Arguments.of(List.of("--plot", "p.png", "--box", "0:1,0:nan"), "--box: 'nan' is not a number"),
                Arguments.of(List.of("--plot", "p.png", "--box", "0:1e999,0:1"), "--box: '1e999' is too large"),
                Arguments.of(List.of("--plot", "p.png", "--box", "0:1"), "--box must be XMIN:XMAX,YMIN:YMAX"),
                Arguments.of(List.of("--plot", "p.png", "--box", "0:1:2,0:1"), "--box must be XMIN:XMAX,YMIN:YMAX"),
                Arguments.of(List.of("--plot", "p.png", "--xlim", "0:1"),
                        "--xlim frames the picture of 1 variable, and this function has 2; use --box"),
                Arguments.of(List.of("--plot", "p.png", "--aspect", "round"), "--aspect"),
                Arguments.of(List.of("--html", "p.txt"), "--html: the page's name must end in .html (got p.txt)"));
    }

    @ParameterizedTest
    @MethodSource("misuse")
    void misuseIsAUsageErrorAndNoFileIsCreated(List<String> options, String message) throws IOException {
        for (String command : List.of("run", "compare")) {
            List<String> args = new java.util.ArrayList<>(List.of(command, "--f", "x^2+y^2", "--x0", "1,1"));
            for (String option : options) {
                args.add(option.endsWith(".png") || option.endsWith(".jpg") || option.endsWith(".gif")
                        ? file(option) : option);
            }
            Cli.Result result = Cli.run(args.toArray(String[]::new));

            assertEquals(ExitCode.USAGE, result.exitCode(), command + " " + options + ": " + result.err());
            assertTrue(result.errLines()[0].contains(message), result.err());
            assertFalse(result.err().contains("Exception"), result.err());
            assertEquals("", result.out());
            assertEquals(List.of(), files(), command + " " + options);
        }
    }

    @Test
    void aFrameForTheWrongNumberOfVariablesIsRefused() throws IOException {
        Cli.Result box = Cli.run("run", "--f", "x^2", "--x0", "4", "--plot", file("p.png"), "--box", "0:1,0:1");
        assertEquals(ExitCode.USAGE, box.exitCode());
        assertEquals("adagrad run: --box frames the picture of 2 variables, and this function has 1; use --xlim A:B",
                box.errLines()[0]);
        Cli.Result xlim = Cli.run("run", "--f", "x^2", "--x0", "4", "--plot", file("p.png"), "--xlim", "3:-3");
        assertEquals(ExitCode.USAGE, xlim.exitCode());
        assertEquals("adagrad run: --xlim: the minimum 3 must be below the maximum -3 (got '3:-3')",
                xlim.errLines()[0]);
        Cli.Result aspect = Cli.run("run", "--f", "x^2", "--x0", "4", "--plot", file("p.png"), "--aspect", "equal");
        assertEquals(ExitCode.USAGE, aspect.exitCode());
        assertEquals(List.of(), files());
    }

    @Test
    void aPageIntoADirectoryOrOfThreeVariablesIsRefusedBeforeTheRun() throws IOException {
        Cli.Result into = Cli.run("compare", "--f", "x^2+y^2", "--x0", "1,1", "--html", directory.toString());
        assertEquals(ExitCode.USAGE, into.exitCode());
        assertEquals(1, into.errLines().length - 1, "one line, and the hint: " + into.err());
        assertTrue(into.errLines()[0].contains("--html: the page's name must end in .html"), into.err());
        Path folder = Files.createDirectory(directory.resolve("folder.html"));
        Cli.Result folderPage = Cli.run("run", "--f", "x^2+y^2", "--x0", "1,1", "--html", folder.toString());
        assertEquals(ExitCode.USAGE, folderPage.exitCode());
        assertEquals("adagrad run: --html " + folder + " is a directory, not a file", folderPage.errLines()[0]);
        Cli.Result three = Cli.run("run", "--f", "a^2+b^2+c^2", "--x0", "1,2,3", "--html", file("p.html"));
        assertEquals(ExitCode.USAGE, three.exitCode());
        assertTrue(three.errLines()[0].contains("--html shows paths in 1 or 2 variables, and this function has 3"),
                three.err());
        assertEquals("", three.out());
        assertEquals(List.of("folder.html"), files());
    }

    @Test
    void aPageIsWrittenWithTheRunsNumbers() throws IOException {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10", "--html",
                file("p.html"));
        assertEquals(0, result.exitCode(), result.err());
        String page = Files.readString(directory.resolve("p.html"));
        // The worked example's step 3 (README): x = 1.9673..., as Double.toString writes it in the CSV.
        String csv = Cli.output(List.of("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10", "--format",
                "csv"));
        String third = csv.lines().skip(4).findFirst().orElseThrow();
        assertTrue(page.contains("[" + third + "]"), "row 3 as the CSV has it: " + third);
    }

    @Test
    void aNegativeBoxIsReadAndFramesThePicture() throws IOException {
        Cli.Result result = Cli.run("run", "--f", "x^2+y^2", "--x0", "1,1", "--steps", "5", "--plot", file("p.png"),
                "--box", "-3:2,-1e-1:4", "--aspect", "equal");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(Files.size(directory.resolve("p.png")) > 1000);
    }

    @Test
    void anAnimationOfThreeVariablesIsRefusedWithTheReason() throws IOException {
        Cli.Result result = Cli.run("compare", "--f", "a^2+b^2+c^2", "--x0", "1,2,3", "--animate", file("a.gif"),
                "--plot", file("a.png"));

        assertEquals(ExitCode.USAGE, result.exitCode());
        assertEquals("adagrad compare: --animate draws paths in 1 or 2 variables, and this function has 3; use "
                + "--plot for a picture of f and each coordinate against step", result.errLines()[0]);
        assertEquals(List.of(), files());
    }

    @Test
    void aPictureInAMissingDirectoryFailsBeforeTheRun() throws IOException {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--plot", file("missing/p.png"));

        assertEquals(ExitCode.RUNTIME, result.exitCode());
        assertTrue(result.err().contains("does not exist"), result.err());
        assertEquals("", result.out());
        assertEquals(List.of(), files());
    }

    @Test
    void aRunThatDivergesStillDrawsItsPathUpToTheLastFinitePoint() throws IOException {
        // x ← x − 2·x·1.5 = −2x: |x| doubles each step and overflows after about 1024 steps.
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "1.5",
                "--steps", "2000", "--plot", file("d.png"), "--plot-size", "400x300");

        assertEquals(ExitCode.NON_FINITE, result.exitCode(), result.err());
        assertEquals(400, ImageIO.read(directory.resolve("d.png").toFile()).getWidth());
    }
}
