package dev.adagrad.cli;

import dev.adagrad.run.EveryKth;
import dev.adagrad.run.StepListener;
import picocli.CommandLine.Option;

/** {@code --every K}: print only row 0, every K-th step and the last; the computation is unchanged. */
public final class EveryOption {

    @Option(names = "--every", paramLabel = "K", defaultValue = "1", converter = Numbers.Count.class,
            description = "Print only step 0, every K-th step and the last (the run itself is unchanged). "
                    + "Default: ${DEFAULT-VALUE}.")
    long every;

    /**
     * Refuses K &lt; 1. Commands call this before any work: compare's table never filters rows, so a check in
     * {@link #filter} alone let {@code compare --every 0} run.
     */
    void validate() {
        if (every < 1) {
            throw new UsageException("--every must be ≥ 1 (got " + every + ")");
        }
    }

    /** The rows' writer, behind a filter when K > 1; call {@link EveryKth#finish} on it after the run. */
    StepListener filter(StepListener writer) {
        validate();
        return EveryKth.of(writer, every);
    }
}
