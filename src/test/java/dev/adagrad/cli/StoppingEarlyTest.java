package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.run.StopRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-seconds and interrupts: the loops stop between two steps and every row computed is kept, whole. */
class StoppingEarlyTest {

    @TempDir
    Path directory;

    private static final String[] LONG_RUN = {"run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "1e-9",
            "--steps", "1e9", "--format", "csv", "--every", "1000"};

    private static List<String> args(String[] base, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all;
    }

    /** Every line has the header's number of fields, steps go up by --every, and the last row is returned. */
    private static long checkWholeRows(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int fields = lines.get(0).split(",", -1).length;
        long previous = -1;
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(fields, line.split(",", -1).length, "a torn row: " + line);
            long step = Long.parseLong(line.substring(0, line.indexOf(',')));
            assertTrue(step > previous, "steps go up");
            previous = step;
        }
        assertTrue(Files.readString(file).endsWith("\n"), "the file ends with a whole line");
        return previous;
    }

    @Test
    void theTimeLimitEndsALongRunWithWholeRowsAndExitZero() throws Exception {
        Path out = directory.resolve("run.csv");
        Cli.Result result = Cli.run(args(LONG_RUN, "--max-seconds", "0.3", "--output", out.toString())
                .toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        long last = checkWholeRows(out);
        assertTrue(last > 0 && last < 1_000_000_000L, "stopped early, at " + last);
    }

    @Test
    void theTableSaysTheTimeLimitStoppedIt() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--steps", "1e9", "--max-seconds", "0.2",
                "--every", "100000000");
        assertEquals(0, result.exitCode(), result.err());
        String summary = result.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.startsWith("Stopped by the time limit (--max-seconds) after "), summary);
    }

    @Test
    void anInterruptStopsTheRunKeepsEveryRowAndExits130() throws Exception {
        Path out = directory.resolve("interrupted.csv");
        // Interrupt every 100 ms until the command returns: the command clears any request when it starts, so a
        // single early one could be lost on a slow machine and leave a run of 10⁹ steps going.
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Thread interrupter = new Thread(() -> {
            while (!finished.get()) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
                if (!finished.get()) {
                    StopRequest.interrupt();
                }
            }
        });
        interrupter.start();
        Cli.Result result;
        try {
            result = Cli.run(args(LONG_RUN, "--output", out.toString()).toArray(String[]::new));
        } finally {
            finished.set(true);
            interrupter.join();
            StopRequest.reset();
        }

        assertEquals(ExitCode.INTERRUPTED, result.exitCode(), result.err());
        Matcher message = Pattern.compile("adagrad run: interrupted after step (\\d+); every row up to it is written\n")
                .matcher(result.err());
        assertTrue(message.matches(), result.err());
        long stoppedAt = Long.parseLong(message.group(1));
        long lastRow = checkWholeRows(out);
        // --every 1000 prints every 1000th step and always the last complete one
        assertEquals(stoppedAt, lastRow);
    }

    @Test
    void compareSweepAndFitHonourTheTimeLimit() throws Exception {
        Cli.Result compare = Cli.run("compare", "--f", "x^2", "--x0", "4", "--steps", "1e9", "--max-seconds", "0.2");
        assertEquals(0, compare.exitCode(), compare.err());
        assertTrue(compare.err().startsWith("adagrad compare: stopped by --max-seconds: sgd after step "),
                compare.err());
        Cli.Result table = Cli.run("sweep", "--f", "x^2", "--x0", "4", "--steps", "1e9", "--points", "2",
                "--optimizers", "sgd", "--max-seconds", "0.2");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("| none finished |"), "no best rate from a run cut short:\n" + table.out());
        assertTrue(table.out().contains("2 of 2 runs were stopped early (--max-seconds or an interrupt) and are "
                + "not candidates for the best rate."), table.out());
        Cli.Result sweep = Cli.run("sweep", "--f", "x^2", "--x0", "4", "--steps", "1e9", "--points", "2",
                "--optimizers", "sgd", "--max-seconds", "0.2", "--format", "csv");
        assertEquals(0, sweep.exitCode(), sweep.err());
        assertEquals(3, sweep.out().lines().count());

        Path data = directory.resolve("points.csv");
        Files.writeString(data, "x,y\n1,2\n2,4\n3,6\n4,8\n");
        Cli.Result fit = Cli.run("fit", "--data", data.toString(), "--loss", "(w*x+b-y)^2", "--params", "w=0,b=0",
                "--epochs", "10000000", "--print-every", "1000000", "--max-seconds", "0.3");
        assertEquals(0, fit.exitCode(), fit.err());
        assertTrue(fit.out().contains("Stopped by --max-seconds (the epochs completed before it): "), fit.out());
    }

    @Test
    void aTimeLimitMustBePositive() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--max-seconds", "0");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("adagrad run: --max-seconds must be > 0 (got 0)"), result.err());
    }
}
