package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code adagrad compare}: the summary table, the long rows, learning rates and settings per optimizer, errors. */
class CompareCommandTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void longCsvHasEveryOptimizerAndStepInTheOrderGiven() {
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adam",
                "--lr", "0.1", "--steps", "2", "--format", "csv");

        assertEquals(0, result.exitCode(), result.err());
        CsvTable csv = new CsvTable(result.out());
        assertEquals(List.of("optimizer", "step", "f", "x"), csv.header());
        assertEquals(6, csv.size());
        // sgd: x ← x − 0.1·2x = 0.8·x: 4, 3.2, 2.56.
        double[] sgd = {4, 3.2, 2.56};
        // adam, step 1: m = 0.8, v = 0.064, m̂ = 8, v̂ = 64, x = 4 − 0.1·8/(8 + 1e-8).
        double adamX1 = 4 - 0.1 * 8 / (8 + 1e-8);
        for (int t = 0; t < 3; t++) {
            assertEquals("sgd", csv.cell(t, "optimizer"));
            assertEquals(t, (int) csv.number(t, "step"));
            assertEquals(sgd[t], csv.number(t, "x"), TOLERANCE * sgd[t]);
            assertEquals(sgd[t] * sgd[t], csv.number(t, "f"), TOLERANCE * sgd[t] * sgd[t]);
            assertEquals("adam", csv.cell(3 + t, "optimizer"));
            assertEquals(t, (int) csv.number(3 + t, "step"));
        }
        assertEquals(adamX1, csv.number(4, "x"), TOLERANCE);
    }

    @Test
    void rosenbrockCsvStartsWithTheContractHeader() {
        Cli.Result result = Cli.run("compare", "--f", "(1-x)^2+100*(y-x^2)^2", "--x0", "x=-1.5,y=2",
                "--optimizers", "sgd,momentum,adagrad,rmsprop,adam", "--steps", "3", "--format", "csv");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("optimizer,step,f,x,y\n"), result.out());
        // 5 optimizers × (start row + 3 steps); f at the start is (1+1.5)² + 100·(2 − 2.25)² = 6.25 + 6.25.
        CsvTable csv = new CsvTable(result.out());
        assertEquals(20, csv.size());
        assertEquals(12.5, csv.number(0, "f"), TOLERANCE);
    }

    @Test
    void jsonLinesCarryTheSameRowsAsObjects() {
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "sgd",
                "--lr", "0.1", "--steps", "1", "--format", "jsonl");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        assertEquals(2, lines.length);
        assertEquals("{\"optimizer\":\"sgd\",\"step\":0,\"f\":16.0,\"x\":4.0}", lines[0]);
        assertTrue(lines[1].startsWith("{\"optimizer\":\"sgd\",\"step\":1,\"f\":10.24"), lines[1]);
    }

    @Test
    void tableIsSortedByFinalFWithEachOptimizersOwnLearningRate() {
        // Two steps on x² from 4: sgd at its default lr 0.001 ends at 4·0.998² (f ≈ 15.94); adagrad at its default
        // 0.01 moves 0.01 a step (f = 3.98² ≈ 15.84); momentum at 0.1 ends at 4 − 0.8 − 0.1·(0.9·8 + 6.4) = 1.84.
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "sgd,adagrad,momentum",
                "--lr", "momentum=0.1", "--steps", "2", "--wide");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        assertTrue(lines[0].matches("Optimizer +\\| lr +\\| final f +\\| final point +\\| steps to tol +\\| "
                + "diverged at"), lines[0]);
        assertTrue(lines[2].startsWith("momentum "), lines[2]);
        assertTrue(lines[2].contains("x = 1.84 "), lines[2]);
        assertTrue(lines[2].contains(" 3.3856 "), lines[2]);
        assertTrue(lines[3].startsWith("adagrad ") && lines[3].contains(" 0.01 "), lines[3]);
        assertTrue(lines[4].startsWith("sgd ") && lines[4].contains(" 0.001 "), lines[4]);
        assertEquals(5, lines.length);
    }

    @Test
    void tableReportsStepsToToleranceAndTheStepOfDivergence() {
        // sgd with lr 0.5 on x² lands on 0 in one step, so the tolerance holds before step 2.
        // sgd with lr 1.5 maps x to −2x: from 3, f = 9·4ᵗ first overflows at t = 511 (9·4⁵¹¹ ≈ 4.5e308).
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "3", "--optimizers", "sgd,momentum",
                "--lr", "sgd=0.5,momentum=1.5", "--set", "momentum.momentum=0", "--tol", "1e-6",
                "--steps", "2000");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        assertTrue(lines[2].startsWith("sgd "), lines[2]);
        assertTrue(lines[2].matches(".*\\|\\s+1 \\|\\s+— *"), lines[2]);
        assertTrue(lines[3].startsWith("momentum "), lines[3]);
        assertTrue(lines[3].matches(".*\\|\\s+— \\|\\s+511"), lines[3]);
    }

    @Test
    void setChangesOneOptimizersHyperparameter() {
        // adam with beta1 = 0 on x² from 4, lr 0.1: step 1 is 0.1·8/(8 + 1e-8) whatever beta1 is. At step 2,
        // g = 2·x₁ and m̂ = m = g, while v = 0.999·0.064 + 0.001·g² and v̂ = v / (1 − 0.999²).
        Cli.Result plain = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "adam", "--lr", "0.1",
                "--steps", "2", "--format", "csv");
        Cli.Result set = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "adam", "--lr", "0.1",
                "--steps", "2", "--format", "csv", "--set", "adam.beta1=0");

        assertEquals(0, set.exitCode(), set.err());
        double x1 = 4 - 0.1 * 8 / (8 + 1e-8);
        double g2 = 2 * x1;
        double v2 = (0.999 * 0.001 * 64 + 0.001 * g2 * g2) / (1 - 0.999 * 0.999);
        double expected = x1 - 0.1 * g2 / (Math.sqrt(v2) + 1e-8);
        assertEquals(expected, new CsvTable(set.out()).number(2, "x"), TOLERANCE);
        assertFalse(new CsvTable(plain.out()).cell(2, "x").equals(new CsvTable(set.out()).cell(2, "x")));
    }

    @Test
    void presetsApplyToEveryOptimizer() {
        // Keras's SGD default lr is 0.01: one step on x² from 4 gives 4 − 0.01·8.
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers", "sgd",
                "--compat", "keras", "--steps", "1", "--format", "csv");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals(3.92, new CsvTable(result.out()).number(1, "x"), TOLERANCE);
    }

    @Test
    void rerunsAreByteIdentical() {
        String[] args = {"compare", "--f", "(1-x)^2+100*(y-x^2)^2", "--x0", "x=-1.5,y=2", "--optimizers",
                "sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw,amsgrad,adamax,nadam,radam",
                "--steps", "200", "--format", "csv"};

        assertEquals(Cli.run(args).out(), Cli.run(args).out());
    }

    static Stream<Arguments> misuse() {
        return Stream.of(
                Arguments.of("unknown optimizer", "unknown optimizer 'foo'", List.of("--optimizers", "sgd,foo")),
                Arguments.of("no optimizer", "--optimizers has an empty name", List.of("--optimizers", ",")),
                Arguments.of("an empty name", "--optimizers has an empty name", List.of("--optimizers", "sgd,,adam")),
                Arguments.of("twice", "--optimizers names adam twice", List.of("--optimizers", "adam,adam")),
                Arguments.of("lr for an optimizer not compared", "--lr names rmsprop, which is not in --optimizers",
                        List.of("--optimizers", "sgd,adam", "--lr", "rmsprop=0.1")),
                Arguments.of("two shared rates", "--lr gives more than one shared rate",
                        List.of("--lr", "0.1,0.2")),
                Arguments.of("bad rate", "'fast' is not a number", List.of("--lr", "adam=fast")),
                Arguments.of("malformed set", "is not of the form optimizer.setting=value",
                        List.of("--set", "adam")),
                Arguments.of("setting not used", "sgd does not use --beta1; its options are: --lr",
                        List.of("--optimizers", "sgd", "--set", "sgd.beta1=0.5")),
                Arguments.of("invalid value", "adam's beta1 must be ≥ 0 and < 1 (got 1)",
                        List.of("--optimizers", "adam", "--set", "adam.beta1=1")),
                Arguments.of("lr twice", "both give adam.lr",
                        List.of("--optimizers", "adam", "--lr", "adam=0.1", "--set", "adam.lr=0.2")),
                Arguments.of("flag given a number", "adam's amsgrad takes true or false, not 1.0",
                        List.of("--optimizers", "adam", "--set", "adam.amsgrad=1")),
                Arguments.of("number given a flag", "adam's lr takes a number, not true",
                        List.of("--optimizers", "adam", "--set", "adam.lr=true")),
                Arguments.of("framework without it", "Keras has no radam optimizer",
                        List.of("--optimizers", "radam", "--compat", "keras")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misuse")
    void misuseIsAUsageError(String name, String message, List<String> options) {
        List<String> args = new java.util.ArrayList<>(List.of("compare", "--f", "x^2", "--x0", "4"));
        args.addAll(options);
        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(message), result.err());
        assertTrue(result.errLines().length <= 3, result.err());
        assertEquals("", result.out());
    }

    @Test
    void startPointWhereFIsNotFiniteExitsWithThree() {
        Cli.Result result = Cli.run("compare", "--f", "log(x)", "--x0", "-1", "--optimizers", "sgd,adam");

        assertEquals(3, result.exitCode());
        assertTrue(result.err().contains("f is not finite at the start point"), result.err());
    }
}
