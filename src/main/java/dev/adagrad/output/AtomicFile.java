package dev.adagrad.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a binary file (a picture) that no reader ever sees half-written: the bytes go to a temporary file in the
 * same directory, which is renamed over the destination only once complete; on failure it is deleted and an old file
 * at the destination is left as it was.
 */
public final class AtomicFile {

    /** What fills the file. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Checks, before any work is done, that {@code path} can be a file: not a directory, in a directory that exists.
     *
     * @throws IllegalArgumentException if the path is a directory
     * @throws IOException              if its directory does not exist
     */
    public static void checkWritable(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(path + " is a directory, not a file");
        }
        Path directory = path.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IOException("the directory " + directory + " does not exist");
        }
    }

    /** Writes {@code body} to {@code path}, replacing any regular file there only when the body is complete. */
    public static void write(Path path, Body body) throws IOException {
        checkWritable(path);
        Path destination = path.toAbsolutePath();
        Path temporary = TemporaryFiles.created(Files.createTempFile(destination.getParent(),
                "." + destination.getFileName() + ".", ".tmp"));
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                body.write(out);
            }
            PosixFileAttributeView view = Files.getFileAttributeView(temporary, PosixFileAttributeView.class);
            if (view != null) {
                view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
            TemporaryFiles.gone(temporary);
        }
    }
}
