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
        Outcome unpacked = execute(List.of("dpkg-deb", "-x", deb().toString(), root.toString()));
        assertEquals(0, unpacked.code(), unpacked.err());
    }

    private static Path deb() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("adagrad_.*\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/adagrad_*.deb: build it with -Pdist"));
        }
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
        assertEquals(12, lines.length, "header, row 0, ten steps: " + run.out());
        // Adagrad on x^2 from 4 with lr 1: G = 64 after step 1, so x = 4 - 1 * 8 / sqrt(64 + 1e-10) = 3 (by hand);
        // the seed's numpy program ends at x = 0.5849 after ten steps (f = x² = 0.3422).
        assertTrue(lines[1].startsWith("0,16.0,4.0,"), lines[1]);
        assertTrue(lines[2].startsWith("1,9.0000000000"), lines[2]);
        assertTrue(lines[11].startsWith("10,0.342164164") && lines[11].contains(",0.584948001"), lines[11]);
    }

    @Test
    void thePostinstsArchiveIsTheOneTheInstalledCommandStartsFrom() throws Exception {
        // The package's maintainer scripts make the archive on configure and remove it before dpkg removes files.
        Path control = root.resolve("control");
        Outcome extracted = execute(List.of("dpkg-deb", "-e", deb().toString(), control.toString()));
        assertEquals(0, extracted.code(), extracted.err());
        String make = "        /opt/adagrad/lib/make-archive.sh /opt/adagrad/lib/runtime/bin/java"
                + " /opt/adagrad/lib/app/adagrad.jar /opt/adagrad/lib/adagrad.jsa || true\n";
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("    configure)\n" + make), postinst);
        assertTrue(postinst.contains("    abort-upgrade|abort-remove|abort-deconfigure)\n" + make), postinst);
        assertTrue(Files.readString(control.resolve("prerm")).contains("rm -f /opt/adagrad/lib/adagrad.jsa"), "prerm");

        // What the postinst runs, here for the unpacked folder; then the runtime starts from both archives.
        Path app = root.resolve("opt/adagrad");
        Path java = app.resolve("lib/runtime/bin/java");
        Path jar = app.resolve("lib/app/adagrad.jar");
        Path archive = app.resolve("lib/adagrad.jsa");
        Outcome made = execute(List.of(app.resolve("lib/make-archive.sh").toString(), java.toString(),
                jar.toString(), archive.toString()));
        assertEquals(0, made.code(), made.err());
        assertEquals("", made.err());
        assertTrue(Files.isRegularFile(archive), archive.toString());
        Outcome logged = execute(List.of(java.toString(), "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + archive,
                "-Xlog:class+load", "-cp", jar.toString(), "dev.adagrad.Main", "--version"));
        assertEquals(0, logged.code(), logged.err());
        assertTrue(logged.out().contains("java.lang.Object source: shared objects file"), "the runtime's archive");
        assertTrue(logged.out().contains("dev.adagrad.Main source: shared objects file"), "adagrad's archive");

        // The installed command, followed through /usr/bin's link, passes that archive to that java.
        Outcome traced = execute(List.of("sh", "-x", root.resolve("usr/bin/adagrad").toString(), "--version"));
        assertEquals(0, traced.code(), traced.err());
        assertTrue(traced.err().contains("exec " + java + " ") && traced.err().contains(
                " -XX:SharedArchiveFile=" + archive + " -cp " + jar + " dev.adagrad.Main --version"), traced.err());
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
