package dev.adagrad.cli;

import dev.adagrad.output.TemporaryFiles;
import dev.adagrad.run.StopRequest;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * What SIGINT and SIGTERM do. The JVM's own handling runs shutdown hooks while the command goes on in the main
 * thread, and the hook this replaces waited up to 60 s for it: silent after Ctrl-C on a FIFO with no writer, while
 * picocli read an argument file, or in a step that took minutes. Here the signal is handled at once:
 * <ul>
 * <li>while a command writes an output ({@link TemporaryFiles#writing()}), its loops are asked to stop
 * ({@link StopRequest}), which they check every step and inside long steps; the command writes what it computed and
 * exits 130 (143 for SIGTERM) itself. Should it not have ended {@link #GRACE_MILLISECONDS} later (a write blocked on
 * a stopped reader), the process ends as below;
 * <li>otherwise (parsing, reading data, compiling, drawing) there is nothing to keep: temporary files are deleted
 * and the process ends at once, with one line on stderr;
 * <li>a second signal always ends it at once.
 * </ul>
 */
public final class Signals {

    /** How long a command may take to write what it computed once asked to stop. */
    static final long GRACE_MILLISECONDS = 3000;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static volatile int first;
    private static volatile Runnable beforeHalt;

    private Signals() {
    }

    /** Installs the handlers; where the JVM refuses one (a signal ignored from the start), its default stays. */
    public static void install(PrintStream err) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), new sun.misc.SignalHandler() { // not a lambda: see Main.main
                    @Override
                    public void handle(Signal signal) {
                        received(signal.getNumber(), err);
                    }
                });
            } catch (IllegalArgumentException e) {
                // SIGINT ignored by a shell that started us in the background: there is no Ctrl-C to handle
            }
        }
    }

    /**
     * Something to do before a signal ends the process at once, such as restoring a terminal that adagrad step put in
     * raw mode; null for nothing.
     */
    static void beforeHalt(Runnable action) {
        beforeHalt = action;
    }

    /** The exit code for the first signal received (130 or 143), or 0 if none came. */
    public static int exitCode() {
        return first == 0 ? 0 : 128 + first;
    }

    private static void received(int number, PrintStream err) {
        if (COUNT.getAndIncrement() == 0) {
            first = number;
            if (TemporaryFiles.writing()) {
                StopRequest.interrupt();
                Thread watchdog = new Thread(() -> {
                    try {
                        Thread.sleep(GRACE_MILLISECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                    end(number, err, "adagrad: interrupted; the output could not be finished within "
                            + GRACE_MILLISECONDS / 1000 + " s, so it is left as it was");
                }, "adagrad-stop");
                watchdog.setDaemon(true);
                watchdog.start();
                return;
            }
        }
        end(number, err, "adagrad: interrupted");
    }

    private static void end(int number, PrintStream err, String message) {
        Runnable action = beforeHalt;
        if (action != null) {
            action.run();
        }
        TemporaryFiles.deleteAll();
        err.println(message);
        err.flush();
        Runtime.getRuntime().halt(128 + number);
    }
}
