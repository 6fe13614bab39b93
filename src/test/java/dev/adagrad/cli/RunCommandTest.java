package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code adagrad run}: each AdaGrad option against first steps worked out by hand on f = x² from x₀ = 4 (so
 * g₁ = 8, and g₂ = 2·x₁), the 2-D toy of seed 000 §3, stopping rules and non-finite values.
 */
class RunCommandTest {

    /** Central differences on x² are exact up to rounding; this is far tighter than anything printed. */
    private static final double CLOSE = 1e-9;

    private static CsvTable csv(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--format", "csv"));
        all.addAll(List.of(args));
        Cli.Result result = Cli.run(all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        return new CsvTable(result.out());
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, CLOSE * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void defaultsArePyTorchs() {
        CsvTable run = csv("--f", "x^2", "--x0", "4", "--steps", "1");

        // lr 0.01, eps 1e-10 outside the root: x₁ = 4 − 0.01·8/(√64 + 1e-10)
        assertClose(64, run.number(1, "G_x"), "G");
        assertClose(0.01 / (8 + 1e-10), run.number(1, "lr_x"), "lr");
        assertClose(4 - 0.01 * 8 / (8 + 1e-10), run.number(1, "x"), "x");
    }

    @Test
    void epsInsideTheSquareRoot() {
        CsvTable run = csv("--f", "x^2", "--x0", "4", "--lr", "1", "--eps", "1", "--eps-inside-sqrt", "--steps", "1");

        // lr / √(G + eps) = 1/√65, against 1/(√64 + 1) = 1/9 with the default placement
        assertClose(1 / Math.sqrt(65), run.number(1, "lr_x"), "lr");
        assertClose(4 - 8 / Math.sqrt(65), run.number(1, "x"), "x");
    }

    @Test
    void epsOutsideTheSquareRootByDefault() {
        CsvTable run = csv("--f", "x^2", "--x0", "4", "--lr", "1", "--eps", "1", "--steps", "1");

        assertClose(1.0 / 9, run.number(1, "lr_x"), "lr");
        assertClose(4 - 8.0 / 9, run.number(1, "x"), "x");
    }

    @Test
    void learningRateDecay() {
        CsvTable run = csv("--f", "x^2", "--x0", "4", "--lr", "1", "--lr-decay", "0.5", "--steps", "2");

        // step 1 uses lr/(1+0·0.5) = 1: x₁ = 3. Step 2 uses 1/(1+1·0.5) = 2/3: G = 64+36, lr = (2/3)/10
        assertClose(3, run.number(1, "x"), "x1");
        assertClose(2.0 / 3 / 10, run.number(2, "lr_x"), "lr2");
        assertClose(3 - 0.4, run.number(2, "x"), "x2");
    }

    @Test
    void weightDecayAddsToTheGradientButTheReportedGradientIsFs() {
        CsvTable run = csv("--f", "x^2", "--x0", "4", "--lr", "1", "--weight-decay", "0.5", "--steps", "2");

        // g = 8 + 0.5·4 = 10: G = 100, lr = 0.1, x₁ = 3; then g = 6 + 0.5·3 = 7.5: G = 156.25, lr = 0.08, x₂ = 2.4
        assertClose(8, run.number(1, "grad_x"), "grad 1 is ∇f");
        assertClose(100, run.number(1, "G_x"), "G1");
        assertClose(3, run.number(1, "x"), "x1");
        assertClose(6, run.number(2, "grad_x"), "grad 2 is ∇f");
        assertClose(156.25, run.number(2, "G_x"), "G2");
        assertClose(0.08, run.number(2, "lr_x"), "lr2");
        assertClose(2.4, run.number(2, "x"), "x2");
    }

    @Test
    void initialAccumulatorValue() {
        CsvTable run = csv("--f", "x^2", "--x0", "4", "--lr", "1", "--initial-accumulator-value", "36", "--steps", "1");

        // G = 36 + 64 = 100, lr = 0.1, update 0.8
        assertClose(100, run.number(1, "G_x"), "G");
        assertClose(0.8, run.number(1, "update_x"), "update");
        assertClose(3.2, run.number(1, "x"), "x");
    }

    @Test
    void kerasConvention() {
        CsvTable run = csv("--f", "x^2", "--x0", "4", "--lr", "1", "--eps-inside-sqrt", "--initial-accumulator-value",
                "0.1", "--eps", "1e-7", "--steps", "1");

        assertClose(64.1, run.number(1, "G_x"), "G");
        assertClose(4 - 8 / Math.sqrt(64.1 + 1e-7), run.number(1, "x"), "x");
    }

    @Test
    void toyExampleGivesBTheSmallerLearningRate() {
        CsvTable run = csv("--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5", "--steps", "20");

        assertEquals(List.of("step", "f", "w", "b", "grad_w", "grad_b", "G_w", "G_b", "lr_w", "lr_b", "update_w",
                "update_b"), run.header());
        // step 1: ∇f = (2w, 20b) = (2, 20), G = (4, 400), lr = (0.5/2, 0.5/20)
        assertClose(0.25, run.number(1, "lr_w"), "lr_w");
        assertClose(0.025, run.number(1, "lr_b"), "lr_b");
        double previousB = Double.POSITIVE_INFINITY;
        for (int step = 1; step <= 20; step++) {
            double lrW = run.number(step, "lr_w");
            double lrB = run.number(step, "lr_b");
            // b's gradients are 10× w's along this path, so G_b = 100·G_w and b's rate is a tenth of w's
            assertEquals(lrW / 10, lrB, 1e-9 * lrW, "step " + step);
            assertTrue(lrB < previousB, "b's learning rate falls at every step");
            assertTrue(lrW - lrB > 0, "b's rate is below w's");
            previousB = lrB;
        }
    }

    @Test
    void rowZeroIsTheStartPoint() {
        Cli.Result result = Cli.run("run", "--f", "w^2+10*b^2", "--x0", "1,-2", "--steps", "1", "--format", "csv");

        assertEquals("0,41.0,1.0,-2.0,,,,,,,,", result.outLines()[1]);
    }

    @Test
    void toleranceStopsWhenTheGradientIsSmall() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "1000", "--tol", "1",
                "--format", "csv");

        CsvTable run = new CsvTable(result.out());
        // x₁₀ = 0.5849 (the worked example); g₁₁ = 1.1699, G = 170.2299 + 1.1699² = 171.5985, x₁₁ = 0.4956;
        // ‖∇f‖ = 2|x| ≤ 1 first at x₁₁, so the run stops before step 12
        assertEquals(0, result.exitCode());
        assertEquals(12, run.size(), "rows 0..11");
        assertEquals(0.4956, run.number(11, "x"), 1e-4);
    }

