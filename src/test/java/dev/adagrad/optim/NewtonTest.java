package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Newton's method, expectations worked by hand: θₜ = θₜ₋₁ − γ·(H + δI)⁻¹·g with the exact Hessian. One step on a
 * quadratic lands on its minimum.
 */
class NewtonTest {

    private static CsvTable run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--format", "csv", "--optimizer", "newton"));
        all.addAll(List.of(args));
        return new CsvTable(Cli.output(all));
    }

    private static void expect(double expected, CsvTable table, int row, String column) {
        assertEquals(expected, table.number(row, column), 1e-12 * Math.max(1, Math.abs(expected)),
                column + " at step " + row);
    }

    @Test
    void oneStepOnAQuadraticLandsOnTheMinimum() {
        // w² + 10b² from (4, 1): g = (8, 20), H = diag(2, 20), d = (4, 1), θ₁ = (0, 0)
        CsvTable toy = run("--f", "w^2+10*b^2", "--x0", "w=4,b=1", "--steps", "1", "--grad", "exact");
        expect(0, toy, 1, "w");
        expect(0, toy, 1, "b");
        expect(4, toy, 1, "d_w");
        expect(1, toy, 1, "d_b");
        expect(0, toy, 1, "f");
        // Booth (x + 2y − 7)² + (2x + y − 5)², H = [[10, 8], [8, 10]] everywhere: from (−5, −5) to (1, 3) at once,
        // with central differences too (exact on a quadratic up to rounding)
        for (String gradient : List.of("exact", "central")) {
            CsvTable booth = run("--f", "booth", "--steps", "1", "--grad", gradient);
            assertEquals(1, booth.number(1, "x"), 1e-8, gradient);
            assertEquals(3, booth.number(1, "y"), 1e-8, gradient);
        }
    }

    @Test
    void dampingAndTheStepLengthShortenTheStep() {
        // δ = 2: d = (8/(2+2), 20/(20+2)); γ = 0.5 halves it
        CsvTable damped = run("--f", "w^2+10*b^2", "--x0", "w=4,b=1", "--steps", "1", "--grad", "exact",
                "--damping", "2", "--lr", "0.5");
        expect(4 - 0.5 * 2, damped, 1, "w");
        expect(1 - 0.5 * 20.0 / 22, damped, 1, "b");
        expect(20.0 / 22, damped, 1, "d_b");
    }

    @Test
    void onAQuarticEachStepKeepsTwoThirds() {
        // x⁴: g = 4x³, H = 12x², d = x/3, so θₜ = (2/3)·θₜ₋₁: 1 → 2/3 → 4/9 → 8/27
        CsvTable quartic = run("--f", "x^4", "--x0", "1", "--steps", "3", "--grad", "exact");
        expect(2.0 / 3, quartic, 1, "x");
        expect(4.0 / 9, quartic, 2, "x");
        expect(8.0 / 27, quartic, 3, "x");
        expect(1.0 / 3, quartic, 1, "d_x");
    }

    @Test
    void aSingularHessianStopsTheRunAndDampingMendsIt() {
        // x² + y: H = [[2, 0], [0, 0]] is singular; the step is non-finite (exit 3). δ = 1 makes it [[3, 0], [0, 1]]:
        // d = (2/3, 1), θ₁ = (1 − 2/3, 0 − 1)
        Cli.Result singular = Cli.run("run", "--f", "x^2+y", "--x0", "x=1,y=0", "--optimizer", "newton",
                "--grad", "exact");
        assertEquals(3, singular.exitCode(), singular.err());
        CsvTable damped = run("--f", "x^2+y", "--x0", "x=1,y=0", "--steps", "1", "--grad", "exact",
                "--damping", "1");
        expect(1 - 2.0 / 3, damped, 1, "x");
        expect(-1, damped, 1, "y");
    }

    @Test
    void invalidSettingsAndFitAreUsageErrors(@TempDir Path folder) throws IOException {
        Cli.Result damping = Cli.run("run", "--f", "x^2", "--x0", "1", "--optimizer", "newton", "--damping", "-1");
        assertEquals(2, damping.exitCode());
        assertTrue(damping.err().contains("adagrad run: --damping must be ≥ 0 (got -1)"), damping.err());
        Cli.Result lr = Cli.run("run", "--f", "x^2", "--x0", "1", "--optimizer", "newton", "--lr", "0");
        assertEquals(2, lr.exitCode());
        assertTrue(lr.err().contains("adagrad run: --lr must be > 0 (got 0)"), lr.err());
        Path points = Files.writeString(folder.resolve("points.csv"), "x,y\n1,2\n2,4\n");
        Cli.Result fit = Cli.run("fit", "--data", points.toString(), "--loss", "(w*x-y)^2", "--params", "w=0",
                "--optimizer", "newton");
        assertEquals(2, fit.exitCode(), fit.err());
        assertTrue(fit.err().contains("fit cannot train with newton"), fit.err());
    }

    /** A closure for f = x² + 3y² + xy + sin(x + y), by hand. */
    private static final Closure COUPLED = new Closure() {
        @Override
        public double valueAndGradient(double[] p, double[] g) {
            double c = Math.cos(p[0] + p[1]);
            g[0] = 2 * p[0] + p[1] + c;
            g[1] = 6 * p[1] + p[0] + c;
            return p[0] * p[0] + 3 * p[1] * p[1] + p[0] * p[1] + Math.sin(p[0] + p[1]);
        }

        @Override
        public void hessian(double[] p, double[] h) {
            double s = Math.sin(p[0] + p[1]);
            h[0] = 2 - s;
            h[1] = 1 - s;
            h[2] = 1 - s;
            h[3] = 6 - s;
        }
    };

    @Test
    void narratingLeavesTheStepBitwiseAndPlainStepsAllocateNothing() {
        Optimizer narrated = Newton.SPEC.create(2, Compat.torch, Map.of("damping", 0.5));
        Optimizer plain = Newton.SPEC.create(2, Compat.torch, Map.of("damping", 0.5));
        double[] x = {2, -1};
        double[] y = x.clone();
        double[] g = new double[2];
        double[] update = new double[2];
        double[] plainUpdate = new double[2];
        NarrationEquivalenceTest.Recorder recorder = new NarrationEquivalenceTest.Recorder();
        for (long t = 1; t <= 5; t++) {
            double f = COUPLED.valueAndGradient(x, g);
            ((ClosureOptimizer) narrated).step(t, x, f, g, update, recorder, COUPLED);
            f = COUPLED.valueAndGradient(y, g);
            ((ClosureOptimizer) plain).step(t, y, f, g, plainUpdate, null, COUPLED);
            for (int i = 0; i < 2; i++) {
                assertEquals(Double.doubleToRawLongBits(y[i]), Double.doubleToRawLongBits(x[i]));
                assertEquals(Double.doubleToRawLongBits(plainUpdate[i]), Double.doubleToRawLongBits(update[i]));
                assertEquals(plain.state(0, i), narrated.state(0, i));
            }
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && allocated > 0; attempt++) {
            long before = threads.getThreadAllocatedBytes(id);
            for (long t = 6; t <= 2_000; t++) {
                double f = COUPLED.valueAndGradient(y, g);
                ((ClosureOptimizer) plain).step(t, y, f, g, plainUpdate, null, COUPLED);
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, "bytes allocated by plain Newton steps");
    }
}
