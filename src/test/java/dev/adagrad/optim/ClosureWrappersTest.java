package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The parts every optimizer gets also wrap the ones that evaluate the objective in their step: climbing −f with
 * --maximize retraces descending f bit for bit (the closure's f, gradient and Hessian negated), and a schedule sets
 * their rate (a rate of 0 from step 2 on stops them there).
 */
class ClosureWrappersTest {

    private static final String F = "(x-1)^2+3*(y+0.5)^2+x*y";

    private static CsvTable run(String f, String optimizer, String... extra) {
        String[] base = {"run", "--f", f, "--x0", "x=2,y=2", "--optimizer", optimizer, "--steps", "4", "--grad",
            "exact", "--format", "csv"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        Cli.Result result = Cli.run(args);
        assertEquals(0, result.exitCode(), result.err());
        return new CsvTable(result.out());
    }

    @ParameterizedTest
    @CsvSource({"lbfgs", "newton"})
    void maximizingMinusFRetracesMinimizingF(String optimizer) {
        CsvTable down = run(F, optimizer, "--lr", "0.5");
        CsvTable up = run("-(" + F + ")", optimizer, "--lr", "0.5", "--maximize");
        for (int row = 0; row < down.size(); row++) {
            assertEquals(down.cell(row, "x"), up.cell(row, "x"), optimizer + " x at row " + row);
            assertEquals(down.cell(row, "y"), up.cell(row, "y"), optimizer + " y at row " + row);
        }
    }

    @ParameterizedTest
    @CsvSource({"lbfgs", "newton"})
    void aScheduleSetsTheirRate(String optimizer) {
        CsvTable rows = run(F, optimizer, "--lr", "0.5", "--schedule", "step:step_size=1,gamma=0");
        assertEquals(rows.cell(1, "x"), rows.cell(4, "x"), "after step 1 the rate is 0");
        CsvTable free = run(F, optimizer, "--lr", "0.5");
        assertEquals(free.cell(1, "x"), rows.cell(1, "x"), "step 1 at the rate given");
    }
}
