package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import org.junit.jupiter.api.Test;

/**
 * Lion against the paper's formula (Chen et al. 2023, Program 1) worked by hand, with Keras 3's defaults, and with
 * decoupled weight decay as Keras applies it (x ← x − γλx before the update).
 */
class LionTest {

    @Test
    void followsTheFormulaOnTheRosenbrockValley() {
        Cli.Result result = Cli.run("run", "--f", "(1-x)^2+100*(y-x^2)^2", "--x0", "x=-1.5,y=2", "--optimizer", "lion",
                "--lr", "0.05", "--weight-decay", "0.1", "--steps", "40", "--grad", "exact", "--format", "csv");
        assertEquals(0, result.exitCode(), result.err());
        CsvTable rows = new CsvTable(result.out());
        double[] p = {-1.5, 2};
        double[] m = new double[2];
        for (int t = 1; t <= 40; t++) {
            double x = p[0];
            double y = p[1];
            double[] g = {-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
            for (int i = 0; i < 2; i++) {
                p[i] *= 1 - 0.05 * 0.1;
                double c = 0.9 * m[i] + 0.1 * g[i];
                p[i] -= 0.05 * Math.signum(c);
                m[i] = 0.99 * m[i] + 0.01 * g[i];
            }
            assertEquals(p[0], rows.number(t, "x"), 1e-12, "x at step " + t);
            assertEquals(p[1], rows.number(t, "y"), 1e-12, "y at step " + t);
            assertEquals(m[0], rows.number(t, "m_x"), 1e-9 * Math.max(1, Math.abs(m[0])), "m_x at step " + t);
        }
    }

    @Test
    void theRuleFileIsTheBuiltInToTheLastBit() {
        String command = "run --f (1-x)^2+100*(y-x^2)^2 --x0 x=-1.5,y=2 --lr 0.01 --steps 10000 --format csv";
        assertEquals(Cli.run((command + " --optimizer lion").split(" ")).out(),
                Cli.run((command + " --optimizer examples/optimizers/lion.opt").split(" ")).out());
    }
}
