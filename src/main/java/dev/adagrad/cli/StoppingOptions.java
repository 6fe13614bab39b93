package dev.adagrad.cli;

import picocli.CommandLine.Option;

/** When a run stops. */
public final class StoppingOptions {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100", converter = Numbers.StepCount.class,
            description = "Most steps to take, 0 to " + Numbers.MAX_STEPS + ". Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--tol", paramLabel = "X", defaultValue = "0", converter = Numbers.FiniteDouble.class,
            description = "Stop when the gradient's Euclidean norm is ≤ X. Default: ${DEFAULT-VALUE} (never).")
    double tolerance;

    void validate() {
        if (tolerance < 0) {
            throw new UsageException("--tol must be ≥ 0 (got " + tolerance + ")");
        }
    }
}
