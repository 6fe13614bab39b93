package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    @ParameterizedTest
    @ValueSource(strings = {
            "run --f x^2 --x0 4 --steps 1000000000 --format csv",
            "compare --f rosenbrock --steps 100000000 --format csv",
            "data linear --rows 100000000",
    })
    void headOneEndsTheCommandSilentlyWithExit141(String command) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        // PIPESTATUS[0] is adagrad's own exit status; head's is 0.
        String script = java + " -jar " + JAR + " " + command + " 2>err.txt | head -1 >/dev/null; "
                + "echo ${PIPESTATUS[0]}; cat err.txt; rm -f err.txt";
        Process process = new ProcessBuilder(List.of("bash", "-c", script))
                .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "stopped when head went away: " + command);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("141\n", out, "exit 141 and nothing on stderr: " + command);
    }
}
