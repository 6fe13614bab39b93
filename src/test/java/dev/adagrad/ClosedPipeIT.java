package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reader that goes away ({@code | head -1}) ends every command at once, silently, with exit 141, whether it runs
 * one loop or parallel ones; each is asked for far more rows than it could write in the time allowed, so only
 * stopping makes it finish.
 */
class ClosedPipeIT {

    private static final Path JAR = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/adagrad.jar");

    /** sgd reaches the tolerance at once, so its line is written early; adam's runs would take minutes. */
    private static final String SWEEP = "sweep --f x^2 --x0 4 --optimizers sgd,adam --lr 0.1..0.4 --points 4 "
            + "--steps 1000000000 --tol 1e-9 --format csv";
    private static final String FIT_SIDE_BY_SIDE = "fit --data lin.csv --loss '(a*x1+b-y)^2' --params a=0,b=0 "
            + "--optimizers adam,sgd --epochs 10000000 --every 1 --format csv";

    @ParameterizedTest
    @ValueSource(strings = {
            "run --f x^2 --x0 4 --steps 1000000000 --format csv",
            "compare --f rosenbrock --steps 100000000 --format csv",
            "data linear --rows 100000000",
            SWEEP,
            FIT_SIDE_BY_SIDE,
    })
    void headOneEndsTheCommandSilentlyWithExit141(String command, @TempDir Path directory) throws Exception {
        String out = shell(command + " 2>err.txt | head -1 >/dev/null; echo ${PIPESTATUS[0]}; cat err.txt",
                directory);
        assertEquals("141\n", out, "exit 141 and nothing on stderr: " + command);
    }

    /** A full disk: one line naming it, exit 1, every run stopped, no part file left. */
    @ParameterizedTest
    @ValueSource(strings = {
            "compare --f rosenbrock --steps 100000000 --format csv",
            SWEEP,
            FIT_SIDE_BY_SIDE,
    })
    void aFullDiskEndsTheCommandWithOneLine(String command, @TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("/dev/full")), "needs /dev/full (Linux)");
        String out = shell(command + " >/dev/full 2>err.txt; echo $?; cat err.txt", directory);
        String name = command.substring(0, command.indexOf(' '));
        assertEquals("1\nadagrad " + name + ": cannot write the output: No space left on device\n", out, command);
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of("err.txt", "lin.csv"), files.map(file -> file.getFileName().toString()).sorted()
                    .toList(), "no part file left behind");
        }
    }

    /** Runs {@code adagrad …} in bash in {@code directory} (which has lin.csv, 200 rows), and returns its stdout. */
    private static String shell(String command, Path directory) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String adagrad = java + " -Djava.io.tmpdir=" + directory + " -jar " + JAR;
        String script = adagrad + " data linear --rows 200 > lin.csv && " + adagrad + " " + command;
        Process process = new ProcessBuilder(List.of("bash", "-c", script)).directory(directory.toFile())
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped when the output went: " + command);
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
