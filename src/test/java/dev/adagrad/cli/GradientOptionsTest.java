package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code --grad} and {@code --check-grad}: the exact gradient's first steps and check values against derivatives and
 * central differences worked out here, and misuse.
 */
class GradientOptionsTest {

    @Test
    void exactGradientsGiveTheAnalyticFirstStep() {
        // f = w² + 10b², ∇f(1, 1) = (2, 20) exactly; AdaGrad lr 0.5: w₁ = 1 − 0.5·2/(2 + 1e-10)
        Cli.Result result = Cli.run("run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5", "--steps", "1",
                "--grad", "exact", "--format", "csv");
        assertEquals(0, result.exitCode(), result.err());
        CsvTable csv = new CsvTable(result.out());
        assertEquals(2.0, csv.number(1, "grad_w"));
        assertEquals(20.0, csv.number(1, "grad_b"));
        assertEquals(1 - 0.5 * 2 / (2 + 1e-10), csv.number(1, "w"));
        assertEquals(1 - 0.5 * 20 / (20 + 1e-10), csv.number(1, "b"));
    }

    @Test
    void centralIsTheDefault() {
        Cli.Result result = Cli.run("run", "--f", "x^3", "--x0", "1", "--steps", "1", "--format", "csv");
        double h = Math.cbrt(Math.ulp(1.0));
        double expected = (Math.pow(1 + h, 3) - Math.pow(1 - h, 3)) / ((1 + h) - (1 - h));
        assertEquals(expected, new CsvTable(result.out()).number(1, "grad_x"));
    }

    @Test
    void checkGradPrintsBothGradientsAndTheirRelativeDifference() {
        Cli.Result result = Cli.run("run", "--f", "x^3+y", "--x0", "x=1.5,y=2", "--check-grad");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        double x = 1.5;
        double h = Math.cbrt(Math.ulp(1.0)) * x;
        double forward = x + h;
        double backward = x - h;
        double y = 2;
        double central = ((Math.pow(forward, 3) + y) - (Math.pow(backward, 3) + y)) / (forward - backward);
        double exact = 3 * x * x;
        double relative = Math.abs(central - exact) / Math.max(Math.abs(central), Math.abs(exact));
        String[] xRow = row(result, "x");
        assertEquals(Double.toString(central), xRow[1], "central");
        assertEquals(Double.toString(exact), xRow[2]);
        assertEquals(relative, Double.parseDouble(xRow[3]), 0.01 * relative, "relative difference");
        String[] yRow = row(result, "y");
        assertEquals(1.0, Double.parseDouble(yRow[1]), 1e-9, "central ∂/∂y, rounding only");
        assertEquals("1.0", yRow[2]);
        String[] largest = Double.parseDouble(xRow[3]) >= Double.parseDouble(yRow[3]) ? xRow : yRow;
        assertTrue(result.out().contains("Largest relative difference: " + largest[3] + " (" + largest[0] + ")"),
                result.out());
        assertTrue(!result.out().contains("Step"), "--check-grad does not run: " + result.out());
    }

    @Test
    void checkGradUsesTheGivenStep() {
        Cli.Result result = Cli.run("run", "--f", "x^3", "--x0", "2", "--check-grad", "--h", "0.5");
        // (2.5³ − 1.5³) / 1 = 12.25 exactly; the exact derivative is 12
        String[] row = row(result, "x");
        assertEquals(List.of("x", "12.25", "12.0"), Arrays.asList(row).subList(0, 3));
        assertEquals(0.25 / 12.25, Double.parseDouble(row[3]), 1e-4);
    }

    @Test
    void checkGradWorksForCompareAndSweep() {
        for (String command : List.of("compare", "sweep")) {
            Cli.Result result = Cli.run(command, "--f", "rosenbrock", "--check-grad");
            assertEquals(0, result.exitCode(), command + ": " + result.err());
            assertEquals("-215.6", Double.toString(Math.round(Double.parseDouble(row(result, "x")[2]) * 1e10) / 1e10),
                    command);
        }
    }

    @Test
    void checkGradAtANonFiniteGradientExitsWithThree() {
        Cli.Result result = Cli.run("run", "--f", "sqrt(x)", "--x0", "0", "--check-grad");
        assertEquals(ExitCode.NON_FINITE, result.exitCode());
        assertEquals(List.of("x", "NaN", "Infinity", "NaN"), Arrays.asList(row(result, "x")));
        assertEquals(1, result.errLines().length, result.err());
    }

    @Test
    void exactWithAStepIsAUsageError() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "1", "--grad", "exact", "--h", "0.1");
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertEquals("adagrad run: --h sets the central-difference step; it cannot be used with --grad exact",
                result.errLines()[0]);
    }

    @Test
    void anUnknownMethodIsAUsageError() {
        Cli.Result result = Cli.run("compare", "--f", "x^2", "--x0", "1", "--grad", "forward");
        assertEquals(ExitCode.USAGE, result.exitCode());
        assertTrue(result.err().contains("--grad"), result.err());
    }

    @Test
    void exactWorksOnAnExpressionOfThousandsOfNodes() {
        // 5,201 nodes: once evaluated by exp4j without exact gradients; now compiled like any other
        String huge = "x" + "+x".repeat(2600);
        Cli.Result result = Cli.run("run", "--f", huge, "--x0", "1", "--grad", "exact", "--steps", "1", "--format",
                "csv");
        assertEquals(0, result.exitCode(), result.err());
        String[] header = result.outLines()[0].split(",");
        String[] first = result.outLines()[2].split(",");
        int column = Arrays.asList(header).indexOf("grad_x");
        assertTrue(column >= 0, result.outLines()[0]);
        assertEquals(2601.0, Double.parseDouble(first[column]), result.out()); // ∂(2601·x)/∂x
    }

    /**
     * The operators with the longest code (cot's jump to NaN where tan x = 0, powers, divisions, remainders) at
     * 2,500 nodes: one JVM method held no more than about 3,000 of them, so this failed before expressions were cut
     * into segments.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"x", "x^x", "x/x", "x%x", "cot(x)", "pow(x,x)",
            "max(x,x)", "x^x/x"})
    void exactWorksUpToTheDocumentedSize(String term) {
        int nodesPerTerm = term.equals("x") ? 1 : term.equals("cot(x)") ? 2 : term.equals("x^x/x") ? 5 : 3;
        int terms = 2500 / (nodesPerTerm + 1); // and a + between two terms
        String expression = String.join("+", java.util.Collections.nCopies(terms, term));
        Cli.Result result = Cli.run("run", "--f", expression, "--x0", "1", "--grad", "exact", "--steps", "1",
                "--format", "csv");
        assertEquals(0, result.exitCode(), term + ": " + result.err());
    }

    /** The check's row for a variable, split into its four cells. */
    private static String[] row(Cli.Result result, String variable) {
        return Arrays.stream(result.outLines())
                .filter(line -> line.startsWith(variable + " "))
                .findFirst()
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new))
                .orElseThrow(() -> new AssertionError("no row for " + variable + " in " + result.out()));
    }
}
