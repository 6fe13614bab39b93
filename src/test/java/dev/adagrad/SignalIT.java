package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end with a real process and a real signal: SIGINT or SIGTERM during a long run --output leaves a file whose
 * every line is a whole row, the last one being the step the message names, and the exit code is 130.
 */
class SignalIT {

    private static final Path JAR = Paths.get("").toAbsolutePath().resolve("target/adagrad.jar");

    /** Whether the process ignores SIGINT (a shell without job control starts background jobs so; then skip). */
    private static boolean ignoresSigint(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalStopsALongRunAndKeepsEveryRow(String signal, @TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc and kill (Linux)");
        Path out = directory.resolve("run.csv");
        Path err = directory.resolve("err.txt");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-jar", JAR.toString(), "run", "--f", "x^2", "--x0", "4",
                "--optimizer", "sgd", "--lr", "1e-9", "--steps", "1e9", "--format", "csv", "--every", "1000",
                "--output", out.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1500); // well into the loop: start-up takes a fraction of that
            if (signal.equals("INT") && ignoresSigint(process.pid())) {
                Assumptions.abort("this process was started with SIGINT ignored, so it cannot be interrupted");
            }
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start()
                    .waitFor());
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ended after SIG" + signal);
        } finally {
            process.destroyForcibly();
        }
        // 128 + the signal's number, as a shell reports a process a signal ended: SIGINT 2, SIGTERM 15
        assertEquals(signal.equals("INT") ? 130 : 143, process.exitValue());

        String message = Files.readString(err, StandardCharsets.UTF_8);
        Matcher matcher = Pattern.compile("adagrad run: interrupted after step (\\d+); every row up to it is "
                + "written\n").matcher(message);
        assertTrue(matcher.matches(), message);
        long stoppedAt = Long.parseLong(matcher.group(1));
        assertTrue(stoppedAt > 1000, "it ran for a while first: " + stoppedAt);

        String csv = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\n"), "no torn last line");
        List<String> lines = csv.lines().toList();
        assertEquals("step,f,x,grad_x,update_x", lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            assertEquals(5, fields.length, "line " + i + ": " + lines.get(i));
        }
        String last = lines.get(lines.size() - 1);
        assertEquals(stoppedAt, Long.parseLong(last.substring(0, last.indexOf(','))), "the last row is the last step");
        try (var files = Files.list(directory)) {
            assertEquals(2, files.count(), "no temporary file left beside the output");
        }
    }
}
