package dev.adagrad.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Where a run's output goes: standard output, or a file that no reader ever sees half-written.
 *
 * <p>A regular file (or a new path) is written to a temporary file beside it and renamed over it by {@link #commit()};
 * if the run is abandoned instead, the temporary file is deleted and the old file is untouched. Anything else that
 * exists at the path (a device such as {@code /dev/null}, a FIFO) is written directly, since renaming over it would
 * replace the device with a file. A symbolic link is followed, so the link stays and its target is replaced.
 */
public final class OutputTarget implements AutoCloseable {

    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private final Writer writer;
    private final Path temporary;
    private final Path destination;
    private final boolean ownsWriter;
    private boolean done;

    private OutputTarget(Writer writer, Path temporary, Path destination, boolean ownsWriter) {
        this.writer = writer;
        this.temporary = temporary;
        this.destination = destination;
        this.ownsWriter = ownsWriter;
        TemporaryFiles.startedWriting();
    }

    /** Standard output (or any writer the caller owns): committing flushes it, closing leaves it open. */
    public static OutputTarget of(Writer out) {
        return new OutputTarget(out, null, null, false);
    }

    /**
     * Opens {@code path} for writing.
     *
     * @throws IllegalArgumentException if the path is a directory
     * @throws IOException              if it cannot be written (missing directory, no permission)
     */
    public static OutputTarget file(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("--output " + path + " is a directory, not a file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            Writer direct = writer(Files.newOutputStream(path, StandardOpenOption.WRITE));
            return new OutputTarget(direct, null, null, true);
        }
        Path destination = Files.isSymbolicLink(path) && Files.exists(path) ? path.toRealPath() : path;
        Path directory = destination.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("the directory " + directory + " does not exist");
        }
        Path temporary = TemporaryFiles.created(Files.createTempFile(directory, "." + destination.getFileName()
                + ".", ".tmp"));
        try {
            return new OutputTarget(writer(Files.newOutputStream(temporary)), temporary, destination, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            TemporaryFiles.gone(temporary);
            throw e;
        }
    }

    private static Writer writer(java.io.OutputStream stream) {
        return new Utf8Output(stream);
    }

    public Writer writer() {
        return writer;
    }

    /** Makes everything written visible at the destination: flush, and for a file, rename it into place. */
    public void commit() throws IOException {
        if (done) {
            return;
        }
        finished();
        if (temporary == null) {
            if (ownsWriter) {
                writer.close();
            } else {
                writer.flush();
            }
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            keepWholeLines(); // the last buffer did not fit (a full disk): keep the rows before it, as salvage does
            throw e;
        }
        copyPermissions();
        try {
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
        }
        TemporaryFiles.gone(temporary);
    }

    /** Marks this output done: it no longer holds a signal back ({@link TemporaryFiles#writing()}). */
    private void finished() {
        done = true;
        TemporaryFiles.stoppedWriting();
    }

    /**
     * Flushes what was written so far to the destination, and throws if that failed: standard output records a
     * failed flush instead of throwing it (see {@link StandardOutput}), so a copy that streams rows for a long time
     * asks here whether anyone still reads them.
     */
    public void flush() throws IOException {
        writer.flush();
        if (writer instanceof StandardOutput standard && standard.failure() != null) {
            throw standard.failure();
        }
    }

    private void copyPermissions() throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.exists(destination)
                ? Files.getPosixFilePermissions(destination, LinkOption.NOFOLLOW_LINKS)
                : NEW_FILE_PERMISSIONS;
        view.setPermissions(permissions);
    }

    /**
     * After a write failed (a full disk, a file-size limit): keeps what can be kept. For a file, the rows written
     * before the failure are kept whole: the temporary file is cut after its last complete line and renamed into
     * place (or deleted if it holds no complete line, leaving the old file alone). Never throws: the failure being
     * reported matters more.
     */
    public void salvage() {
        if (done) {
            return;
        }
        finished();
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            // the buffered tail is what could not be written; what reached the file is handled below
        }
        if (temporary != null) {
            keepWholeLines();
        }
    }

    /** Cuts the temporary file after its last whole line and renames it into place; deletes it if it has none. */
    private void keepWholeLines() {
        try {
            long complete = endOfLastLine(temporary);
            if (complete == 0) {
                Files.deleteIfExists(temporary);
                return;
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.truncate(complete);
            }
            copyPermissions();
            Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // nothing more can be done about a file system that refuses even this
            }
        } finally {
            TemporaryFiles.gone(temporary);
        }
    }

    /** The length of {@code file} up to and including its last newline (0 if it has none). */
    private static long endOfLastLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            long end = channel.size();
            while (end > 0) {
                int length = (int) Math.min(buffer.capacity(), end);
                buffer.clear().limit(length);
                channel.read(buffer, end - length);
                for (int i = length - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return end - length + i + 1;
                    }
                }
                end -= length;
            }
            return 0;
        }
    }

    /** Abandons a file that was not committed (its old content stays, the temporary file goes); flushes the rest. */
    @Override
    public void close() {
        if (done) {
            return;
        }
        finished();
        try {
            if (temporary != null) {
                try {
                    writer.close();
                } finally {
                    Files.deleteIfExists(temporary);
                    TemporaryFiles.gone(temporary);
                }
            } else if (ownsWriter) {
                writer.close();
            } else {
                writer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
