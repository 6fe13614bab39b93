package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import org.junit.jupiter.api.Test;

/**
 * run notes on stderr when f ends more than a million times above its start (the run still succeeds, exit 0, and
 * its output is unchanged); the expected values are worked by hand.
 */
class DivergenceNoteTest {

    @Test
    void sgdAtLearningRateTenOnAParabolaIsNoted() {
        // x ← x − 10·2x = −19x: x₅₀ = 4·19⁵⁰, f = 16·19¹⁰⁰ ≈ 1.2e+129, from f₀ = 16
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "10",
                "--steps", "50");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("adagrad run: f grew from 16 to 1.2e+129: diverging? try a smaller --lr\n", result.err());
    }

    @Test
    void theSameRunAsCsvGetsTheNoteOnStderrOnly() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "10",
                "--steps", "50", "--format", "csv");
        assertEquals(51 + 1, result.outLines().length, "header, step 0 and 50 steps, as before");
        assertEquals("adagrad run: f grew from 16 to 1.2e+129: diverging? try a smaller --lr\n", result.err());
    }

    @Test
    void aStartBelowZeroIsNotedWhenFRisesByMoreThanAMillionTimesItsSize() {
        // f₀ = 0.001² − 4 ≈ −4; x ← −19x: x₁₀ = 0.001·19¹⁰ ≈ 6.13e9, f ≈ 3.8e+19
        Cli.Result result = Cli.run("run", "--f", "x^2-4", "--x0", "0.001", "--optimizer", "sgd", "--lr", "10",
                "--steps", "10");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("adagrad run: f grew from -4 to 3.8e+19: diverging? try a smaller --lr\n", result.err());
    }

    @Test
    void aConvergingRunHasNoNote() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "0.1",
                "--steps", "50");
        assertEquals("", result.err());
    }

    /** Climbing on purpose: x² from 4 with --maximize grows as fast as sgd at lr 10 descends into divergence. */
    @Test
    void aMaximizedRunThatClimbsHasNoNote() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "10",
                "--steps", "10", "--maximize", "--format", "csv");
        assertEquals(0, result.exitCode());
        assertEquals("", result.err());
        assertTrue(new dev.adagrad.CsvTable(result.out()).number(10, "f") > 1e6 * 16, "f did grow");
    }

    @Test
    void theRuleAtItsEdges() {
        assertNull(Messages.growth(16, 16e6), "exactly a million times: not more");
        assertEquals("f grew from 16 to 1.6e+07: diverging? try a smaller --lr", Messages.growth(16, 1.6000001e7));
        assertNull(Messages.growth(-2, 5), "from below zero, a rise of 7 is not a million times 2");
        assertNull(Messages.growth(0, 1e6), "from zero, a million is not more than a million");
        assertEquals("f grew from 0 to 2e+06: diverging? try a smaller --lr", Messages.growth(0, 2e6));
        assertNull(Messages.growth(16, Double.POSITIVE_INFINITY), "non-finite ends have their own message");
        assertNull(Messages.growth(16, -1e300), "falling without bound is not diverging upwards");
    }
}
