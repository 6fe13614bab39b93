package dev.adagrad.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One temporary file per parallel run, copied out in run order once all have finished: the bytes never depend on
 * which run finished first, and long runs need no memory for their rows. Closing deletes the files.
 */
public final class PartFiles implements Closeable {

    private final List<Path> parts = new ArrayList<>();
    private final List<Writer> writers = new ArrayList<>();

    /**
     * Creates {@code count} empty part files, each with its own buffered writer, beside {@code output} when the rows
     * go to a file (the disk the user chose for them, which must hold them anyway), else in the temporary directory.
     */
    public PartFiles(int count, Path output) throws IOException {
        Path directory = output == null ? null : output.toAbsolutePath().getParent();
        try {
            for (int i = 0; i < count; i++) {
                Path part = directory != null && Files.isDirectory(directory)
                        ? Files.createTempFile(directory, ".adagrad-part-", ".part")
                        : Files.createTempFile("adagrad-part-", ".part");
                parts.add(part);
                writers.add(Files.newBufferedWriter(part, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** The writer of part {@code i}; use it from one thread only. */
    public Writer writer(int i) {
        return writers.get(i);
    }

    /** Closes every part and copies them, in order, to {@code out}. */
    public void copyTo(Writer out) throws IOException {
        for (Writer writer : writers) {
            writer.close();
        }
        for (Path part : parts) {
            try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
                reader.transferTo(out);
            }
        }
    }

    /**
     * Closes every writer and deletes every part, whatever fails: on a full disk a writer's close throws (its flush
     * cannot write), and stopping there left every part behind, tens of gigabytes after a long run.
     */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Writer writer : writers) {
            try {
                writer.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        for (Path part : parts) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
