package dev.adagrad.cli;

import static dev.adagrad.cli.BadInputTest.assertShortMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import dev.adagrad.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The command-line contract at numerical edges (GitHub issue 7, item 5): huge and infinite values, flat objectives,
 * a tolerance met at the start, subnormal numbers. Any non-finite x, f or gradient ends a run with exit code 3 and
 * one message naming the step and the quantity, rows before it kept; a finite but degenerate state is not an error.
 * Expected values are worked by hand in the comments.
 */
class NumericalEdgeCasesTest {

    private static Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--format", "csv"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Huge gradients and infinite values
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * f = 1e300·x from x = 1: f and its gradient 1e300 are finite, g² is not. Per the optimizer tests, the plain
     * steppers move x to about −1e297 (SGD: 1 − 0.001·1e300; nesterov 1 − 0.001·1.9e300; RAdam's unrectified first
     * step 1 − 0.001·m̂ with m̂ = 1e300), where f = 1e300·(−1e297) = −∞; centered RMSprop computes ṽ = ∞ − ∞ = NaN; the
     * rest divide by √∞ and stay (AdamW shrinks by its decay, Adamax steps 0.002): two rows after the start, exit 0.
     */
    static Stream<Arguments> overflowingSquares() {
        return Stream.of(
                Arguments.of("sgd", List.of(), "step 1: f became non-finite: f = -Infinity"),
                Arguments.of("momentum", List.of(), "step 1: f became non-finite: f = -Infinity"),
                Arguments.of("nesterov", List.of(), "step 1: f became non-finite: f = -Infinity"),
                Arguments.of("radam", List.of(), "step 1: f became non-finite: f = -Infinity"),
                Arguments.of("rmsprop", List.of("--centered"), "step 1: x became non-finite: x = NaN"),
                Arguments.of("adagrad", List.of(), null),
                Arguments.of("adagrad", List.of("--eps", "0"), null),
                Arguments.of("rmsprop", List.of(), null),
                Arguments.of("rmsprop", List.of("--momentum", "0.9"), null),
                Arguments.of("adadelta", List.of(), null),
                Arguments.of("adam", List.of(), null),
                Arguments.of("adamw", List.of(), null),
                Arguments.of("amsgrad", List.of(), null),
                Arguments.of("adamax", List.of(), null),
                Arguments.of("nadam", List.of(), null));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overflowingSquares")
    void aGradientWhoseSquareOverflows(String optimizer, List<String> options, String stopMessage) {
        List<String> args = new ArrayList<>(List.of("--f", "1e300*x", "--x0", "1", "--steps", "2", "--optimizer",
                optimizer));
        args.addAll(options);
        Cli.Result result = run(args.toArray(String[]::new));
        CsvTable table = new CsvTable(result.out());
        if (stopMessage != null) {
            assertEquals(3, result.exitCode(), result.err());
            assertShortMessage(result, stopMessage);
            assertEquals(1, table.size(), "only the start row is kept:\n" + result.out());
            return;
        }
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        assertEquals(3, table.size(), result.out());
        assertFalse(result.out().contains("NaN"), result.out());
        double x2 = table.number(2, "x");
        switch (optimizer) {
            // (1 − 0.001·0.01)² ; 1 − 0.002 − 0.002 (see DegenerateGradientTest)
            case "adamw" -> assertEquals((1 - 1e-5) * (1 - 1e-5), x2, 1e-15);
            case "adamax" -> assertEquals(0.996, x2, 1e-12);
            default -> assertEquals(1.0, x2, 0, "x stays where g/√∞ = 0 puts it");
        }
    }

    @Test
    void fThatOverflowsAtTheStartIsExitThreeBeforeAnyRow() {
        // (1e200)² = 1e400 > 1.8e308: +∞
        Cli.Result result = run("--f", "x^2", "--x0", "1e200");
        assertEquals(3, result.exitCode());
        assertShortMessage(result, "f is not finite at the start point: f = Infinity at x = 1.0E200");
        assertEquals(0, new CsvTable(result.out()).size(), result.out());
    }

    @Test
    void aCentralDifferenceThatOverflowsStopsAtStepOne() {
        // f(1.34078e154) ≈ 1.7976910e308 is finite, f(x + h) with h = ∛ε·x is not: g = +∞ (CentralDifferenceEdgeTest)
        Cli.Result result = run("--f", "x^2", "--x0", "1.34078e154");
        assertEquals(3, result.exitCode());
        assertShortMessage(result, "step 1: the gradient became non-finite: grad_x = Infinity at x = 1.34078E154");
        assertEquals(1, new CsvTable(result.out()).size());
    }

    @Test
    void anInfiniteExactDerivativeAtZeroStopsAtStepOne() {
        // d/dx √|x| at 0 is √'(0)·|·|'(0) = +∞·0 = NaN (README's table: √ at 0 is +∞, abs at 0 is 0); row 0 kept
        Cli.Result atZero = run("--f", "sqrt(abs(x))", "--x0", "0", "--grad", "exact");
        assertEquals(3, atZero.exitCode());
        assertShortMessage(atZero, "step 1: the gradient became non-finite: grad_x = NaN at x = 0.0");
        assertEquals(1, new CsvTable(atZero.out()).size());
        // Near 0 the derivative is huge but finite: at 1e-300, g = 1/(2√1e-300) = 5e149, G = 2.5e299, and AdaGrad's
        // first step is lr·g/(√G + eps) = 0.01·5e149/5e149 = 0.01, so x₁ = 1e-300 − 0.01 = −0.01
        Cli.Result near = run("--f", "sqrt(abs(x))", "--x0", "1e-300", "--grad", "exact", "--steps", "1");
        assertEquals(0, near.exitCode(), near.err());
        CsvTable table = new CsvTable(near.out());
        assertEquals(5e149, table.number(1, "grad_x"), 5e149 * 1e-15);
        assertEquals(2.5e299, table.number(1, "G_x"), 2.5e299 * 1e-15);
        assertEquals(-0.01, table.number(1, "x"), 1e-17);
    }

    @Test
    void expAtSevenHundredHasAFiniteCentralGradientWhoseSquareOverflows() {
        // f = e^700 ≈ 1.0142e304. h = ∛ε·700 ≈ 4.24e-3 and (e^(700+h) − e^(700−h))/(2h) = e^700·sinh(h)/h ≈
        // e^700·(1 + h²/6) ≈ 1.01424e304: finite, but its square is not. AdaGrad: G = ∞, x stays at 700, exit 0.
        double h = Math.cbrt(Math.ulp(1.0)) * 700;
        double expected = Math.exp(700) * (1 + h * h / 6);
        CsvTable adagrad = new CsvTable(Cli.output(List.of("run", "--format", "csv", "--f", "exp(x)", "--x0", "700",
                "--steps", "2")));
        assertEquals(expected, adagrad.number(1, "grad_x"), expected * 1e-9);
        assertEquals(Double.POSITIVE_INFINITY, adagrad.number(2, "G_x"));
        assertEquals(700.0, adagrad.number(2, "x"), 0);
        assertEquals(Math.exp(700), adagrad.number(2, "f"), Math.exp(700) * 1e-15);
        // SGD: x₁ = 700 − 0.001·1.01424e304 ≈ −1.01424e301, where e^x underflows to f = 0 and f(x ± h) = 0 gives g = 0:
        // x₂ = x₁, a finite (if useless) run
        CsvTable sgd = new CsvTable(Cli.output(List.of("run", "--format", "csv", "--f", "exp(x)", "--x0", "700",
                "--steps", "2", "--optimizer", "sgd")));
        assertEquals(700 - 1e-3 * expected, sgd.number(1, "x"), 1e301 * 1e-9);
        assertEquals(0.0, sgd.number(1, "f"), 0);
        assertEquals(0.0, sgd.number(2, "grad_x"), 0);
        assertEquals(sgd.number(1, "x"), sgd.number(2, "x"), 0);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A flat f
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> flatRuns() {
        List<Arguments> all = new ArrayList<>();
        for (String name : Optimizers.names()) {
            all.add(Arguments.of(name, List.of()));
            if (Optimizers.byName(name).orElseThrow().uses("eps")) {
                all.add(Arguments.of(name, List.of("--eps", "0")));
            }
        }
        all.add(Arguments.of("adagrad", List.of("--eps", "0", "--eps-inside-sqrt")));
        all.add(Arguments.of("rmsprop", List.of("--eps", "0", "--centered", "--momentum", "0.9")));
        all.add(Arguments.of("adam", List.of("--eps", "0", "--amsgrad")));
        all.add(Arguments.of("adamw", List.of("--eps", "0", "--weight-decay", "0")));
        all.add(Arguments.of("sgd", List.of("--momentum", "0.9", "--nesterov", "--weight-decay", "0")));
        all.add(Arguments.of("adam", List.of("--eps", "0", "--compat", "keras")));
        all.add(Arguments.of("adamax", List.of("--eps", "0", "--compat", "keras")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("flatRuns")
    void aFlatFLeavesXExactlyWhereItIs(String optimizer, List<String> options) {
        // f = x − x + 3 is 3 everywhere: every central difference is (3 − 3)/(2h) = 0
        for (String[] problem : new String[][] {{"x-x+3", "1.5"}, {"x^2", "0"}}) {
            List<String> args = new ArrayList<>(List.of("--f", problem[0], "--x0", problem[1], "--steps", "7",
                    "--optimizer", optimizer));
            args.addAll(options);
            Cli.Result result = run(args.toArray(String[]::new));
            String label = optimizer + " " + options + " on " + problem[0];
            assertEquals(0, result.exitCode(), label + ": " + result.err());
            assertFalse(result.out().contains("NaN"), label + ":\n" + result.out());
            CsvTable table = new CsvTable(result.out());
            assertEquals(8, table.size());
            // AdamW's decoupled decay and ASGD's λ·η shrink x even where the gradient is 0, as in PyTorch
            boolean decays = optimizer.equals("adamw") && !options.contains("--weight-decay")
                    || optimizer.equals("asgd");
            for (int t = 1; t <= 7; t++) {
                assertEquals(0.0, table.number(t, "grad_x"), 0, label);
                if (!decays) {
                    assertEquals(Double.parseDouble(problem[1]), table.number(t, "x"), 0, label + " step " + t);
                    assertEquals(0.0, table.number(t, "update_x"), 0, label + " step " + t);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // --tol met at the start
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void runStopsBeforeTheFirstStepWhenTheStartMeetsTheTolerance() {
        // ∇(x²) at 0 is 0 ≤ 1e-9: the tolerance is checked before step 1, so no step is taken
        Cli.Result csv = run("--f", "x^2", "--x0", "0", "--tol", "1e-9");
        assertEquals(0, csv.exitCode(), csv.err());
        CsvTable table = new CsvTable(csv.out());
        assertEquals(1, table.size(), "only row 0:\n" + csv.out());
        assertEquals(0.0, table.number(0, "x"), 0);

        Cli.Result text = Cli.run("run", "--f", "x^2", "--x0", "0", "--tol", "1e-9");
        assertEquals(0, text.exitCode(), text.err());
        String[] lines = text.outLines();
        assertEquals(4, lines.length, "header, rule, row 0, summary:\n" + text.out());
        assertTrue(lines[2].matches(" +0 \\| +0\\.0000 \\| +0\\.0000"), "row 0 is the start: " + lines[2]);
        assertTrue(lines[3].startsWith("Converged: gradient norm 0 <= tol after 0 steps; final x = 0, f = 0"),
                lines[3]);
    }

    @Test
    void compareAndSweepReportZeroStepsToTheTolerance() {
        Cli.Result compare = Cli.run("compare", "--f", "x^2", "--x0", "0", "--tol", "1e-9", "--optimizers",
                "sgd,adam");
        assertEquals(0, compare.exitCode(), compare.err());
        for (String name : List.of("sgd", "adam")) {
            String row = compare.out().lines().filter(line -> line.startsWith(name + " ")).findFirst().orElseThrow();
            String[] cells = row.split("\\|");
            assertEquals("0", cells[4].strip(), "steps to tol: " + row);
            assertEquals(5, cells.length, "diverged at, — in every row, is left out: " + row);
        }
        Cli.Result compareCsv = Cli.run("compare", "--f", "x^2", "--x0", "0", "--tol", "1e-9", "--optimizers",
                "sgd,adam", "--format", "csv");
        assertEquals(List.of("optimizer,step,f,x", "sgd,0,0.0,0.0", "adam,0,0.0,0.0"),
                compareCsv.out().lines().toList());

        Cli.Result sweep = Cli.run("sweep", "--f", "x^2", "--x0", "0", "--tol", "1e-9", "--optimizers", "sgd,adam",
                "--points", "3");
        assertEquals(0, sweep.exitCode(), sweep.err());
        for (String name : List.of("sgd", "adam")) {
            String row = sweep.out().lines().filter(line -> line.startsWith(name + " ")).findFirst().orElseThrow();
            String[] cells = row.split("\\|");
            // every rate ties at 0 steps; the tie goes to the smallest, 1e-4, and is no sign of a better rate below it
            assertEquals("0.0001", cells[1].strip(), row);
            assertEquals("0", cells[3].strip(), row);
        }
        assertFalse(sweep.out().contains("*"), "no 'best rate may lie beyond' mark on a tie:\n" + sweep.out());
    }

    @Test
    void explainHasNoToleranceAndNarratesZeroSteps() {
        Cli.Result withTol = Cli.run("explain", "--f", "x^2", "--x0", "0", "--tol", "1e-9");
        assertEquals(2, withTol.exitCode());
        assertShortMessage(withTol, "unknown option '--tol'");
        // without it, three steps of g = 0: θₜ = 0 − 1e8·0 = 0 each time (η̂ = 0.01/(√0 + 1e-10) = 1e8)
        Cli.Result explain = Cli.run("explain", "--f", "x^2", "--x0", "0");
        assertEquals(0, explain.exitCode(), explain.err());
        assertEquals(3, explain.out().lines().filter(line -> line.contains("θₜ₋₁ − η̂·gₜ   = 0 − 1e8·0 = 0")).count(),
                explain.out());
        assertTrue(explain.out().contains("After 3 steps: x = 0, f = 0"), explain.out());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Subnormal numbers
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void subnormalStartsRunWithoutNaNAndPrintExactly() {
        // x² underflows to 0 at 4.9e-324 (= 2⁻¹⁰⁷⁴, Double.MIN_VALUE) and at 1e-310. The central difference uses
        // h = ∛ε·max(1, |x|) = ∛ε ≈ 6.06e-6, next to which x is lost: f(x ± h) = h², so g = (h² − h²)/(2h) = 0 and
        // AdaGrad never moves. The CSV writes Double.toString's digits, which read back to the same double.
        for (String start : List.of("4.9e-324", "1e-310")) {
            Cli.Result result = run("--f", "x^2", "--x0", start, "--steps", "5");
            assertEquals(0, result.exitCode(), result.err());
            assertFalse(result.out().contains("NaN"), result.out());
            CsvTable table = new CsvTable(result.out());
            for (int t = 0; t <= 5; t++) {
                assertEquals(Double.parseDouble(start), table.number(t, "x"), 0, start + " step " + t);
                assertEquals(0.0, table.number(t, "f"), 0);
            }
            assertEquals(Double.toString(Double.parseDouble(start)), table.cell(5, "x"));
        }
        assertEquals("4.9E-324", new CsvTable(run("--f", "x^2", "--x0", "4.9e-324").out()).cell(0, "x"));
        assertEquals("1.0E-310", new CsvTable(run("--f", "x^2", "--x0", "1e-310").out()).cell(0, "x"));
    }

    @Test
    void aDivergingRunsRowsStayInLineUnderTheHeader() {
        // SGD at lr 10 on x²: x ← x − 10·2x = −19x, so x = 4·(−19)^t and f passes 1e100 by step 76. From there a
        // negative value ("-9.1149e+148") is one character wider than its 11-character column.
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "10", "--steps",
                "115", "--grad", "exact");
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        String bars = lines[0].replaceAll("[^|]", " ");
        for (int row = 3; row < lines.length - 1; row++) {
            assertEquals(bars.stripTrailing(), lines[row].replaceAll("[^|]", " ").stripTrailing(), lines[row]);
        }
        // step 115: x = 4·(−19)^115 = −4.55747e+147 by hand (log10: 0.602060 + 115·1.278754 = 147.65877), given
        // to three decimals to keep its column; the note counts such numbers, and --wide shows them whole.
        assertTrue(lines[lines.length - 2].matches(" +115 \\| [^|]+ \\| -4\\.557e\\+147 \\|.*"),
                lines[lines.length - 2]);
        assertTrue(result.err().contains("numbers shortened to fit 80 columns; --wide shows all"), result.err());
        Cli.Result wide = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "10", "--steps",
                "115", "--grad", "exact", "--wide");
        assertTrue(wide.out().contains("| -4.5575e+147 |"), wide.out());
    }

    @Test
    void theTableAndSummaryShowASubnormalByItsValue() {
        // 2⁻¹⁰⁷⁴ = 4.94065645841…e-324: to 4 decimals 4.9407e-324 in the wide table, 10 digits in the summary
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4.9e-324", "--steps", "1", "--wide");
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        // row 0: f = (2⁻¹⁰⁷⁴)² = 0, x = 2⁻¹⁰⁷⁴; row 1 the same x (the step is far below its last bit)
        assertTrue(lines[2].matches(" +0 \\| +0\\.0000 \\| 4\\.9407e-324"), lines[2]);
        assertTrue(lines[3].matches(" +1 \\| +0\\.0000 \\| 4\\.9407e-324 \\| .*"), lines[3]);
        assertTrue(lines[4].contains("final x = 4.940656458e-324, f = 0"), lines[4]);
        // at 80 columns the cells are narrow: 9 characters hold three of its digits, and the note says so
        Cli.Result narrow = Cli.run("run", "--f", "x^2", "--x0", "4.9e-324", "--steps", "1");
        assertTrue(narrow.outLines()[2].matches(" +0 \\| +0\\.0000 \\| 4\\.94e-324"), narrow.out());
        assertTrue(narrow.err().contains("numbers shortened to fit 80 columns"), narrow.err());
    }

    @Test
    void anExactSubnormalGradientWhoseSquareUnderflows() {
        // --grad exact from 1e-310: g = 2e-310 but G = g² ≈ 4e-620 underflows to 0, so AdaGrad's rate is
        // 0.01/(√0 + 1e-10) = 1e8 and x₁ = 1e-310 − 1e8·2e-310 ≈ −2e-302: finite, a big relative jump, no NaN. The
        // run ends after its 200 steps like any other.
        Cli.Result adagrad = run("--f", "x^2", "--x0", "1e-310", "--grad", "exact", "--steps", "200");
        assertEquals(0, adagrad.exitCode(), adagrad.err());
        assertFalse(adagrad.out().contains("NaN"));
        CsvTable table = new CsvTable(adagrad.out());
        assertEquals(201, table.size());
        assertEquals(2e-310, table.number(1, "grad_x"), 2e-310 * 1e-9);
        assertEquals(0.0, table.number(1, "G_x"), 0);
        assertEquals(1e8, table.number(1, "lr_x"), 0);
        assertEquals(1e-310 - 1e8 * 2e-310, table.number(1, "x"), 2e-302 * 1e-9);
        // Adam with --eps 0: v = 0.001·g² underflows to 0 while m = 0.1·g = 2e-311 does not, so the documented step
        // γ·m̂/(√v̂ + 0) is 2e-311/0 = +∞ and x₁ = −∞ (PyTorch divides the same way): exit 3, row 0 kept
        Cli.Result adam = run("--f", "x^2", "--x0", "1e-310", "--grad", "exact", "--optimizer", "adam", "--eps", "0");
        assertEquals(3, adam.exitCode());
        assertShortMessage(adam, "step 1: x became non-finite: x = -Infinity");
        assertEquals(1, new CsvTable(adam.out()).size());
    }
}
