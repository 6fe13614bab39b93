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
import java.util.stream.Stream;
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

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void signal(Process process, String signal) throws Exception {
        if (signal.equals("INT") && ignoresSigint(process.pid())) {
            Assumptions.abort("this process was started with SIGINT ignored, so it cannot be interrupted");
        }
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor());
    }

    /** Waits until a file other than those named exists in {@code directory} and is not empty. */
    private static void awaitTemporaryFile(Path directory, List<Path> known, Process process) throws Exception {
        for (int i = 0; i < 600 && process.isAlive(); i++) {
            try (Stream<Path> files = Files.list(directory)) {
                if (files.anyMatch(file -> !known.contains(file) && sizeOf(file) > 0)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no temporary output appeared");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * A central difference over 8,001 parameters on 100 rows takes seconds a step, and no single evaluation of the
     * batch is long: the stop is looked at across evaluations, so the signal ends the fit inside its first step, with
     * epoch 0's row kept. Before, it waited out the grace period and left the output as it was.
     */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalInsideALongStepEndsTheFitAtOnceKeepingEpochZero(String signal, @TempDir Path directory)
            throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc and kill (Linux)");
        int features = 8000;
        StringBuilder csv = new StringBuilder();
        for (int j = 1; j <= features; j++) {
            csv.append('x').append(j).append(',');
        }
        csv.append("y\n");
        for (int r = 0; r < 100; r++) {
            for (int j = 1; j <= features; j++) {
                csv.append((r * 7 + j) % 10).append(',');
            }
            csv.append(r % 3).append('\n');
        }
        Path data = directory.resolve("wide.csv");
        Files.writeString(data, csv);
        Path out = directory.resolve("fit.csv");
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "fit", "--data", data.toString(),
                "--model", "linear", "--grad", "central", "--epochs", "100", "--format", "csv",
                "--output", out.toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            awaitTemporaryFile(directory, List.of(data, err), process); // epoch 0 is being written
            Thread.sleep(300); // and step 1's differences have begun
            signal(process, signal);
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ended after SIG" + signal);
        } finally {
            process.destroyForcibly();
        }
        assertEquals(signal.equals("INT") ? 130 : 143, process.exitValue());
        assertEquals("adagrad fit: interrupted after epoch 0 (step 0); every epoch up to it is written\n",
                Files.readString(err, StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size(), "the header and epoch 0");
        assertTrue(lines.get(1).startsWith("0,0,"), lines.get(1));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(3, files.count(), "no temporary file left beside the output");
        }
    }

    /** Reading a FIFO nobody writes to: a signal ends the wait at once, with one line and no file left. */
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalWhileWaitingForAFifoEndsAtOnce(String signal, @TempDir Path directory) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc and kill (Linux)");
        Path fifo = directory.resolve("rows.csv");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path err = directory.resolve("err.txt");
        Process process = new ProcessBuilder(java(), "-jar", JAR.toString(), "fit", "--data", fifo.toString(),
                "--model", "linear", "--output", directory.resolve("fit.csv").toString())
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(1500); // blocked opening the FIFO by now
            signal(process, signal);
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the process ended after SIG" + signal);
        } finally {
            process.destroyForcibly();
        }
        assertEquals(signal.equals("INT") ? 130 : 143, process.exitValue());
        assertEquals("adagrad: interrupted\n", Files.readString(err, StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(2, files.count(), "nothing but the FIFO and the messages");
        }
    }
}
