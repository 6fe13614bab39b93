package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** End to end: the packaged jar and the ./adagrad launcher as real processes (run by Failsafe after `package`). */
class PackagedJarIT {

    private static final Path ROOT = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path JAR = ROOT.resolve("target/adagrad.jar");

    private record Outcome(int exitCode, String out, String err) {
    }

    private static Outcome execute(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("adagrad-out", ".txt");
        Path err = Files.createTempFile("adagrad-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished in time");
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Outcome jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return execute(command);
    }

    @Test
    void theJarRunsTheWorkedExample() throws Exception {
        Outcome outcome = jar("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10", "--wide");

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err());
        String[] lines = outcome.out().split("\n");
        assertEquals(14, lines.length, "header, rule, row 0, 10 rows, summary");
        // step 3: f = 1.9673² = 3.8701, x, the gradient 2·2.4, G = 64 + 36 + 4.8², lr 1/√123.04, the update
        assertTrue(lines[5].matches("\\s*3 \\|\\s+3\\.8701 \\|\\s+1\\.9673 \\|\\s+4\\.8000 \\|\\s+123\\.0400 \\|"
                + "\\s+0\\.090152 \\|\\s+0\\.4327"), lines[5]);
    }

    @Test
    void theJarReportsErrorsWithExitCodesAndNoTrace() throws Exception {
        Outcome usage = jar("run", "--f", "x +* 2", "--x0", "1");
        assertEquals(2, usage.exitCode());
        assertTrue(usage.err().lines().count() <= 3 && !usage.err().contains("Exception"), usage.err());

        Outcome nonFinite = jar("run", "--f", "log(x)", "--x0", "-1");
        assertEquals(3, nonFinite.exitCode());
        assertTrue(nonFinite.err().contains("not finite at the start point"), nonFinite.err());
    }

    @Test
    void theJarPrintsAManPageForEveryCommandWithTheGeneratedOptions() throws Exception {
        for (String command : new String[] {"run", "compare", "sweep", "functions", "optimizers", "completion",
                "explain", "step", "fit", "data", "man"}) {
            Outcome page = jar("man", command);
            assertEquals(0, page.exitCode(), page.err());
            assertTrue(page.out().startsWith(".TH \"ADAGRAD\\-" + command.toUpperCase(java.util.Locale.ROOT) + "\" 1"),
                    page.out().lines().findFirst().orElse(""));
        }
        Outcome root = jar("man");
        assertTrue(root.out().startsWith(".TH \"ADAGRAD\" 1") && root.out().contains("\\fBadagrad\\-run\\fR(1)"),
                "the root page lists the others under SEE ALSO");
        Outcome run = jar("man", "run");
        // roff escapes every '-' as \- (a minus, not a hyphen)
        assertTrue(run.out().contains("\\fB\\-\\-weight\\-decay\\fR") && run.out().contains("\\fB\\-\\-beta1\\fR"),
                "hyperparameter options");
    }

    @Test
    void theJarFitsSeedZerosFourPointsAndNamesBadData() throws Exception {
        Path points = Files.createTempFile("points", ".csv");
        try {
            Files.writeString(points, "x,y\n1,2\n2,4\n3,6\n4,8\n");
            Outcome outcome = jar("fit", "--data", points.toString(), "--loss", "(w*x+b-y)^2", "--params", "w=0,b=0",
                    "--lr", "0.1", "--epochs", "100", "--print-every", "10", "--format", "csv");
            assertEquals(0, outcome.exitCode(), outcome.err());
            String[] lines = outcome.out().split("\n");
            assertEquals("epoch,step,loss,w,b", lines[0]);
            // Seed 000's PyTorch loop prints "Epoch 10, Loss: 14.2909": the loss after ten Adagrad steps
            assertEquals("14.2909", String.format(java.util.Locale.ROOT, "%.4f",
                    Double.parseDouble(lines[2].split(",")[2])));

            Files.writeString(points, "x,y\n1,2\n2,oops\n");
            Outcome bad = jar("fit", "--data", points.toString(), "--loss", "(w*x+b-y)^2", "--params", "w=0,b=0");
            assertEquals(2, bad.exitCode());
            assertEquals("adagrad fit: " + points + ", row 2 (line 3), column y: 'oops' is not a number\n",
                    bad.err());
        } finally {
            Files.deleteIfExists(points);
        }
    }

    @Test
    void theWorkedExampleStartsFromTheClassDataArchiveWithoutOpeningTheJar() throws Exception {
        // The launcher starts the build's runtime with the archive the build trained with it: its java command, as
        // bash -x shows it, is run again here with the class log. Every class the worked example needs is in that
        // archive, so nothing should make the class loader open and index the jar: a look-up of a class that is not
        // there would (picocli's of Groovy's Closure did, 6 ms of every start).
        Outcome traced = execute(List.of("bash", "-x", ROOT.resolve("adagrad").toString(), "--version"));
        assertEquals(0, traced.exitCode(), traced.err());
        String exec = traced.err().lines().filter(line -> line.startsWith("+ exec ")).findFirst().orElseThrow();
        List<String> launched = List.of(exec.substring("+ exec ".length()).split(" "));
        int classPath = launched.indexOf("-cp");
        assertTrue(launched.get(0).endsWith("target/runtime/bin/java"), exec);
        assertTrue(launched.subList(1, classPath).stream().anyMatch(flag -> flag.startsWith("-XX:SharedArchiveFile=")
                && flag.endsWith("target/adagrad.jsa")), exec);
        assertEquals(List.of("-cp", JAR.toString(), "dev.adagrad.Main", "--version"),
                launched.subList(classPath, launched.size()), exec);
        List<String> command = new ArrayList<>(launched.subList(0, classPath));
        command.addAll(List.of("-Xlog:class+load", "-cp", JAR.toString(), "dev.adagrad.Main", "run", "--f", "x^2",
                "--x0", "4", "--lr", "1", "--steps", "10"));
        Outcome outcome = execute(command);

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertTrue(outcome.out().contains("dev.adagrad.Main source: shared objects file"), "the archive was used");
        assertTrue(outcome.out().contains("final x = 0.5849480012"), "the run itself ran");
        assertFalse(outcome.out().contains("URLClassPath$JarLoader"), "the class loader opened the jar");
        assertTrue(outcome.out().contains("java.lang.Object source: shared objects file"), "the JDK's archive too");
    }

    @Test
    void theRuntimeHoldsOnlyTheModulesAdagradUses() throws Exception {
        // Fewer modules to resolve before main (src/build/make-runtime.sh): the four it names and what they need.
        // A JDK 17 without jmods cannot make the image; the runtime is then a link to that JDK's java.
        assumeTrue(Files.exists(ROOT.resolve("target/runtime/lib/modules")), "no jlink image: the JDK has no jmods");
        Outcome outcome = execute(List.of(ROOT.resolve("target/runtime/bin/java").toString(), "--list-modules"));

        assertEquals(0, outcome.exitCode(), outcome.err());
        List<String> modules = new ArrayList<>();
        for (String line : outcome.out().strip().split("\n")) {
            modules.add(line.replaceAll("@.*", ""));
        }
        assertEquals(List.of("java.base", "java.datatransfer", "java.desktop", "java.logging", "java.prefs",
                "java.sql", "java.transaction.xa", "java.xml", "jdk.unsupported"), modules,
                "the build's JDK has jmods, so its runtime is jlink's image");
    }

    @Test
    void theInstalledCommandStartsJavaWithTheLaunchersFlags() throws Exception {
        // Two launchers, one per layout (a clone's target/, the Debian package's /opt/adagrad): the same JVM flags.
        java.util.regex.Matcher clone = java.util.regex.Pattern.compile("\nflags=\\(([^)]*)\\)\n")
                .matcher(Files.readString(ROOT.resolve("adagrad")));
        java.util.regex.Matcher installed = java.util.regex.Pattern.compile("\nflags=\"([^\"]*)\"\n")
                .matcher(Files.readString(ROOT.resolve("src/dist/adagrad.sh")));
        assertTrue(clone.find() && installed.find(), "each launcher has one line of flags");
        assertEquals(clone.group(1), installed.group(1));
        assertTrue(clone.group(1).contains("-XX:+UseSerialGC"), clone.group(1));
    }

    @Test
    void onlyARunWithAPictureLoadsTheChartLibrary() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Outcome plain = execute(List.of(java, "-verbose:class", "-jar", JAR.toString(), "run", "--f", "x^2+y^2",
                "--x0", "1,1", "--steps", "3", "--chart"));
        assertEquals(0, plain.exitCode(), plain.err());
        assertTrue(plain.out().contains("dev.adagrad.output.TerminalChart"), "the class log is on stdout");
        assertFalse(plain.out().contains("org.jfree"), "a run without --plot loaded the chart library");

        Path picture = Files.createTempFile("adagrad-plot", ".png");
        try {
            Outcome drawn = execute(List.of(java, "-verbose:class", "-jar", JAR.toString(), "run", "--f",
                    "x^2+y^2", "--x0", "1,1", "--steps", "3", "--plot", picture.toString()));
            assertEquals(0, drawn.exitCode(), drawn.err());
            assertTrue(drawn.out().contains("org.jfree.chart.JFreeChart"), "the picture is drawn with JFreeChart");
            assertTrue(Files.size(picture) > 1000, "a PNG was written");
        } finally {
            Files.deleteIfExists(picture);
        }
    }

    @Test
    void deepNestingIsRefusedWithTheLimitNotACrash() throws Exception {
        String deep = "(".repeat(60_000) + "x^2" + ")".repeat(60_000); // under Linux's 128 KB for one argument
        Outcome outcome = jar("run", "--f", deep, "--x0", "1", "--steps", "2", "--format", "csv");

        assertEquals(2, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("adagrad run: the expression is 120003 characters long, above the limit "
                + "of 100000"), outcome.err());
        assertEquals("", outcome.out());
    }

    /** A write that fails (here a file-size limit) keeps the rows before it, whole, and leaves no temporary file. */
    @Test
    void anOutputThatCannotGrowKeepsItsWholeRows(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path file = directory.resolve("out.csv");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Outcome outcome = execute(List.of("bash", "-c", "ulimit -f 100; exec \"$0\" \"$@\"", java, "-jar",
                JAR.toString(), "run", "--f", "x^2", "--x0", "4", "--steps", "100000", "--format", "csv", "--output",
                file.toString()));
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().startsWith("adagrad run: cannot write the output: "), outcome.err());
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\n") && csv.length() > 10_000, "whole rows were kept");
        csv.lines().skip(1).forEach(line -> assertEquals(7, line.split(",", -1).length, line));
        try (var files = Files.list(directory)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    /** Nothing is kept per step: ten million rows stream through a 64 MB heap (issue 7's limit). */
    @Test
    void tenMillionStepsStreamAsCsvWithinA64MegabyteHeap() throws Exception {
        Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-jar", JAR.toString(), "run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "1e7",
                "--format", "csv").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "finished");
        assertEquals(0, process.exitValue(), err);
        assertEquals("", err);
    }

    @Test
    void theLauncherRunsTheJarWithoutBuildingWhenItIsFresh() throws Exception {
        File launcher = ROOT.resolve("adagrad").toFile();
        assertTrue(launcher.canExecute(), "./adagrad is executable");

        Outcome outcome = execute(List.of(launcher.toString(), "run", "--f", "x^2", "--x0", "4", "--lr", "1",
                "--steps", "10", "--format", "csv"));

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err(), "no build message when the jar is up to date");
        assertTrue(outcome.out().startsWith("step,f,x,grad_x,G_x,lr_x,update_x\n0,16.0,4.0,,,,\n"), outcome.out());
    }

    /** A symlink to the launcher (as in ~/bin) finds the project it points into, not a target/ beside the link. */
    @Test
    void aSymlinkToTheLauncherRunsTheProjectsJar(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path link = Files.createSymbolicLink(directory.resolve("adagrad"), ROOT.resolve("adagrad"));

        Outcome outcome = execute(List.of(link.toString(), "run", "--f", "x^2", "--x0", "4", "--lr", "1",
                "--steps", "10", "--format", "csv"));

        assertEquals(0, outcome.exitCode(), outcome.err());
        assertEquals("", outcome.err(), "no build beside the link");
        assertTrue(outcome.out().startsWith("step,f,x,grad_x,G_x,lr_x,update_x\n0,16.0,4.0,,,,\n"), outcome.out());
        assertFalse(Files.exists(directory.resolve("target")), "nothing made beside the link");
    }

    /**
     * A picture that cannot be written whole (a 20 KB file-size limit stands in for a full disk): one line, exit 1,
     * no file left. ImageIO's disk cache used to fail in its "StreamCloser" shutdown hook with a stack trace.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "run --f x^2+y^2 --x0 1,1 --steps 5 --plot picture.png",
            "sweep --f x^2+y^2 --x0 1,1 --steps 5 --plot picture.png",
            "run --f x^2+y^2 --x0 1,1 --steps 5 --animate picture.gif",
            "run --f x^2+y^2 --x0 1,1 --steps 5 --plot picture.svg",
    })
    void aPictureOnAFullDiskIsOneLine(String command, @org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> line = new ArrayList<>(List.of("bash", "-c", "cd \"$1\"; shift; ulimit -f 20; exec \"$@\"", "-",
                directory.toString(), java, "-Djava.io.tmpdir=" + directory, "-jar", JAR.toString()));
        line.addAll(List.of(command.split(" ")));
        Outcome outcome = execute(line);
        String name = command.substring(0, command.indexOf(' '));
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertEquals("adagrad " + name + ": cannot write the output: File too large\n", outcome.err());
        try (var files = Files.list(directory)) {
            assertEquals(List.of(), files.toList(), "no picture or temporary file left");
        }
    }

    /** Too many rows for the heap: one plain line saying how far reading got and what to do, exit 1. */
    @Test
    void runningOutOfMemoryWhileReadingSaysHowFarItGot(@org.junit.jupiter.api.io.TempDir Path directory)
            throws Exception {
        Path data = directory.resolve("rows.csv");
        try (var out = Files.newBufferedWriter(data)) {
            out.write("x1,x2,x3,y\n");
            for (int r = 0; r < 1_000_000; r++) {
                out.write(r + ",0.25," + (r % 1000) + "," + (2 * r + 1) + "\n");
            }
        }
        Outcome outcome = execute(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx16m", "-jar", JAR.toString(), "fit", "--data", data.toString(), "--model", "linear"));
        assertEquals(1, outcome.exitCode(), outcome.err());
        assertTrue(outcome.err().matches("adagrad: ran out of memory after reading [0-9.]+ MB of " + data
                + "; give Java more \\(JAVA_TOOL_OPTIONS=-Xmx4g\\) or use fewer rows\n"), outcome.err());
    }
}
