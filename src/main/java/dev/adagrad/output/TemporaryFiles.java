package dev.adagrad.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The temporary files that exist right now (an output being written beside its destination, part files, a picture)
 * and how many outputs are being written. A signal ends the process without unwinding the threads that own those
 * files, so it asks here what to delete: otherwise an interrupt while reading data left a {@code .tmp} file beside
 * the output, and one during a comparison left gigabytes of part files in the temporary directory.
 */
public final class TemporaryFiles {

    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger WRITING = new AtomicInteger();

    private TemporaryFiles() {
    }

    /** Records {@code file}, just created, and returns it. */
    static Path created(Path file) {
        LIVE.add(file);
        return file;
    }

    /** Forgets {@code file}: it was renamed into place or deleted. */
    static void gone(Path file) {
        LIVE.remove(file);
    }

    static void startedWriting() {
        WRITING.incrementAndGet();
    }

    static void stoppedWriting() {
        WRITING.decrementAndGet();
    }

    /**
     * Whether a command has an output open: its loops then stop on request and write what they computed, so an
     * interrupt should let them; with none open (reading data, compiling, drawing) there is nothing to keep.
     */
    public static boolean writing() {
        return WRITING.get() > 0;
    }

    /** Deletes every recorded file, ignoring failures: called on the way out of a signalled process. */
    public static void deleteAll() {
        for (Path file : LIVE) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException | RuntimeException e) {
                // the process is ending; a file that cannot be deleted now cannot be deleted later either
            }
        }
        LIVE.clear();
    }
}
