package dev.adagrad.run;

/** Why a run ended. */
public enum StopReason {
    /** All requested steps were taken. */
    STEPS_DONE,
    /** The gradient's Euclidean norm fell to the tolerance or below. */
    TOLERANCE_REACHED,
    /** f, the gradient or x became NaN or infinite; see {@link RunResult#divergence()}. */
    NON_FINITE,
    /** SIGINT or SIGTERM arrived; the steps completed before it are the result. */
    INTERRUPTED,
    /** The time limit of {@code --max-seconds} passed. */
    TIME_LIMIT
}