    @Test
    void toleranceReachedAtTheStartTakesNoStep() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "0.1", "--tol", "1");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Converged: gradient norm 0.2 <= tol after 0 steps"), result.out());
    }

    @Test
    void tableGroupsSeveralVariables() {
        Cli.Result result = Cli.run("run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5", "--steps", "1",
                "--wide");

        String[] lines = result.outLines();
        assertEquals("", result.err(), "--wide leaves nothing out");
        assertTrue(lines[0].contains("| w") && lines[0].contains("| b"), "a group per variable: " + lines[0]);
        assertTrue(lines[1].matches("Step \\| f +\\| value +grad +G +lr +update +\\| value +grad +G +lr +update"),
                lines[1]);
        // row 0: f = 1 + 10 = 11 at w = b = 1; step 1 of the toy: f = 0.5² + 10·0.5² = 2.75
        assertTrue(lines[3].matches(" +0 \\| +11\\.0000 \\| +1\\.0000 +\\| +1\\.0000"), lines[3]);
        assertTrue(lines[4].contains("2.7500"), lines[4]);
        assertEquals("Done: 1 step (the step limit); final w = 0.5, b = 0.5, f = 2.75", lines[5]);
    }

    @Test
    void anEightyColumnTableKeepsTheValuesAndGradientsAndSaysWhatItLeftOut() {
        Cli.Result result = Cli.run("run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5", "--steps", "1");

        String[] lines = result.outLines();
        assertTrue(lines[1].matches("Step \\| f +\\| value +grad +\\| value +grad"), lines[1]);
        assertEquals("adagrad run: note: G, lr and update left out to fit 80 columns; --wide shows all\n",
                result.err());
    }

    @Test
    void manyVariablesShowTheFirstOnesAndACut() {
        Cli.Result result = Cli.run("run", "--f", "a^2+b^2+c^2+d^2", "--x0", "1,1,1,1", "--steps", "2");

        assertEquals(0, result.exitCode());
        // Step, f and two groups of value and gradient are 4 + 3 + 11 + 2·(3 + 11 + 2 + 11) = 72 characters
        assertTrue(result.outLines()[0].matches(" +\\| +\\| a +\\| b +\\| …"), result.out());
        assertTrue(result.outLines()[1].startsWith("Step | f"), result.out());
        assertTrue(result.out().contains("d = 0.98"), "the summary line has every variable: " + result.out());
        assertTrue(result.err().contains("note: G, lr, update and the 2 variables c and d left out to fit"), result.err());
    }

    @Test
    void columnsIsAPositiveWholeNumberOrEighty() {
        String[] args = {"run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5", "--steps", "1"};
        for (String columns : new String[] {"0", "-100", "120.5", " 200", "wide", ""}) {
            Cli.Result result = Cli.run(java.util.Map.of("COLUMNS", columns), args);
            assertTrue(result.err().contains("to fit 80 columns"), "COLUMNS '" + columns + "': " + result.err());
        }
        // 154 characters is the full table of two variables (each group 11 + 4·(2 + 11) + 2: lr is 13 wide)
        assertEquals("", Cli.run(java.util.Map.of("COLUMNS", "154"), args).err());
        assertTrue(Cli.run(java.util.Map.of("COLUMNS", "153"), args).err().contains("fewer decimals"));
        assertEquals("", Cli.run(java.util.Map.of("COLUMNS", "99999999999999999999"), args).err());
    }

    @Test
    void nonFiniteFKeepsTheRowsBeforeIt() {
        // log(x) from 1 with lr 0.6: x₁ = 1 − 0.6 = 0.4, then g = 2.5, G = 7.25, x₂ = 0.4 − 0.6·2.5/√7.25 < 0
        Cli.Result result = Cli.run("run", "--f", "log(x)", "--x0", "1", "--lr", "0.6", "--steps", "10",
                "--format", "csv");

        assertEquals(3, result.exitCode());
        CsvTable run = new CsvTable(result.out());
        assertEquals(2, run.size(), "rows 0 and 1");
        assertEquals(0.4, run.number(1, "x"), 1e-9);
        double x2 = 0.4 - 0.6 * 2.5 / Math.sqrt(7.25);
        BadInputTest.assertShortMessage(result, "step 2: f became non-finite: f = NaN at x = -0.1");
        assertTrue(result.err().contains("rows up to step 1 were written"), result.err());
        assertTrue(x2 < 0);
    }

    @Test
    void nonFiniteAtTheStart() {
        Cli.Result result = Cli.run("run", "--f", "log(x)", "--x0", "-1", "--format", "csv");

        assertEquals(3, result.exitCode());
        assertEquals("step,f,x,grad_x,G_x,lr_x,update_x\n", result.out(), "the header only");
        BadInputTest.assertShortMessage(result, "f is not finite at the start point: f = NaN at x = -1.0");
    }

    @Test
    void nonFiniteGradient() {
        // sqrt is finite at 0 but its central difference needs sqrt(−h)
        Cli.Result result = Cli.run("run", "--f", "sqrt(x)", "--x0", "0");

        assertEquals(3, result.exitCode());
        BadInputTest.assertShortMessage(result, "step 1: the gradient became non-finite: grad_x = NaN at x = 0.0");
        assertTrue(result.out().contains("Stopped at step 1: the gradient became non-finite after 0 steps"),
                result.out());
    }

    @Test
    void divisionByZeroIsNonFiniteNotACrash() {
        Cli.Result result = Cli.run("run", "--f", "1/x", "--x0", "0");

        assertEquals(3, result.exitCode());
        BadInputTest.assertShortMessage(result, "f is not finite at the start point");
    }

    @Test
    void constantsCanBecomeVariablesByName() {
        CsvTable constant = csv("--f", "(x-e)^2", "--x0", "4", "--steps", "1");
        CsvTable variable = csv("--f", "(x-e)^2", "--x0", "x=4,e=1", "--steps", "1");

        assertEquals(List.of("step", "f", "x", "grad_x", "G_x", "lr_x", "update_x"), constant.header());
        assertClose((4 - Math.E) * (4 - Math.E), constant.number(0, "f"), "e is Euler's number");
        assertEquals("e", variable.header().get(3), "e is a variable when --x0 names it");
        assertClose(9, variable.number(0, "f"), "(4 − 1)²");
    }

    @Test
    void helpShowsEveryOptionWithItsDefault() {
        Cli.Result result = Cli.run("run", "--help");

        assertEquals(0, result.exitCode());
        assertEquals("", result.err(), "help text formats cleanly");
        for (String option : List.of("--f", "--x0", "--h", "--optimizer", "--lr", "--eps", "--lr-decay",
                "--weight-decay", "--initial-accumulator-value", "--eps-inside-sqrt", "--steps", "--tol", "--format",
                "--output")) {
            assertTrue(result.out().contains(option), option);
        }
        for (String defaultValue : List.of("Default: adagrad", "0.01 (adagrad, rmsprop, rprop, asgd)", "Default: 1e-10 (adagrad)",
                "Default: torch", "Default: 100",
                "Default: table", "Default: 0 (never)")) {
            // picocli wraps descriptions at the terminal width, so compare with the line breaks folded.
            assertTrue(result.out().replaceAll("\\s+", " ").contains(defaultValue), defaultValue + " in\n" + result.out());
        }
    }

    @Test
    void versionIsTheBuilds() {
        Cli.Result result = Cli.run("--version");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().strip().matches("adagrad \\d+\\.\\d+\\.\\d+.*"), result.out());
    }
}
