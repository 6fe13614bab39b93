package dev.adagrad.cli;

import dev.adagrad.data.DataException;
import dev.adagrad.expr.ExpressionException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
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
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    static String prefix(CommandSpec spec) {
        return spec.qualifiedName() + ": ";
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine commandLine = ex.getCommandLine();
        String message = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched && Suggestions.isUnknownCommand(unmatched)) {
            message = Suggestions.unknownCommand(unmatched.getUnmatched().get(0), commandLine);
        } else if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        usage(commandLine, message);
        return ExitCode.USAGE;
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
        debug(ex, err);
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println(prefix + "cannot write the output: " + ex.getMessage());
            return ExitCode.RUNTIME;
        }
        err.println(prefix + "internal error: " + ex + " (set ADAGRAD_DEBUG=1 for details)");
        return ExitCode.RUNTIME;
    }

    /** Standard output could not be written: one line on stderr, exit code 1. */
    public static int outputFailed(IOException cause, PrintWriter err) {
        err.println("adagrad: cannot write the output: " + cause.getMessage());
        return ExitCode.RUNTIME;
    }

    /** For errors outside picocli's reach, such as a StackOverflowError. */
    public static int unexpected(Throwable error, PrintWriter err) {
        debug(error, err);
        if (error instanceof StackOverflowError) {
            err.println("adagrad: the input is nested too deeply to process");
        } else {
            err.println("adagrad: internal error: " + error);
        }
        return ExitCode.RUNTIME;
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
