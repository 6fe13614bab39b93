package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.CsvTable;
import dev.adagrad.Cli;
import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Compat;
import dev.adagrad.output.StepNarration;
import dev.adagrad.run.Landscape;
import dev.adagrad.run.StepThrough;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

/** The full-screen loop on a virtual JLine terminal of a fixed size, keys typed into it as raw bytes. */
class StepTerminalTest {

    @Test
    void keysOnAVirtualTerminalMoveTheScreenAndItsNumbersAreRunsNumbers() throws Exception {
        Objective objective = Objective.compile(ExpressionSyntax.check("w^2+10*b^2"), List.of("w", "b"));
        StepThrough run = new StepThrough(objective, CentralDifference.scaled(), new double[] {1, 1}, 100, 0,
                List.of(new StepThrough.LaneSpec("adagrad", 0.5, lr -> OptimizerOptions.create(
                        OptimizerOptions.spec("adagrad"), Compat.torch, Map.of("lr", lr), 2),
                        new StepNarration(List.of("w", "b")))));
        StepSession session = new StepSession(run, List.of("w", "b"), "w^2+10*b^2", new Landscape(objective));
        PipedOutputStream keys = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder().system(false).streams(in, out).type("xterm-256color")
                .size(new Size(80, 24)).build()) {
            StepTerminal screen = new StepTerminal(terminal, session, false);
            CompletableFuture<Integer> loop = CompletableFuture.supplyAsync(() -> {
                try {
                    return screen.run();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            keys.write(" ".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            waitFor(() -> shows(screen, "step 1 of 100"));
            List<String> first = screen.screen();
            keys.write("  \u001b[C\u001b[D".getBytes(StandardCharsets.UTF_8)); // two spaces, →, ←
            keys.flush();
            waitFor(() -> run.recorded() == 4 && shows(screen, "step 3 of 100"));
            List<String> third = screen.screen();
            terminal.setSize(new Size(50, 20));
            terminal.raise(Terminal.Signal.WINCH);
            waitFor(() -> shows(screen, "step 3/100"));
            List<String> narrow = screen.screen();
            keys.write("x".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            waitFor(() -> screen.screen().stream().anyMatch(line -> line.startsWith("unknown key")));
            List<String> unknown = screen.screen();
            keys.write("q".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            assertEquals(0, loop.get(10, TimeUnit.SECONDS));

            CsvTable csv = new CsvTable(Cli.output(List.of("run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr",
                    "0.5", "--steps", "4", "--format", "csv")));
            StepCommandTest.assertRowMatchesRun(first, csv, 1, List.of("w", "b"), List.of("G", "lr"));
            StepCommandTest.assertRowMatchesRun(third, csv, 3, List.of("w", "b"), List.of("G", "lr"));
            assertTrue(first.size() <= 24 && first.size() >= 20, "fills the 24 rows: " + first.size());
            assertTrue(narrow.get(0).startsWith("step 3/100"), "redrawn compact on resize: " + narrow.get(0));
            assertTrue(narrow.size() <= 20);
            assertTrue(unknown.stream().anyMatch(line -> line.startsWith("unknown key 'x'")), unknown.toString());
            String written = out.toString(StandardCharsets.UTF_8);
            assertTrue(written.contains("\u001b[?1049h"), "the alternate screen is entered");
            assertTrue(written.endsWith("\u001b[?1049l") || written.contains("\u001b[?1049l"), "and left");
        }
    }

    private static boolean shows(StepTerminal screen, String title) {
        List<String> lines = screen.screen();
        return !lines.isEmpty() && lines.get(0).contains(title);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), "timed out");
    }
}
