package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Optimizers written in a rule file: the shipped examples agree with their built-in counterparts byte for byte, Lion
 * with the paper's formula worked by hand, and every mistake in a file is one line naming file, line and column.
 */
class RuleFileTest {

    private static final String WORKED = "run --f x^2 --x0 4 --lr 1 --steps 30 --format csv";
    private static final String ROSENBROCK = "run --f (1-x)^2+100*(y-x^2)^2 --x0 x=-1.5,y=2 --lr 0.01 --steps 10000 "
            + "--format csv";

    @ParameterizedTest(name = "{0}.opt is {0}, byte for byte")
    @CsvSource({"adagrad", "rmsprop", "adam", "lion"})
    void examplesAgreeWithTheBuiltInsToTheLastBit(String optimizer) {
        for (String command : new String[] {WORKED, ROSENBROCK}) {
            Cli.Result builtIn = Cli.run((command + " --optimizer " + optimizer).split(" "));
            Cli.Result rule = Cli.run((command + " --optimizer examples/optimizers/" + optimizer + ".opt").split(" "));
            assertEquals(0, rule.exitCode(), rule.err());
            assertEquals(builtIn.out(), rule.out(), command);
        }
    }

    /** Lion by hand on f = x², x₀ = 4, lr 0.1, β₁ 0.9, β₂ 0.99: c = β₁m + (1−β₁)g; x −= lr·sign(c); m = β₂m + (1−β₂)g. */
    @Test
    void lionFollowsThePapersFormula() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "0.1", "--steps", "3", "--format", "csv",
                "--grad", "exact", "--optimizer", "examples/optimizers/lion.opt");
        assertEquals(0, result.exitCode(), result.err());
        CsvTable rows = new CsvTable(result.out());
        double x = 4;
        double m = 0;
        for (int t = 1; t <= 3; t++) {
            double g = 2 * x;
            x -= 0.1 * Math.signum(0.9 * m + 0.1 * g);
            m = 0.99 * m + 0.01 * g;
            assertEquals(x, rows.number(t, "x"), 1e-15, "x at step " + t);
            assertEquals(m, rows.number(t, "m_x"), 1e-15, "m at step " + t);
        }
        assertEquals(3.7, rows.number(3, "x"), 1e-12);
    }

    @Test
    void explainNarratesEachAssignmentWithItsNumbers() {
        Cli.Result result = Cli.run("explain", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "1", "--grad",
                "exact", "--optimizer", "examples/optimizers/adagrad.opt");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("G + g^2") && result.out().contains("= 0 + 8^2 = 64"), result.out());
        assertTrue(result.out().contains("= 4 - 1 / (sqrt(64) + 1e-10) * 8 = 3"), result.out());
    }

    @Test
    void aScheduleSetsTheRulesLr() {
        Cli.Result builtIn = Cli.run((WORKED + " --optimizer adagrad --schedule exponential:gamma=0.5").split(" "));
        Cli.Result rule = Cli.run((WORKED + " --optimizer examples/optimizers/adagrad.opt "
                + "--schedule exponential:gamma=0.5").split(" "));
        assertEquals(builtIn.out(), rule.out());
    }

    @Test
    void theRuleTakesItsHyperparametersAsOptions() {
        CsvTable rows = new CsvTable(Cli.run((WORKED + " --optimizer examples/optimizers/adagrad.opt --eps 0.5")
                .split(" ")).out());
        assertEquals(4 - 1 / (8 + 0.5) * 8, rows.number(1, "x"), 1e-9); // central differences: g ≈ 8
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown name    | hyper: lr = 0.1\\nstep:\\n  x = x - lr * q          | r.opt:3:16: unknown name 'q'",
        "syntax error    | step:\\n  x = x - 0.1 * (g                      | r.opt:2:17: '(' is never closed",
        "never assigns x | state: G = 0\\nstep:\\n  G = G + g              | r.opt:3:1: the step never assigns x",
        "unknown target  | step:\\n  H = g\\n  x = x - g                   | r.opt:2:7: assigns 'H', which is not a state",
        "divides by 0    | state: G = 0\\nstep:\\n  x = x - g / G\\n  G = G + g^2 | r.opt:3:7: x is not finite at step 1",
        "taken name      | hyper: sin = 1\\nstep:\\n  x = x - g             | r.opt:1:8: 'sin' is taken",
        "bad number      | hyper: lr = fast\\nstep:\\n  x = x - g            | r.opt:1:8: lr must start at a number",
        "stray line      | x = x - g                                     | r.opt:1:1: expected name:, hyper:",
    })
    void mistakesInTheFileNameItsPlace(String what, String text, String message, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("r.opt");
        Files.writeString(file, text.strip().replace("\\n", "\n") + "\n");
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", file.toString());
        assertEquals(2, result.exitCode(), what);
        String first = result.errLines()[0];
        assertTrue(first.startsWith("adagrad run: " + dir.resolve(message.strip()).toString().replace(dir + "/",
                dir + "/")), what + ": " + first);
    }

    /** compare names a rule by its path or by its name: line, in --lr and --set alike. */
    @Test
    void compareSetsARulesHyperparametersByItsName() {
        for (String set : new String[] {"my-adagrad.eps=0.5", "examples/optimizers/adagrad.opt.eps=0.5"}) {
            Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "4", "--optimizers",
                    "adam,examples/optimizers/adagrad.opt", "--set", set, "--lr", "1,my-adagrad=2", "--steps", "1",
                    "--format", "csv", "--grad", "exact");
            assertEquals(0, result.exitCode(), result.err());
            // By hand: G = 64, x = 4 − 2/(√64 + 0.5)·8
            assertTrue(result.out().contains(Double.toString(4 - 2 / (8 + 0.5) * 8)), set + ": " + result.out());
        }
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "no/such.opt");
        assertEquals(2, result.exitCode());
        assertEquals("adagrad run: cannot read optimizer rule file no/such.opt: no such file", result.errLines()[0]);
    }

    @Test
    void aRuleWithoutLrCannotBeScheduled(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("plain.opt");
        Files.writeString(file, "step:\n  x = x - 0.1 * g\n");
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", file.toString(), "--schedule",
                "exponential:gamma=0.5");
        assertEquals(2, result.exitCode());
        assertTrue(result.errLines()[0].contains("lr"), result.err());
    }
}
