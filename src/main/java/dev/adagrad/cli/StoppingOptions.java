package dev.adagrad.cli;

import dev.adagrad.run.StopRequest;
import picocli.CommandLine.Option;

/** When a run stops. */
public final class StoppingOptions {

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100", converter = Numbers.StepCount.class,
            description = "Most steps to take, 0 to " + Numbers.MAX_STEPS + ". Default: ${DEFAULT-VALUE}.")
    long steps;

    @Option(names = "--tol", paramLabel = "X", defaultValue = "0", converter = Numbers.FiniteDouble.class,
            description = "Stop when the gradient's Euclidean norm is ≤ X. Default: ${DEFAULT-VALUE} (never).")
    double tolerance;

    @Option(names = "--max-seconds", paramLabel = "S", converter = Numbers.FiniteDouble.class,
            description = "Stop after S seconds of wall time, keeping every row computed by then. Default: no limit.")
    Double maxSeconds;

    /** Checks the options and starts the clock of --max-seconds. */
    void validate() {
        if (tolerance < 0) {
            throw new UsageException("--tol must be ≥ 0 (got " + Numbers.text(tolerance) + ")");
        }
        startClock(maxSeconds);
    }

    /** Starts the --max-seconds clock, if one was given; it must be > 0. */
    static void startClock(Double maxSeconds) {
        if (maxSeconds == null) {
            return;
        }
        if (!(maxSeconds > 0)) {
            throw new UsageException("--max-seconds must be > 0 (got " + Numbers.text(maxSeconds) + ")");
        }
        StopRequest.limitTime(maxSeconds);
    }
}
