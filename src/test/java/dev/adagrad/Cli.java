package dev.adagrad;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a command line in-process, as {@link Main#main} would, and captures what it prints. */
public final class Cli {

    /** What a command printed and returned. */
    public record Result(int exitCode, String out, String err) {

        public String[] outLines() {
            return out.lines().toArray(String[]::new);
        }

        public String[] errLines() {
            return err.lines().toArray(String[]::new);
        }
    }

    private Cli() {
    }

    /** Runs a command that must succeed without a word on stderr, and returns what it printed on stdout. */
    public static String output(java.util.List<String> args) {
        Result result = run(args.toArray(String[]::new));
        if (result.exitCode() != 0 || !result.err().isEmpty()) {
            throw new AssertionError("exit code " + result.exitCode() + " of " + args + "; stderr: " + result.err());
        }
        return result.out();
    }

    /** Runs a command as a terminal without COLUMNS would (tables 80 characters wide), whatever the build's is. */
    public static Result run(String... args) {
        return run(java.util.Map.of(), args);
    }

    /** Runs a command in {@code environment} (COLUMNS). */
    public static Result run(java.util.Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err), environment, args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
