package dev.adagrad.cli;

/** A mistake in the command line, found after parsing; reported in one line with exit code {@link ExitCode#USAGE}. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
