package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import dev.adagrad.output.StepScreen;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code adagrad step} without a terminal, in-process: keys a line at a time on standard input, each screen printed as
 * text, its numbers checked against {@code run --format csv} for the same options.
 */
class StepCommandTest {

    /** Runs step with these lines on standard input; returns the screens, split where a title line starts one. */
    static Cli.Result step(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            String[] all = Stream.concat(Stream.of("step"), Arrays.stream(args)).toArray(String[]::new);
            return Cli.run(all);
        } finally {
            System.setIn(saved);
        }
    }

    static List<List<String>> screens(String out) {
        List<List<String>> screens = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (line.startsWith("adagrad step · ") || line.startsWith("step ") && line.contains("/")) {
                screens.add(new ArrayList<>());
            }
            if (!screens.isEmpty()) {
                screens.get(screens.size() - 1).add(line);
            }
        }
        return screens;
    }

    /** The table rows of one screen's first optimizer: variable → its cells (x, gradient, state…, update). */
    static java.util.Map<String, String[]> table(List<String> screen) {
        java.util.Map<String, String[]> rows = new java.util.LinkedHashMap<>();
        int header = -1;
        for (int i = 0; i < screen.size(); i++) {
            if (screen.get(i).startsWith("  var ")) {
                header = i;
                break;
            }
        }
        for (int i = header + 1; i < screen.size() && screen.get(i).startsWith("  "); i++) {
            String[] cells = screen.get(i).strip().split("\\s+");
            rows.put(cells[0], Arrays.copyOfRange(cells, 1, cells.length));
        }
        return rows;
    }

    /** Each number shown equals run's CSV value to the 6 significant digits shown. */
    static void assertRowMatchesRun(List<String> screen, CsvTable run, int step, List<String> variables,
                                    List<String> state) {
        java.util.Map<String, String[]> rows = table(screen);
        assertEquals(variables, new ArrayList<>(rows.keySet()), String.join("\n", screen));
        for (String v : variables) {
            String[] cells = rows.get(v);
            List<String> columns = new ArrayList<>(List.of("x", "grad"));
            columns.addAll(state);
            columns.add("update");
            assertEquals(columns.size(), cells.length, String.join("\n", screen));
            for (int k = 0; k < cells.length; k++) {
                String key = (columns.get(k).equals("x") ? "" : columns.get(k) + "_") + v;
                double expected = run.number(step, columns.get(k).equals("x") ? v : key);
                double shown = Double.parseDouble(cells[k]);
                double tolerance = Math.abs(expected) * 5e-6 + 1e-300;
                assertEquals(expected, shown, tolerance, "step " + step + " " + key);
            }
        }
    }

    @Test
    void theWorkedExampleAsText() {
        Cli.Result result = step(" \n \nq\n", "--f", "x^2", "--x0", "4", "--lr", "1");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        List<List<String>> screens = screens(result.out());
        assertEquals(3, screens.size(), result.out());
        assertTrue(screens.get(0).get(0).contains("step 1 of 100"), "the first screen is step 1: "
                + screens.get(0).get(0));
        CsvTable run = new CsvTable(Cli.output(List.of("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "3",
                "--format", "csv")));
        assertRowMatchesRun(screens.get(0), run, 1, List.of("x"), List.of("G", "lr"));
        assertRowMatchesRun(screens.get(1), run, 2, List.of("x"), List.of("G", "lr"));
        assertRowMatchesRun(screens.get(2), run, 3, List.of("x"), List.of("G", "lr"));
        // the hand calculation: x 3, gradient 8, G 64, lr 0.125, update 1; then 2.4, 6, 100, 0.1, 0.6
        assertEquals(List.of("3", "8", "64", "0.125", "1"), List.of(table(screens.get(0)).get("x")));
        assertEquals(List.of("2.4", "6", "100", "0.1", "0.6"), List.of(table(screens.get(1)).get("x")));
        String narration = String.join("\n", screens.get(0));
        assertTrue(narration.contains("Gₜ ← Gₜ₋₁ + gₜ²    = 0 + 8² = 64"), narration);
        assertTrue(narration.contains("θₜ ← θₜ₋₁ − η̂·gₜ   = 4 − 0.125·8 = 3"), narration);
    }

    @Test
    void forwardThreeBackOneOnTheToyFunction() {
        String[] options = {"--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5"};
        // As the check: step 1 first, three spaces to step 4, back to step 3.
        Cli.Result result = step(" \n \n \nb\nq\n", options);
        List<List<String>> screens = screens(result.out());
        assertEquals(5, screens.size());
        List<String> runArgs = new ArrayList<>(List.of("run"));
        runArgs.addAll(List.of(options));
        runArgs.addAll(List.of("--steps", "4", "--format", "csv"));
        CsvTable run = new CsvTable(Cli.output(runArgs));
        for (int step = 1; step <= 4; step++) {
            assertRowMatchesRun(screens.get(step - 1), run, step, List.of("w", "b"), List.of("G", "lr"));
        }
        assertRowMatchesRun(screens.get(4), run, 3, List.of("w", "b"), List.of("G", "lr"));
        assertTrue(screens.get(4).get(0).contains("step 3 of 100"));
    }

    @Test
    void unknownKeysShowTheKeys() {
        List<List<String>> screens = screens(step("z\nq\n", "--f", "x^2", "--x0", "4").out());
        String screen = String.join("\n", screens.get(1));
        assertTrue(screen.contains("unknown key 'z'; the keys: space/→ next"), screen);
        assertTrue(screens.get(1).get(0).contains("step 1 of"), "nothing else happened");
    }

    @Test
    void aBadLearningRateIsRefusedOnTheStatusLineAndTheRunGoesOn() {
        for (String bad : new String[] {"-1", "0", "abc", "1e400", "NaN", "Infinity"}) {
            Cli.Result result = step("l " + bad + "\n \nq\n", "--f", "x^2", "--x0", "4", "--lr", "1");
            assertEquals(0, result.exitCode(), bad);
            List<List<String>> screens = screens(result.out());
            String refused = String.join("\n", screens.get(1));
            assertTrue(refused.contains("refused: '" + bad + "' is not a learning rate; give a positive finite "
                    + "number"), bad + ":\n" + refused);
            assertEquals(List.of("2.4", "6", "100", "0.1", "0.6"), List.of(table(screens.get(2)).get("x")),
                    bad + ": step 2 with lr 1 still");
        }
    }

    @Test
    void aNewLearningRateIsShownAndUsedFromTheNextStep() {
        Cli.Result result = step("l\n0.5\n \nq\n", "--f", "x^2", "--x0", "4", "--lr", "1", "--grad", "exact");
        List<List<String>> screens = screens(result.out());
        assertTrue(String.join("\n", screens.get(1)).contains("learning rate from step 2 on (0.05, or adagrad=0.05"),
                "the prompt");
        assertTrue(String.join("\n", screens.get(2)).contains("learning rate 0.5 from step 2 on; steps 1–1 are kept"));
        String changed = String.join("\n", screens.get(3));
        assertTrue(changed.contains("γ = 0.5 (1 → 0.5 from step 2)"), changed);
        // by hand: x = 3 − 0.5·6/(√100 + 1e-10) = 2.7
        assertEquals("2.7", table(screens.get(3)).get("x")[0]);
    }

    @Test
    void aStepPastTheEndShowsTheLast() {
        List<List<String>> screens = screens(step("500\nq\n", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps",
                "10").out());
        String screen = String.join("\n", screens.get(1));
        assertTrue(screens.get(1).get(0).contains("step 10 of 10 · the end"), screen);
        assertTrue(screen.contains("step 500 is past the end; this is the last step, 10"), screen);
        CsvTable run = new CsvTable(Cli.output(List.of("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10",
                "--format", "csv")));
        assertRowMatchesRun(screens.get(1), run, 10, List.of("x"), List.of("G", "lr"));
    }

    @Test
    void everyLineFitsTheWidthAndNarrowTerminalsGetTheCompactLayout() {
        var objective = dev.adagrad.expr.Objective.compile(dev.adagrad.expr.ExpressionSyntax.check("w^2+10*b^2"),
                List.of("w", "b"));
        var run = new dev.adagrad.run.StepThrough(
                objective, dev.adagrad.expr.CentralDifference.scaled(), new double[] {1, 1}, 100, 0,
                List.of(new dev.adagrad.run.StepThrough.LaneSpec("adagrad", 0.5, lr -> OptimizerOptions.create(
                        OptimizerOptions.spec("adagrad"), dev.adagrad.optim.Compat.torch, java.util.Map.of("lr", lr),
                        2), new dev.adagrad.output.StepNarration(List.of("w", "b")))));
        StepSession session = new StepSession(run, List.of("w", "b"), "w^2+10*b^2",
                new dev.adagrad.run.Landscape(objective));
        run.moveTo(3);
        for (int width = 20; width <= 200; width += 7) {
            for (int height = 8; height <= 60; height += 13) {
                for (boolean colour : new boolean[] {false, true}) {
                    List<String> lines = StepScreen.render(session.view(colour), width, height);
                    assertTrue(lines.size() <= height, width + "x" + height);
                    for (String line : lines) {
                        assertTrue(StepScreen.visibleWidth(line) <= width, width + "x" + height + ": " + line);
                    }
                }
            }
        }
        List<String> compact = StepScreen.render(session.view(false), 50, 24);
        assertTrue(compact.get(0).startsWith("step 3/100"), compact.get(0));
        assertTrue(compact.stream().anyMatch(line -> line.equals(" w x 0.156399 g 0.552786 Δ 0.119994")),
                String.join("\n", compact));
        List<String> wide = StepScreen.render(session.view(false), 80, 24);
        assertTrue(wide.get(0).startsWith("adagrad step · "), wide.get(0));
    }

    @Test
    void sSavesTheRowsSoFarAsRunWritesThem(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("rows.csv");
        Cli.Result result = step("4\ns " + file + "\nq\n", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5");
        assertTrue(result.out().contains("saved rows 0–4 to " + file), result.out());
        String run = Cli.output(List.of("run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5", "--steps", "4",
                "--format", "csv"));
        assertEquals(run, Files.readString(file));

        Path pair = directory.resolve("pair.csv");
        step("2\ns " + pair + "\nq\n", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adam", "--lr", "0.1");
        assertEquals(Cli.output(List.of("run", "--f", "x^2", "--x0", "4", "--optimizer", "adam", "--lr", "0.1",
                "--steps", "2", "--format", "csv")), Files.readString(directory.resolve("pair-adam.csv")));
        assertTrue(Files.exists(directory.resolve("pair-sgd.csv")));
    }

    @Test
    void badOptionsAreUsageErrors() {
        Cli.Result tooMany = step("q\n", "--f", "x^2", "--x0", "4", "--steps", "20000");
        assertEquals(2, tooMany.exitCode());
        assertTrue(tooMany.err().contains("--steps: step keeps every row to go back to, so at most 10000"),
                tooMany.err());
        Cli.Result both = step("q\n", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--optimizers", "adam,sgd");
        assertEquals(2, both.exitCode());
        Cli.Result unused = step("q\n", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adam", "--rho", "0.9");
        assertEquals(2, unused.exitCode());
        assertTrue(unused.err().contains("none of sgd, adam uses --rho"), unused.err());
        Cli.Result badRate = step("q\n", "--f", "x^2", "--x0", "4", "--lr", "-1");
        assertEquals(2, badRate.exitCode(), badRate.err());
    }
}
