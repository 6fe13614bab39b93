package dev.adagrad.bench;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.ExpressionObjective;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.expr.ParsedExpression;
import dev.adagrad.optim.Adagrad;
import dev.adagrad.optim.Compat;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.Runner;
import dev.adagrad.run.StepListener;
import java.util.List;
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
 * AdaGrad steps per second through the program's own loop ({@link Runner}: gradient, step, f), for each way of
 * evaluating the objective:
 *
 * <ul>
 *   <li>{@code exp4j}: plain exp4j ({@link ExpressionObjective}) with central differences;</li>
 *   <li>{@code compiled_central}: the compiled evaluator with central differences;</li>
 *   <li>{@code compiled_exact}: the compiled evaluator with exact (reverse-mode) gradients;</li>
 *   <li>{@code java_central}: the objective written as a Java method, central differences (baseline of the first
 *   two);</li>
 *   <li>{@code java_closed_form}: the Java method with its closed-form gradient (baseline of the third).</li>
 * </ul>
 *
 * One operation is one step: each invocation runs {@value #STEPS} steps from the start point with a fresh optimizer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AdagradStepsBenchmark {

    static final int STEPS = 1000;

    @Param({"toy", "rosenbrock", "quadratic10"})
    public String objective;

    @Param({"exp4j", "compiled_central", "compiled_exact", "java_central", "java_closed_form"})
    public String arm;

    private Objective f;
    private GradientMethod gradient;
    private double[] start;

    private static final StepListener IGNORE = row -> { };

    @Setup
    public void setUp() {
        String text = Problems.expression(objective);
        start = Problems.start(objective);
        ParsedExpression parsed = ExpressionSyntax.check(text);
        List<String> variables = parsed.identifiers();
        switch (arm) {
            case "exp4j" -> {
                f = ExpressionObjective.compile(parsed, variables);
                gradient = CentralDifference.scaled();
            }
            case "compiled_central" -> {
                f = Objective.compile(parsed, variables);
                gradient = CentralDifference.scaled();
            }
            case "compiled_exact" -> {
                f = Objective.compile(parsed, variables);
                gradient = ExactGradient.instance();
            }
            case "java_central" -> {
                f = Problems.handWritten(objective);
                gradient = CentralDifference.scaled();
            }
            case "java_closed_form" -> {
                f = Problems.handWritten(objective);
                gradient = HandWritten.CLOSED_FORM;
            }
            default -> throw new IllegalArgumentException(arm);
        }
        double expected = Problems.handWritten(objective).value(start);
        if (!f.variables().equals(variables) || Math.abs(f.value(start) - expected) > 1e-12 * Math.abs(expected)) {
            throw new IllegalStateException(arm + " computes another objective than the hand-written one");
        }
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public RunResult steps() {
        Runner runner = new Runner(f, gradient, Adagrad.SPEC.create(start.length, Compat.torch, Map.of("lr", 0.01)));
        return runner.run(start, STEPS, 0, IGNORE);
    }
}
