package dev.adagrad.run;

/**
 * What can end a command's loops from outside: an interrupt (SIGINT or SIGTERM, set by the entry point's shutdown
 * hook) or the time limit of {@code --max-seconds}. Process-wide, because one command runs per process and every
 * parallel run of a compare or sweep must stop together.
 *
 * <p>The loops call {@link #pending()} once per step: a single volatile read while nothing is asked, so the per-step
 * cost is nil; only when an interrupt came or a limit is set do they call {@link #reason()}, which reads the clock.
 */
public final class StopRequest {

    private static volatile boolean pending;
    private static volatile boolean interrupted;
    private static volatile long deadline = Long.MAX_VALUE;

    private StopRequest() {
    }

    /** Asks every loop to stop after the step it is in: the rows computed so far are kept. */
    public static void interrupt() {
        interrupted = true;
        pending = true;
    }

    /**
     * Asks every loop to stop because what they compute can no longer be written (the output failed, or a parallel
     * run did): for the loops the same as an interrupt, but the command reports the failure, not an interrupt.
     */
    public static void abandon() {
        interrupt();
    }

    /** Stops the loops once {@code seconds} have passed from now. */
    public static void limitTime(double seconds) {
        deadline = System.nanoTime() + (long) Math.min(seconds * 1e9, Long.MAX_VALUE / 4.0);
        pending = true;
    }

    /** Clears both, for a new command (the tests run many in one process). */
    public static void reset() {
        interrupted = false;
        deadline = Long.MAX_VALUE;
        pending = false;
    }

    /** Whether an interrupt came or a time limit is set: the cheap check the loops make every step. */
    public static boolean pending() {
        return pending;
    }

    public static boolean interrupted() {
        return interrupted;
    }

    /** Why to stop now: {@link StopReason#INTERRUPTED}, {@link StopReason#TIME_LIMIT}, or null to go on. */
    public static StopReason reason() {
        if (interrupted) {
            return StopReason.INTERRUPTED;
        }
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline >= 0) {
            return StopReason.TIME_LIMIT;
        }
        return null;
    }
}
