package dev.adagrad;

import dev.adagrad.cli.AdagradCommand;
import dev.adagrad.cli.Errors;
import dev.adagrad.cli.ExitCode;
import dev.adagrad.output.StandardOutput;
import dev.adagrad.run.StopRequest;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Entry point. {@link #run} does all the work and never exits, so tests can call it in-process. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        StandardOutput out = StandardOutput.open();
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean exiting = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> whenSignalled(exiting, finished), "adagrad-signal"));
        int code = run(out, err, args);
        if (out.failure() != null && code != ExitCode.RUNTIME) {
            code = Errors.outputFailed(out.failure(), err); // the last buffered output could not be written
        }
        exiting.set(true);
        finished.countDown();
        System.exit(code);
    }

    /**
     * The JVM runs its shutdown hooks on SIGINT and SIGTERM while the command goes on in the main thread. Ask its
     * loops to stop ({@link StopRequest}), wait for the command to write what it computed and return, then end the
     * process with the command's code. Nothing to do when the shutdown is the command's own {@code System.exit}.
     */
    private static void whenSignalled(AtomicBoolean exiting, CountDownLatch finished) {
        if (exiting.get()) {
            return;
        }
        StopRequest.interrupt();
        try {
            // Long enough for any loop to finish its step and the writers to flush; a picture may take seconds.
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
    }

    /** Runs one command line, writing to {@code out} and {@code err}, and returns its exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        StopRequest.reset();
        int code;
        try {
            code = AdagradCommand.commandLine(out, err, args).execute(args);
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
