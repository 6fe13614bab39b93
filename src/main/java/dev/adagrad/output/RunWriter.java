package dev.adagrad.output;

import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepListener;
import dev.adagrad.run.StepRecord;
import java.io.UncheckedIOException;

/**
 * Formats the rows of one run as they arrive. Writers never compute: everything they print is in the
 * {@link StepRecord} or the {@link RunResult}.
 *
 * <p>I/O errors surface as {@link UncheckedIOException}, since rows arrive through {@link StepListener}.
 */
public interface RunWriter extends StepListener {

    /** Writes what comes before the first row (a header). */
    void begin();

    @Override
    void onStep(StepRecord record);

    /**
     * What a table left out or shortened to fit its width ("lr and update left out, G with fewer decimals"), or null;
     * a table counts the numbers it shortened in the rows written so far, so ask after the last row.
     * Machine formats always carry every column.
     */
    default String narrowing() {
        return null;
    }

    /** Writes what comes after the last row (the table's summary line), then flushes. */
    void end(RunResult result);
}
