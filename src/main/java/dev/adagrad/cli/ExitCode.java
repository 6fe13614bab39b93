package dev.adagrad.cli;

/** The exit codes of every command; README.md documents them. */
public final class ExitCode {

    /** The run finished (all steps taken, or the tolerance reached). */
    public static final int OK = 0;
    /** Something outside the user's input failed: the output could not be written, or an internal error. */
    public static final int RUNTIME = 1;
    /** The command line is wrong: unknown option, bad number, malformed expression, bad --x0, … */
    public static final int USAGE = 2;
    /** f, the gradient or x became NaN or infinite; the rows before it were written. */
    public static final int NON_FINITE = 3;
    /** SIGINT stopped the command; every row computed before it was written (128 + SIGINT's 2). */
    public static final int INTERRUPTED = 130;
    /** The reader of standard output went away (a closed pipe): nothing printed, as if ended by SIGPIPE (128 + 13). */
    public static final int CLOSED_PIPE = 141;
    /** SIGTERM stopped the command, as {@link #INTERRUPTED} (128 + SIGTERM's 15). */
    public static final int TERMINATED = 143;

    private ExitCode() {
    }
}
