package dev.adagrad.cli;

import dev.adagrad.data.DataException;
import dev.adagrad.expr.ExpressionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into at most three lines on stderr (the problem, where, a pointer to --help) and an exit code.
 * Never a stack trace, unless {@code ADAGRAD_DEBUG} is set in the environment.
 */
public final class Errors implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Expressions longer than this are shown as a window around the error. */
    private static final int SHOWN_EXPRESSION_LENGTH = 60;

    /** A user's text cut to 40 characters for a message. */
    static String shorten(String text) {
        String shown = Messages.shown(text);
        return shown.length() > 40 ? shown.substring(0, 37) + "..." : shown;
    }

    static String prefix(CommandSpec spec) {
        return spec.qualifiedName() + ": ";
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        // picocli's "Invalid value for option '--lr': 'abc' is not a number" in the voice of every other message
        String message = ex.getMessage().replaceFirst("^Invalid value for option '(--[^']+)': ", "$1: ");
        if (ex instanceof UnmatchedArgumentException unmatched && Suggestions.isUnknownCommand(unmatched)) {
            message = Suggestions.unknownCommand(unmatched.getUnmatched().get(0), commandLine);
        } else if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            message = unmatched(unmatched);
        } else if (ex instanceof MissingParameterException) {
            // "Missing required option: '--f=EXPR'" in the same voice as the rest
            message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
        }
        usage(commandLine, message);
        return ExitCode.USAGE;
    }

    /**
     * The first argument picocli could not place, alone: after an unknown option picocli lists its value too
     * ("Unknown options: '--stpes', '10'"), and it numbers a stray word by its index in the arguments. An option's
     * suggestions are ours ({@link Suggestions#unknownOption}): picocli's go by the first two letters only.
     */
    private static String unmatched(UnmatchedArgumentException unmatched) {
        String first = unmatched.getUnmatched().get(0);
        if (unmatched.isUnknownOption()) {
            return "unknown option '" + Messages.shown(first) + "'"
                    + Suggestions.unknownOption(first, unmatched.getCommandLine().getCommandSpec());
        }
        return "unexpected argument '" + Messages.shown(first) + "': each value follows its option, as in --x0 4";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String prefix = prefix(commandLine.getCommandSpec());
        if (ex instanceof ExpressionException expression && expression.expression().isBlank()) {
            usage(commandLine, expression.option() + " is empty: give an expression such as "
                    + (expression.option().equals("--f") ? "x^2" : "(w*x+b-y)^2"));
            return ExitCode.USAGE;
        }
        if (ex instanceof ExpressionException expression) {
            expression(commandLine, expression);
            return ExitCode.USAGE;
        }
        if (ex instanceof DataException) {
            err.println(prefix + ex.getMessage()); // the file, row and column say it all; --help would not help
            return ExitCode.USAGE;
        }
        if (ex instanceof UsageException) {
            usage(commandLine, ex.getMessage());
            return ExitCode.USAGE;
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof dev.adagrad.optim.Lbfgs.LineSearchFailed failed) {
                err.println(prefix + failed.getMessage()); // the rows before it are written
                return ExitCode.NON_FINITE;
            }
        }
        debug(ex, err);
        IOException failure = ex instanceof UncheckedIOException unchecked ? unchecked.getCause()
                : ex instanceof IOException io ? io : null;
        if (failure != null) {
            return outputFailed(prefix, failure, err);
        }
        err.println(prefix + "internal error" + detail(ex) + " (set ADAGRAD_DEBUG=1 for details)");
        return ExitCode.RUNTIME;
    }

    /**
     * An output could not be written: one line on stderr and exit code 1; but a closed pipe (the reader went away,
     * as {@code | head -1} does) is no error of ours: nothing printed, exit 141, as if SIGPIPE had ended us.
     */
    public static int outputFailed(IOException cause, PrintWriter err) {
        return outputFailed("adagrad: ", cause, err);
    }

    private static int outputFailed(String prefix, IOException cause, PrintWriter err) {
        if (closedPipe(cause)) {
            return ExitCode.CLOSED_PIPE;
        }
        err.println(prefix + "cannot write the output: " + reason(cause));
        return ExitCode.RUNTIME;
    }

    /** Whether writing failed because the reading end of a pipe or FIFO is closed (EPIPE). */
    static boolean closedPipe(IOException cause) {
        return "Broken pipe".equals(cause.getMessage());
    }

    /** An I/O failure in words, without Java's class names: "No space left on device", "permission denied: f". */
    static String reason(IOException cause) {
        if (cause instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory: " + cause.getMessage();
        }
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied: " + cause.getMessage();
        }
        if (cause instanceof java.nio.file.FileSystemException system && system.getReason() != null) {
            return system.getReason() + (system.getFile() == null ? "" : ": " + system.getFile());
        }
        return cause.getMessage() == null ? "an input or output error" : cause.getMessage();
    }

    /** ": " and the problem's own message, or nothing: never Java's class name. */
    private static String detail(Throwable problem) {
        return problem.getMessage() == null || problem.getMessage().isBlank() ? "" : ": " + problem.getMessage();
    }

    /** For errors outside picocli's reach, such as a StackOverflowError. */
    public static int unexpected(Throwable error, PrintWriter err) {
        debug(error, err);
        err.println(lastResort(error));
        return ExitCode.RUNTIME;
    }

    /**
     * The one line for a problem nothing else caught, on any thread: running out of memory and too deep a nesting in
     * words, anything else as an internal error, cleaned like every message.
     */
    public static String lastResort(Throwable problem) {
        if (problem instanceof OutOfMemoryError && problem.getMessage() != null
                && problem.getMessage().startsWith("ran out of memory")) {
            return Messages.clean("adagrad: " + problem.getMessage()); // how far reading a data file got
        }
        if (problem instanceof OutOfMemoryError) {
            return "adagrad: ran out of memory; give Java more (JAVA_TOOL_OPTIONS=-Xmx4g) or use fewer rows or "
                    + "parameters";
        }
        if (problem instanceof StackOverflowError) {
            return "adagrad: the input is nested too deeply to process";
        }
        return Messages.clean("adagrad: internal error" + detail(problem) + " (set ADAGRAD_DEBUG=1 for details)");
    }

    private static void usage(CommandLine commandLine, String message) {
        PrintWriter err = commandLine.getErr();
        err.println(prefix(commandLine.getCommandSpec()) + message);
        err.println(tryHelp(commandLine));
    }

    private static String tryHelp(CommandLine commandLine) {
        return "Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.";
    }

    /**
     * Three lines: the problem and its character, then the expression (or a window of it) with a caret under that
     * character. The caret is worth more than the pointer to --help, which would make a fourth line.
     */
    private static void expression(CommandLine commandLine, ExpressionException ex) {
        PrintWriter err = commandLine.getErr();
        String text = ex.expression();
        int position = Math.min(ex.position(), text.length());
        int from = 0;
        int to = text.length();
        if (text.length() > SHOWN_EXPRESSION_LENGTH) {
            from = Math.max(0, position - SHOWN_EXPRESSION_LENGTH / 2);
            to = Math.min(text.length(), from + SHOWN_EXPRESSION_LENGTH);
            from = Math.max(0, Math.min(from, to - SHOWN_EXPRESSION_LENGTH));
        }
        String lead = "  " + (from > 0 ? "..." : "");
        String option = ex.option();
        String where = position == text.length() ? "at the end of " + option
                : "character " + (position + 1) + " of " + option;
        err.println(prefix(commandLine.getCommandSpec()) + ex.problem() + " (" + where + ")");
        err.println(lead + printable(text.substring(from, to)) + (to < text.length() ? "..." : ""));
        err.println(" ".repeat(lead.length() + position - from) + "^");
    }

    /** Control characters would break the caret's alignment; show them as spaces. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            shown.append(Character.isISOControl(c) ? ' ' : c);
        }
        return shown.toString();
    }

    private static void debug(Throwable error, PrintWriter err) {
        if (System.getenv("ADAGRAD_DEBUG") != null) {
            error.printStackTrace(err);
        }
    }
}
