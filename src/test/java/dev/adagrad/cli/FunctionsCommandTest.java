package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import org.junit.jupiter.api.Test;

class FunctionsCommandTest {

    @Test
    void listsTheTenFunctionsWithFormulaStartAndMinima() {
        Cli.Result result = Cli.run("functions");
        assertEquals(0, result.exitCode());
        for (String name : new String[] {"toy", "rosenbrock", "beale", "himmelblau", "booth", "matyas", "rastrigin",
                "ackley", "styblinski-tang", "goldstein-price"}) {
            assertTrue(result.out().contains("\n" + name + " ") || result.out().startsWith(name + " "), name);
        }
        assertTrue(result.out().contains("f(x, y) = (1-x)^2+100*(y-x^2)^2"));
        assertTrue(result.out().contains("minimum f = 3 at (0, -1)"), "Goldstein–Price's minimum value is 3");
    }

    @Test
    void aNamedFunctionRunsFromItsUsualStartAndReportsTheDistanceToTheMinimum() {
        // Booth from (−5, −5) with SGD lr 0.01: a quadratic, so after 1000 steps it is at (1, 3) to many digits.
        Cli.Result result = Cli.run("run", "--f", "booth", "--optimizer", "sgd", "--lr", "0.01", "--steps", "1000",
                "--format", "csv");
        assertEquals(0, result.exitCode(), result.err());
        String firstRow = result.out().lines().skip(1).findFirst().orElseThrow();
        // Booth at (−5, −5): (−5 − 10 − 7)² + (−10 − 5 − 5)² = 484 + 400
        assertTrue(firstRow.startsWith("0,884.0,-5.0,-5.0,"), firstRow);

        Cli.Result table = Cli.run("run", "--f", "booth", "--optimizer", "sgd", "--lr", "0.01", "--steps", "1000");
        String summary = table.out().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.matches(".*; \\d(\\.\\d+)?e-\\d\\d from the minimum \\(1, 3\\)"), summary);
    }

    @Test
    void anExplicitStartOverridesTheUsualOne() {
        Cli.Result result = Cli.run("run", "--f", "rosenbrock", "--x0", "x=0,y=0", "--optimizer", "sgd", "--lr",
                "0.001", "--steps", "1", "--format", "csv");
        assertEquals(0, result.exitCode(), result.err());
        // ∂f/∂x at (0,0) = −2(1−0) = −2, ∂f/∂y = 0: x₁ = 0 − 0.001·(−2) = 0.002
        String[] row1 = result.out().lines().skip(2).findFirst().orElseThrow().split(",");
        assertEquals(0.002, Double.parseDouble(row1[2]), 1e-12);
        assertEquals(0.0, Double.parseDouble(row1[3]));
    }

    @Test
    void compareShowsTheDistanceColumnForANamedFunctionOnly() {
        assertTrue(Cli.run("compare", "--f", "himmelblau", "--steps", "50").out().contains("to minimum"));
        assertTrue(!Cli.run("compare", "--f", "x^2", "--x0", "1", "--steps", "5").out().contains("to minimum"));
    }
}
