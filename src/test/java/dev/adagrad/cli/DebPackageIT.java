package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package that {@code mvn -B verify -Pdist} builds (src/dist/build-deb.sh), unpacked with
 * {@code dpkg-deb -x} into a scratch folder: the installed command runs the worked example, its completion script
 * completes in bash, and its man pages open with {@code man -l}. Runs only in the dist profile (see pom.xml).
 */
class DebPackageIT {

    @TempDir
    static Path root;

    @BeforeAll
    static void unpack() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            deb = files.filter(file -> file.getFileName().toString().matches("adagrad_.*\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/adagrad_*.deb: build it with -Pdist"));
        }
        Outcome unpacked = execute(List.of("dpkg-deb", "-x", deb.toString(), root.toString()));
        assertEquals(0, unpacked.code(), unpacked.err());
    }

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome execute(List<String> command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("deb-it", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile());
            builder.environment().put("MANWIDTH", "80");
            Process process = builder.start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Outcome(process.waitFor(), out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }

    @Test
    void theInstalledCommandRunsTheWorkedExample() throws Exception {
        Path command = root.resolve("usr/bin/adagrad");
        assertTrue(Files.isExecutable(command), "usr/bin/adagrad");

        Outcome run = execute(List.of(command.toString(), "run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps",
                "10", "--format", "csv"));

        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(11, lines.length, run.out());
        // Adagrad on x^2 from 4 with lr 1: G = 64 after step 1, so x = 4 - 1 * 8 / sqrt(64 + 1e-10) = 3 (by hand);
        // the seed's numpy program ends at x = 0.5849 after ten steps.
        assertTrue(lines[1].startsWith("1,3"), lines[1]);
        assertTrue(lines[10].startsWith("10,0.5849"), lines[10]);
    }

    @Test
    void theCompletionScriptCompletesCommandsFunctionsAndOptimizers() throws Exception {
        Path script = root.resolve("usr/share/bash-completion/completions/adagrad");
        assertTrue(Files.isRegularFile(script), script.toString());

        assertEquals("sweep", CompletionCommandTest.complete(script, "adagrad sw"));
        assertEquals("rosenbrock", CompletionCommandTest.complete(script, "adagrad run --f rosen"));
        String optimizers = CompletionCommandTest.complete(script, "adagrad run --optimizer ada");
        assertTrue(optimizers.contains("adagrad") && optimizers.contains("adamw"), optimizers);
    }

    @Test
    void everyCommandHasAManPageThatManShows() throws Exception {
        Path man1 = root.resolve("usr/share/man/man1");
        for (String command : List.of("adagrad", "run", "explain", "step", "compare", "sweep", "fit", "data", "optimizers",
                "functions", "completion", "man")) {
            String page = command.equals("adagrad") ? "adagrad" : "adagrad-" + command;
            assertTrue(Files.isRegularFile(man1.resolve(page + ".1.gz")), page);
        }

        Outcome shown = execute(List.of("man", "-P", "cat", "-l", man1.resolve("adagrad-run.1.gz").toString()));

        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().startsWith("ADAGRAD-RUN(1)"), shown.out());
        assertTrue(shown.out().contains("adagrad-run - Minimise an expression"), shown.out());
        // the hyperparameter options are added to the model at run time, from the optimizer registry
        assertTrue(shown.out().contains("--weight-decay=WEIGHT-DECAY"), shown.out());
        assertTrue(shown.err().isEmpty(), "man's warnings: " + shown.err());
    }
}
