package dev.adagrad.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A data file named on the command line: a path, or {@code -} for standard input; CSV or svmlight, told by an
 * explicit format or by the extension ({@code .svm}, {@code .svmlight}, {@code .libsvm}; anything else is CSV), and
 * gzip-compressed when it ends in {@code .gz} or starts with gzip's magic bytes. Text is strict UTF-8 (a binary file
 * is an error, not garbage), without a leading byte-order mark.
 */
public final class DataFile {

    /** The formats a data file can have. */
    public enum Format { csv, svmlight }

    private final String argument;
    private final Format format;

    private DataFile(String argument, Format format) {
        this.argument = argument;
        this.format = format;
    }

    /** @param explicit the format given with {@code --data-format}, or null to tell it from the name */
    public static DataFile of(String argument, Format explicit) {
        return new DataFile(argument, explicit != null ? explicit : detect(argument));
    }

    public static DataFile of(Path file) {
        return of(file.toString(), null);
    }

    private static Format detect(String argument) {
        String name = argument.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        return name.endsWith(".svm") || name.endsWith(".svmlight") || name.endsWith(".libsvm") ? Format.svmlight
                : Format.csv;
    }

    public Format format() {
        return format;
    }

    public boolean standardInput() {
        return argument.equals("-");
    }

    /** How messages name it. */
    public String name() {
        return standardInput() ? "standard input" : argument;
    }

    /** Reads labelled rows: svmlight as it is, CSV with the column {@code target} as the label. */
    public LabelledRows rows(String target) {
        if (format == Format.svmlight) {
            return read(reader -> SvmLightReader.read(name(), reader));
        }
        Dataset dataset = readBytes(bytes -> CsvDataLoader.parse(name(), bytes, column -> true));
        int column = dataset.column(target);
        if (column < 0) {
            throw DataException.column(name(), target, "no such column; the file's columns are "
                    + String.join(", ", dataset.columns()));
        }
        if (dataset.width() == 1) {
            throw DataException.file(name(), "no column besides the target " + target + " to fit on");
        }
        return LabelledRows.fromDataset(dataset, column);
    }

    /** What reads the text once it is open. */
    @FunctionalInterface
    public interface Parse<T> {
        T parse(BufferedReader reader) throws IOException;
    }

    /** What reads the bytes once the file is open: gunzipped, without a leading UTF-8 byte-order mark. */
    @FunctionalInterface
    public interface ParseBytes<T> {
        T parse(InputStream bytes) throws IOException;
    }

    /** Opens the file, hands it to {@code parse} and turns I/O and decoding failures into {@link DataException}s. */
    public <T> T read(Parse<T> parse) {
        return readBytes(bytes -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(bytes,
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            return parse.parse(reader);
        });
    }

    /**
     * {@link #read(Parse)} for a reader of bytes, which decodes what it needs itself as strict UTF-8 (a malformed
     * byte reported as a {@link CharacterCodingException}, which this turns into "not UTF-8 text").
     */
    public <T> T readBytes(ParseBytes<T> parse) {
        String name = name();
        if (!standardInput() && Files.isDirectory(Path.of(argument))) {
            throw DataException.file(name, "a directory, not a data file");
        }
        long[] bytes = new long[1];
        try (InputStream text = open(bytes)) {
            return parse.parse(text);
        } catch (OutOfMemoryError e) {
            // Thrown here, the rows read so far are unreachable and the message can be built: say how far it got.
            throw new OutOfMemoryError("ran out of memory after reading " + megabytes(bytes[0]) + " of " + name
                    + "; give Java more (JAVA_TOOL_OPTIONS=-Xmx4g) or use fewer rows");
        } catch (NoSuchFileException e) {
            throw DataException.file(name, "no such file");
        } catch (AccessDeniedException e) {
            throw DataException.file(name, "cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw DataException.file(name, "not UTF-8 text");
        } catch (ZipException e) {
            throw DataException.file(name, "not a whole gzip file: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw DataException.file(name, "the gzip data ends early (a truncated file?)");
        } catch (UncheckedIOException e) {
            throw CsvDataLoader.malformed(name, e.getCause());
        } catch (IOException e) {
            throw DataException.file(name, "cannot be read: " + e.getMessage());
        }
    }

    /** "61 MB", "0.4 MB": how much of a file was read. */
    static String megabytes(long bytes) {
        double megabytes = bytes / 1e6;
        return (megabytes >= 10 ? String.valueOf(Math.round(megabytes))
                : String.format(Locale.ROOT, "%.1f", megabytes)) + " MB";
    }

    /** @param bytes its element 0 counts the bytes read from the file (before decompression) */
    private InputStream open(long[] bytes) throws IOException {
        InputStream file = standardInput() ? System.in : openFile(Path.of(argument));
        InputStream raw = new java.io.FilterInputStream(file) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                bytes[0] += b >= 0 ? 1 : 0;
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                bytes[0] += Math.max(0, read);
                return read;
            }
        };
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        InputStream text = gzip ? new GZIPInputStream(in, 1 << 16) : in;
        if (standardInput()) {
            text = new java.io.FilterInputStream(text) {
                @Override
                public void close() {
                    // standard input stays open: the process owns it
                }
            };
        }
        return withoutByteOrderMark(text);
    }

    /**
     * A regular file (or a missing one, for its NIO message) through NIO; anything else, such as a named pipe or
     * {@code --data <(zcat rows.csv.gz)}, through FileInputStream: in JDK 17 the NIO stream's available() seeks, which a
     * pipe refuses ("Illegal seek", JDK-8233451), and BufferedInputStream asks it on every large read.
     */
    private static InputStream openFile(Path path) throws IOException {
        if (Files.isRegularFile(path) || !Files.exists(path)) {
            return Files.newInputStream(path);
        }
        return new java.io.FileInputStream(path.toFile());
    }

    /** The stream after its first three bytes if they are UTF-8's byte-order mark (U+FEFF), else all of it. */
    private static InputStream withoutByteOrderMark(InputStream text) throws IOException {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(text, 3);
        byte[] first = in.readNBytes(3);
        if (first.length < 3 || (first[0] & 0xff) != 0xEF || (first[1] & 0xff) != 0xBB || (first[2] & 0xff) != 0xBF) {
            in.unread(first);
        }
        return in;
    }
}
