package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is replaced only when its output is complete; devices are written directly. */
class OutputTargetTest {

    @TempDir
    Path directory;

    @Test
    void theOldFileStaysUntilCommit() throws IOException {
        Path file = directory.resolve("run.csv");
        Files.writeString(file, "old\n");

        try (OutputTarget target = OutputTarget.file(file)) {
            target.writer().write("step,f\n0,1.0\n");
            target.writer().flush();
            assertEquals("old\n", Files.readString(file), "readers see the old file while the run goes on");
            target.commit();
        }
        assertEquals("step,f\n0,1.0\n", Files.readString(file));
        assertEquals(1, filesIn(directory), "no temporary file left behind");
    }

    @Test
    void anAbandonedRunLeavesTheOldFileAndNoTemporary() throws IOException {
        Path file = directory.resolve("run.csv");
        Files.writeString(file, "old\n");

        try (OutputTarget target = OutputTarget.file(file)) {
            target.writer().write("half a ro");
        }
        assertEquals("old\n", Files.readString(file));
        assertEquals(1, filesIn(directory));
    }

    @Test
    void aNewFileAppearsOnlyAtCommit() throws IOException {
        Path file = directory.resolve("new.csv");

        try (OutputTarget target = OutputTarget.file(file)) {
            target.writer().write("x\n");
            assertFalse(Files.exists(file));
            target.commit();
        }
        assertEquals("x\n", Files.readString(file));
    }

    @Test
    void aSymbolicLinkKeepsPointingAtItsReplacedTarget() throws IOException {
        Path real = directory.resolve("real.csv");
        Path link = directory.resolve("link.csv");
        Files.writeString(real, "old\n");
        Files.createSymbolicLink(link, real);

        try (OutputTarget target = OutputTarget.file(link)) {
            target.writer().write("new\n");
            target.commit();
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new\n", Files.readString(real));
    }

    @Test
    void devNullIsWrittenDirectlyAndNeverReplaced() throws IOException {
        Path devNull = Paths.get("/dev/null");
        try (OutputTarget target = OutputTarget.file(devNull)) {
            target.writer().write("anything\n");
            target.commit();
        }
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
    }

    @Test
    void aDirectoryIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> OutputTarget.file(directory));
    }

    @Test
    void aMissingDirectoryIsAnIoError() {
        assertThrows(IOException.class, () -> OutputTarget.file(directory.resolve("no/such/dir/out.csv")));
    }

    @Test
    void standardOutputIsFlushedNotClosed() throws IOException {
        StringWriter out = new StringWriter();
        try (OutputTarget target = OutputTarget.of(out)) {
            target.writer().write("row\n");
            target.commit();
        }
        out.write("still open\n");
        assertEquals("row\nstill open\n", out.toString());
    }

    private static long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
