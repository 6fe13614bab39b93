package dev.adagrad.fit;

import dev.adagrad.run.StopReason;
import java.util.function.BooleanSupplier;

/**
 * What can end one fit from outside: an interrupt and a deadline, passed into the loops rather than read from global
 * state, so each phase has its own. The trainer asks between two steps, and the models every {@link #ROWS} rows
 * they evaluate (fewer for wide models), counted across evaluations, so a full batch of a million rows or a
 * central-difference gradient of a thousand weights does not hold a signal or {@code --max-seconds} up for minutes.
 */
public final class Stop {

    /** The most rows a model evaluates between two looks at the stop. */
    public static final int ROWS = 4096;

    /** About how many multiply-adds between two looks: a millisecond or so of work. */
    static final long WORK = 1L << 20;

    private static final Stop NEVER = new Stop(Long.MAX_VALUE, () -> false);

    private final long deadline;
    private final BooleanSupplier interrupted;

    private Stop(long deadline, BooleanSupplier interrupted) {
        this.deadline = deadline;
        this.interrupted = interrupted;
    }

    public static Stop never() {
        return NEVER;
    }

    /**
     * @param seconds     the time limit from now, or null for none
     * @param interrupted whether an interrupt has come (read often: it must be cheap, e.g. a volatile read)
     */
    public static Stop of(Double seconds, BooleanSupplier interrupted) {
        long deadline = seconds == null ? Long.MAX_VALUE
                : System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0);
        return new Stop(deadline, interrupted);
    }

    /**
     * Rows between two looks for a model of {@code parameters} parameters (a row costs about that many
     * multiply-adds): {@link #ROWS}, fewer for wide models, so a look comes every millisecond or so of work.
     */
    static int rowsBetweenLooks(int parameters) {
        return (int) Math.max(1, Math.min(ROWS, WORK / Math.max(1, parameters)));
    }

    /** Why to stop now: INTERRUPTED, TIME_LIMIT, or null to go on. */
    public StopReason reason() {
        if (interrupted.getAsBoolean()) {
            return StopReason.INTERRUPTED;
        }
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
            return StopReason.TIME_LIMIT;
        }
        return null;
    }

    /** Thrown by a model's loop when asked to stop inside a batch; the trainer ends with the last whole epoch. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final transient StopReason reason;

        Stopped(StopReason reason) {
            super(null, null, false, false); // no stack trace: this is control flow
            this.reason = reason;
        }
    }

    /** Throws {@link Stopped} if a stop is asked for. */
    void check() {
        StopReason reason = reason();
        if (reason != null) {
            throw new Stopped(reason);
        }
    }
}
