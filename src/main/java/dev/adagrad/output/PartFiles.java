package dev.adagrad.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One temporary file per parallel run, copied out in run order: the bytes never depend on which run finished first,
 * and long runs need no memory for their rows. Closing deletes the files.
 *
 * <p>The copy streams: it follows part 0 while its run still writes it, then part 1, and so on, so rows reach the
 * output as they are computed. That is how a comparison learns that nobody reads: a comparison that wrote only at the
 * end went on filling part files (1.2 GB in 20 s) long after {@code | head -1} had gone.
 */
public final class PartFiles implements Closeable {

    /** How long the copy waits for a run to write more before it looks again. */
    private static final long POLL_MILLISECONDS = 20;

    /** What the copy asks about the runs that write the parts. */
    @FunctionalInterface
    public interface Writers {
        /**
         * Whether part {@code i} is complete: its run has ended and written its last row. Throws the failure of any
         * run, so a failing run stops the copy at once.
         */
        boolean finished(int i) throws IOException;
    }

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
                Path part = TemporaryFiles.created(directory != null && Files.isDirectory(directory)
                        ? Files.createTempFile(directory, ".adagrad-part-", ".part")
                        : Files.createTempFile("adagrad-part-", ".part"));
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

    /**
     * Copies the parts in order to {@code target} while their runs write them, flushing after every piece so that a
     * reader that went away (or a full disk) is noticed within a poll. Part i is copied to its end once
     * {@code finished} says so; its writer is then closed here.
     */
    public void stream(OutputTarget target, Writers finished) throws IOException, InterruptedException {
        Writer out = target.writer();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (int i = 0; i < parts.size(); i++) {
            try (FileChannel channel = FileChannel.open(parts.get(i), StandardOpenOption.READ)) {
                boolean last = false;
                while (true) {
                    int read = channel.read(buffer);
                    if (read > 0) {
                        writeWholeLines(buffer, out, false);
                        target.flush();
                        continue;
                    }
                    if (last) {
                        writeWholeLines(buffer, out, true); // a part ends with a whole line; nothing is kept back
                        break;
                    }
                    if (finished.finished(i)) {
                        writers.get(i).close(); // its last rows reach the file; read on to the end
                        last = true;
                    } else {
                        Thread.sleep(POLL_MILLISECONDS);
                    }
                }
            }
        }
    }

    /**
     * Writes the buffer's bytes up to its last newline and keeps the rest for the next read: a whole line is whole
     * UTF-8, while a piece cut where the writer's buffer happened to end could split a character.
     */
    private static void writeWholeLines(ByteBuffer buffer, Writer out, boolean all) throws IOException {
        buffer.flip();
        int end = buffer.limit();
        if (!all) {
            while (end > 0 && buffer.get(end - 1) != '\n') {
                end--;
            }
        }
        if (end > 0) {
            out.write(new String(buffer.array(), 0, end, StandardCharsets.UTF_8));
        }
        buffer.position(end);
        buffer.compact();
        if (!buffer.hasRemaining()) {
            // a line longer than the buffer: pass it on in pieces rather than stall (rows are far shorter)
            buffer.flip();
            out.write(new String(buffer.array(), 0, buffer.limit(), StandardCharsets.UTF_8));
            buffer.clear();
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
                TemporaryFiles.gone(part);
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
