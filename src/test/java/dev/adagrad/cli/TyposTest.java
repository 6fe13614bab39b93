package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Typos caught: glued function names, near-miss names, and choices in any case. */
class TyposTest {

    @Test
    void aFunctionGluedToAVariableGetsANoteAndTheRunStillHappens() {
        Cli.Result result = Cli.run("run", "--f", "sinx", "--x0", "1", "--steps", "2", "--format", "csv");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("adagrad run: note: --f: 'sinx' is one variable; for the function write sin(x)\n",
                result.err());
        // f = sinx is a straight line: the gradient is 1 at every step (central differences are exact on a line)
        String[] step1 = result.outLines()[2].split(",");
        assertEquals(List.of("1", "1.0"), List.of(step1[0], step1[3]), result.out());
    }

    @Test
    void gluedNamesAreFoundOnlyWhereTheRestReadsAsAVariable() {
        assertEquals("exp", Typos.gluedFunction("expx", List.of("expx")));
        assertEquals("sinh", Typos.gluedFunction("sinhx", List.of("sinhx")), "the longest function");
        assertEquals("log", Typos.gluedFunction("lograte", List.of("lograte", "rate")), "another variable");
        assertEquals(null, Typos.gluedFunction("absolute", List.of("absolute")), "a word, not f + variable");
        assertEquals(null, Typos.gluedFunction("x", List.of("x")));
        // named by --x0: meant, so no note
        Cli.Result meant = Cli.run("run", "--f", "expx^2", "--x0", "expx=1", "--steps", "1",
                "--wide");
        assertEquals(0, meant.exitCode(), meant.err());
        assertEquals("", meant.err());
    }

    @Test
    void aNearMissOfANamedFunctionSuggestsIt() {
        Cli.Result result = Cli.run("run", "--f", "rosenbrok");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("adagrad run: --f: 'rosenbrok' is no test function (did you mean "
                + "rosenbrock?)"), result.err());

        Cli.Result withStart = Cli.run("run", "--f", "rosenbrok", "--x0", "1", "--steps", "1");
        assertEquals(0, withStart.exitCode(), withStart.err());
        assertTrue(withStart.err().contains("note: --f: 'rosenbrok' is no test function (did you mean rosenbrock?)"),
                withStart.err());
    }

    @Test
    void aNearMissOfASubcommandSuggestsIt() {
        Cli.Result result = Cli.run("rn");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("adagrad: no command named 'rn' (did you mean run?); the commands are: "
                + "run, explain, step, compare"), result.err());
        Cli.Result man = Cli.run("man", "fti");
        assertEquals(2, man.exitCode());
        assertTrue(man.err().contains("no command named 'fti' (did you mean fit?)"), man.err());
    }

    @Test
    void suggestionsAreOneOrTwoEditsAway() {
        assertEquals(1, Suggestions.distance("rn", "run"));
        assertEquals(1, Suggestions.distance("rosenbrok", "rosenbrock"));
        assertEquals(1, Suggestions.distance("adma", "adam"), "a swap of neighbours counts one");
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals(List.of(), Suggestions.near("x", List.of("exp", "run")));
        assertEquals(List.of("adam", "adamw"), Suggestions.near("adamx", List.of("adam", "adamw", "sgd")));
    }

    @Test
    void choicesAreTakenInAnyCase() {
        Cli.Result lower = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "3", "--format", "csv",
                "--optimizer", "adam", "--compat", "keras", "--grad", "exact");
        Cli.Result upper = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "3", "--format", "CSV",
                "--optimizer", "Adam", "--compat", "Keras", "--grad", "EXACT");

        assertEquals(0, upper.exitCode(), upper.err());
        assertEquals(lower.out(), upper.out());
        Cli.Result unknown = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "adma");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown optimizer 'adma' (did you mean adam?)"), unknown.err());
    }
}
