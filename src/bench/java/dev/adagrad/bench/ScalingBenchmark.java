package dev.adagrad.bench;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.expr.ParsedExpression;
import dev.adagrad.optim.Adagrad;
import dev.adagrad.optim.Compat;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.Runner;
import dev.adagrad.run.StepListener;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AdaGrad steps per second against the number of variables n, through the program's loop ({@link Runner}), for the
 * quadratic Σ i·xᵢ² + Σ xᵢxᵢ₊₁ and Rosenbrock's chain Σ (1 − xᵢ)² + 100(xᵢ₊₁ − xᵢ²)², from xᵢ = −1.2, 1, −1.2, …:
 * {@code compiled_exact} and {@code compiled_central} (the expression compiled, exact gradients or central
 * differences), {@code java_closed_form}, the objective and its gradient written as Java loops (the baseline), and
 * {@code java_central}, the Java objective with central differences of the whole f.
 * One operation is one step; each invocation runs {@value #STEPS} steps with a fresh optimizer (lr 0.001).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScalingBenchmark {

    static final int STEPS = 100;

    @Param({"quadratic", "chain"})
    public String problem;

    @Param({"10", "30", "100", "300", "1000"})
    public int n;

    @Param({"compiled_exact", "compiled_central", "java_closed_form", "java_central"})
    public String arm;

    private Objective f;
    private GradientMethod gradient;
    private double[] start;

    private static final StepListener IGNORE = row -> { };

    @Setup
    public void setUp() {
        HandWritten.JavaObjective java = problem.equals("quadratic") ? new HandWritten.QuadraticN(n)
                : new HandWritten.RosenbrockChain(n);
        start = Problems.chainStart(n);
        ParsedExpression parsed = ExpressionSyntax.checkTyped(java.text());
        switch (arm) {
            case "compiled_exact" -> {
                f = Objective.compile(parsed, java.variables());
                gradient = ExactGradient.instance();
            }
            case "compiled_central" -> {
                f = Objective.compile(parsed, java.variables());
                gradient = CentralDifference.scaled();
            }
            case "java_closed_form" -> {
                f = java;
                gradient = HandWritten.CLOSED_FORM;
            }
            case "java_central" -> {
                f = java;
                gradient = CentralDifference.scaled();
            }
            default -> throw new IllegalArgumentException(arm);
        }
        double expected = java.value(start);
        if (Math.abs(f.value(start) - expected) > 1e-12 * Math.abs(expected)) {
            throw new IllegalStateException(arm + " computes another objective than the hand-written one");
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public RunResult steps() {
        Runner runner = new Runner(f, gradient, Adagrad.SPEC.create(n, Compat.torch, Map.of("lr", 0.001)));
        return runner.run(start, STEPS, 0, IGNORE);
    }
}
