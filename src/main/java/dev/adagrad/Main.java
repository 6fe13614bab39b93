package dev.adagrad;

import dev.adagrad.cli.AdagradCommand;
import dev.adagrad.cli.Errors;
import dev.adagrad.cli.ExitCode;
import dev.adagrad.cli.Signals;
import dev.adagrad.cli.StandardError;
import dev.adagrad.output.StandardOutput;
import dev.adagrad.output.TemporaryFiles;
import dev.adagrad.run.StopRequest;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Entry point. {@link #run} does all the work and never exits, so tests can call it in-process. */
public final class Main {

    private static final String CONVERTERS_EXCLUDED = "picocli.converters.excludes";
    private static final String CLOSURES_DISABLED = "picocli.disable.closures";

    private Main() {
    }

    public static void main(String[] args) {
        // picocli registers a converter for each java.sql and java.time type it finds, by reflection, for every
        // command line it makes; no option here has such a type (java.nio.file.Path, which --output has, stays).
        if (System.getProperty(CONVERTERS_EXCLUDED) == null) {
            System.setProperty(CONVERTERS_EXCLUDED, "java\\.[st].*"); // a regex picocli compiles 38 times: kept simple
        }
        // picocli looks for Groovy's Closure class once, for annotations written as Groovy closures (none here). The
        // class is not there, so the look-up opens and indexes the jar, the only time a start from the class-data
        // archive has to: about 6 ms of the worked example's 90.
        if (System.getProperty(CLOSURES_DISABLED) == null) {
            System.setProperty(CLOSURES_DISABLED, "true");
        }
        PrintStream stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        // A last resort: whatever escapes on any thread is one plain line, never a stack trace. Here and below, classes
        // rather than lambdas: the first lambda sets up java.lang.invoke, about 7 ms this early in every start.
        Thread.setDefaultUncaughtExceptionHandler(new Thread.UncaughtExceptionHandler() {
            @Override
            public void uncaughtException(Thread thread, Throwable problem) {
                stderr.println(Errors.lastResort(problem));
            }
        });
        Signals.install(stderr);
        // Other ways the JVM is asked to end (SIGHUP): no waiting, but no temporary file left behind either.
        Thread cleanUp = new Thread("adagrad-clean-up") {
            @Override
            public void run() {
                TemporaryFiles.deleteAll();
            }
        };
        Runtime.getRuntime().addShutdownHook(cleanUp);
        StandardOutput out = StandardOutput.open();
        PrintWriter err = StandardError.over(new PrintWriter(new OutputStreamWriter(System.err,
                StandardCharsets.UTF_8), true));
        int code = run(out, err, args);
        if (out.failure() != null && code != ExitCode.RUNTIME && code != ExitCode.CLOSED_PIPE) {
            code = Errors.outputFailed(out.failure(), err); // the last buffered output could not be written
        }
        if (Signals.exitCode() != 0 && (code == ExitCode.OK || code == ExitCode.INTERRUPTED)) {
            code = Signals.exitCode(); // 130 for SIGINT, 143 for SIGTERM, however far the command had got
        }
        Runtime.getRuntime().removeShutdownHook(cleanUp);
        System.exit(code);
    }

    /** Runs one command line, writing to {@code out} and {@code err}, and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter given, String... args) {
        return run(out, given, System.getenv(), args);
    }

    /** {@link #run(PrintWriter, PrintWriter, String...)} in {@code environment} (COLUMNS), for tests. */
    public static int run(PrintWriter out, PrintWriter given, Map<String, String> environment, String... args) {
        PrintWriter err = StandardError.over(given); // every message passes one rule: escaped, cut
        StopRequest.reset();
        int code;
        try {
            Integer refused = AdagradCommand.refuseUnknownHelpOption(args, err);
            code = refused != null ? refused : AdagradCommand.commandLine(out, err, environment, args).execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            code = Errors.unexpected(e, err);
        } catch (UncheckedIOException e) {
            code = Errors.outputFailed(e.getCause(), err); // standard output failed while picocli printed help
        } finally {
            // An interrupt or a time limit belongs to this command only (tests run many in one process).
            StopRequest.reset();
        }
        out.flush();
        err.flush();
        return code;
    }
}
