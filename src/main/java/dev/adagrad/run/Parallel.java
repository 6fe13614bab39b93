package dev.adagrad.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Independent tasks on a pool of daemon threads, results in task order whatever order they finish in.
 *
 * <p>One failure stops them all: the failing task asks every loop to stop ({@link StopRequest#abandon()}) from its
 * own thread, so the others end within a step instead of running on for nobody while the caller waits for an earlier
 * task (a full disk under one part file kept seven other runs writing theirs).
 */
public final class Parallel {

    /** Work the calling thread does while the tasks run, such as copying their rows out as they come. */
    @FunctionalInterface
    public interface Meanwhile<T> {
        void run(Progress<T> progress) throws IOException, InterruptedException;
    }

    /** What {@link Meanwhile} may ask about the tasks. */
    public interface Progress<T> {
        /** Whether task {@code i} has ended; throws the first failure of any task, as {@link #inOrder} would. */
        boolean done(int i);

        /** The result of task {@code i}, which has ended ({@link #done}); throws its failure as it was. */
        T result(int i) throws InterruptedException;
    }

    private Parallel() {
    }

    /**
     * Runs every task, at most {@code threads} at once, and returns their results in the order of {@code tasks}. A
     * task's unchecked exception or error is rethrown as it was; the remaining tasks are then stopped.
     */
    public static <T> List<T> inOrder(List<? extends Callable<T>> tasks, int threads, String threadName)
            throws InterruptedException {
        try {
            return inOrder(tasks, threads, threadName, progress -> { });
        } catch (IOException e) {
            throw new IllegalStateException(e); // nothing to do meanwhile cannot fail
        }
    }

    /**
     * {@link #inOrder(List, int, String)}, with the calling thread doing {@code meanwhile} while the tasks run; if it
     * fails (the output it copies to is gone), the tasks are stopped and its exception is thrown.
     */
    public static <T> List<T> inOrder(List<? extends Callable<T>> tasks, int threads, String threadName,
                                      Meanwhile<T> meanwhile) throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())), task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    try {
                        return task.call();
                    } catch (RuntimeException | Error e) {
                        if (failure.compareAndSet(null, e)) {
                            StopRequest.abandon();
                        }
                        throw e;
                    }
                }));
            }
            try {
                meanwhile.run(new Progress<T>() {
                    @Override
                    public boolean done(int i) {
                        rethrow(failure.get());
                        return futures.get(i).isDone();
                    }

                    @Override
                    public T result(int i) throws InterruptedException {
                        return resultOf(futures.get(i), failure);
                    }
                });
            } catch (IOException | InterruptedException | RuntimeException | Error e) {
                StopRequest.abandon();
                throw e;
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(resultOf(future, failure));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The task's result, waiting for it; its failure (or the first of any task) thrown as it was. */
    private static <T> T resultOf(Future<T> future, AtomicReference<Throwable> failure) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            rethrow(failure.get() != null ? failure.get() : e.getCause());
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Throws {@code problem} as it was if it is unchecked; does nothing if it is null. */
    private static void rethrow(Throwable problem) {
        if (problem instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (problem instanceof Error error) {
            throw error;
        }
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }
}
