package dev.adagrad.run;

/**
 * Passes on row 0, every K-th row and the last row of a run, so that a long run can be watched without drowning the
 * terminal; the computation is unchanged.
 *
 * <p>The last row is known only when the run has ended, so each row not passed on is copied into one snapshot
 * (allocated once, at the first skipped row) and {@link #finish()} passes it on if it was the last. That covers a run
 * that stops at the step limit, at the tolerance or before a non-finite value: its last complete row is printed.
 */
public final class EveryKth implements StepListener {

    private final StepListener delegate;
    private final long every;
    private StepRecord pending;
    private boolean hasPending;
    /** The next step that is a multiple of {@code every}, and the step expected next. */
    private long next;
    private long expected;

    public EveryKth(StepListener delegate, long every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be ≥ 1: " + every);
        }
        this.delegate = delegate;
        this.every = every;
    }

    /** {@code delegate} itself when every row is wanted, else a filter (whose {@link #finish} must be called). */
    public static StepListener of(StepListener delegate, long every) {
        return every == 1 ? delegate : new EveryKth(delegate, every);
    }

    @Override
    public void onStep(StepRecord record) {
        // step % every == 0, counted instead of divided: a 64-bit division a step cost more than the copy below
        long step = record.step();
        if (step != expected) { // not the step after the last one (never in a run): find the next multiple again
            next = step % every == 0 ? step : (step / every + 1) * every;
        }
        expected = step + 1;
        if (step == next) {
            next += every;
            hasPending = false;
            delegate.onStep(record);
            return;
        }
        if (pending == null) {
            pending = record.newSnapshot();
        }
        pending.copyFrom(record);
        hasPending = true;
    }

    /** Passes on the last row if it was held back; call once, when the run has returned. */
    public void finish() {
        if (hasPending) {
            hasPending = false;
            delegate.onStep(pending);
        }
    }

    /** Calls {@link #finish()} if {@code listener} is a filter; a plain listener has nothing held back. */
    public static void finish(StepListener listener) {
        if (listener instanceof EveryKth filter) {
            filter.finish();
        }
    }
}
