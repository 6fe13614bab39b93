package dev.adagrad.bench;

import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.optim.Optimizers;
import dev.adagrad.optim.RuleFile;
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
 * A rule file's steps against its built-in counterpart's, side by side: {@value #STEPS} optimizer steps per
 * invocation, the optimizer built (and a rule compiled) once per trial as in a run, on the gradient of the quadratic
 * Σ (i+1)·xᵢ², written by hand so that only the optimizer is measured. The target (issue 13): the rule runs within
 * 1.5× of the built-in's time per step. Results: docs/performance.md.
 *
 * <pre>mvn -B -P bench verify "-Djmh.args=RuleFileBenchmark -wi 3 -w 1s -i 5 -r 1s -f 1"</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleFileBenchmark {

    static final int STEPS = 1000;

    @Param({"adagrad", "rmsprop", "adam", "lion"})
    public String optimizer;

    /** Named to sort after the others, so that JMH runs each built-in and its rule file one after the other. */
    @Param({"built_in", "rule_file"})
    public String source;

    @Param({"2", "100"})
    public int dimension;

    private Optimizer o;
    private long t;
    private double[] x;
    private double[] gradient;
    private double[] update;

    @Setup
    public void setUp() {
        OptimizerSpec spec = source.equals("built_in") ? Optimizers.byName(optimizer).orElseThrow()
                : RuleFile.load("examples/optimizers/" + optimizer + ".opt");
        o = spec.create(dimension, Compat.torch, Map.of("lr", 0.01)); // compiled once, as in a run
        x = new double[dimension];
        java.util.Arrays.fill(x, 1.0);
        gradient = new double[dimension];
        update = new double[dimension];
    }

    @Benchmark
    @OperationsPerInvocation(STEPS)
    public double steps() {
        for (int k = 0; k < STEPS; k++) {
            for (int i = 0; i < dimension; i++) {
                gradient[i] = 2 * (i + 1) * x[i];
            }
            o.step(++t, x, gradient, update);
        }
        return x[0];
    }
}
