package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end in a real terminal: tmux (a Debian package, which .ci/run installs) runs {@code ./adagrad step} in an
 * 80×24 window, keys are sent to it and the screen is read back with capture-pane, as a person would see it.
 */
class StepInTmuxIT {

    private static final Path ROOT = Paths.get("").toAbsolutePath();
    private static final String[] OPTIONS = {"--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5"};
    /** A server of its own, so that no other tmux session is touched. */
    private final String socket = "adagrad-step-it-" + ProcessHandle.current().pid();

    @AfterEach
    void stopServer() throws Exception {
        tmux("kill-server");
    }

    @Test
    void stepsForwardAndBackAndLeavesTheTerminalAsItWas(@TempDir Path directory) throws Exception {
        Path before = directory.resolve("before.txt");
        Path after = directory.resolve("after.txt");
        StringBuilder command = new StringBuilder("./adagrad step");
        for (String option : OPTIONS) {
            command.append(" '").append(option).append('\'');
        }
        // sh (dash) has no line editor of its own that would set the terminal's modes again after the command
        String script = "stty -g > " + before + "; echo the-shell-before-step; " + command + "; stty -g > " + after
                + "; echo the-shell-after-step; sleep 120";
        assertEquals(0, tmux("new-session", "-d", "-s", "step", "-x", "80", "-y", "24", "-c", ROOT.toString(),
                "env", "TERM=xterm-256color", "sh", "-c", script), "tmux starts");

        List<String> runArgs = new ArrayList<>(List.of("run"));
        runArgs.addAll(List.of(OPTIONS));
        runArgs.addAll(List.of("--steps", "4", "--format", "csv"));
        CsvTable run = new CsvTable(Cli.output(runArgs));

        List<String> one = waitFor(screen -> screen.contains("step 1 of 100"), "the first screen: step 1");
        StepCommandTest.assertRowMatchesRun(one, run, 1, List.of("w", "b"), List.of("G", "lr"));
        assertEquals("1 adagrad  γ = 0.5  f = 2.75", one.get(1).strip());

        type("Space", "Space", "Space");
        List<String> four = waitFor(screen -> screen.contains("step 4 of 100"), "step 4");
        StepCommandTest.assertRowMatchesRun(four, run, 4, List.of("w", "b"), List.of("G", "lr"));

        type("Left");
        List<String> three = waitFor(screen -> screen.contains("step 3 of 100"), "step 3");
        StepCommandTest.assertRowMatchesRun(three, run, 3, List.of("w", "b"), List.of("G", "lr"));
        assertTrue(three.size() <= 24 && three.stream().allMatch(line -> line.codePointCount(0, line.length()) <= 80));

        type("q");
        List<String> shell = waitFor(screen -> screen.contains("the-shell-after-step"), "the shell's screen back");
        assertTrue(shell.get(0).contains("the-shell-before-step"), "what was on the terminal before is back: "
                + shell);
        assertFalse(String.join("\n", shell).contains("adagrad step ·"), "the alternate screen is gone");
        assertEquals(Files.readString(before), Files.readString(after), "the terminal's modes are as they were");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private void type(String... keys) throws Exception {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "step"));
        if (keys.length == 2 && keys[1].equals("Enter")) {
            args.addAll(List.of("-l", keys[0]));
            assertEquals(0, tmux(args.toArray(String[]::new)));
            assertEquals(0, tmux("send-keys", "-t", "step", "Enter"));
            return;
        }
        args.addAll(List.of(keys));
        assertEquals(0, tmux(args.toArray(String[]::new)));
    }

    /** Captures the pane until the test holds (60 s at most: the first start may build the jar). */
    private List<String> waitFor(Predicate<String> test, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (test.test(screen)) {
                return screen.lines().toList();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what + "; the screen:\n" + screen);
    }

    private String capture() throws Exception {
        Process process = new ProcessBuilder("tmux", "-L", socket, "capture-pane", "-p", "-t", "step")
                .redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return text;
    }

    private int tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "tmux " + String.join(" ", args));
        return process.exitValue();
    }
}
