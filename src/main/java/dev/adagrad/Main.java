package dev.adagrad;

import dev.adagrad.cli.AdagradCommand;
import dev.adagrad.cli.Errors;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point. {@link #run} does all the work and never exits, so tests can call it in-process. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** Runs one command line, writing to {@code out} and {@code err}, and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            return AdagradCommand.commandLine(out, err, args).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return Errors.unexpected(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
