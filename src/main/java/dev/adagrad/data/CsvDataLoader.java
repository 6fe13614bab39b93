package dev.adagrad.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.core.io.NumberInput;
// FastDoubleParser as jackson-core bundles it, for its entry point over bytes (NumberInput has only char[] and
// String): public, correctly rounded like Double.parseDouble; the package name carries jackson-core's version.
import com.fasterxml.jackson.core.internal.shaded.fdp.v2_22_3.JavaDoubleParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV file of numbers with Apache Commons CSV: the first line names the columns, every other non-blank line is
 * a row with one number per column. Quoted fields, CRLF line ends and a UTF-8 byte-order mark are accepted; spaces
 * around a field are ignored.
 *
 * <p>Every problem is a {@link DataException} that names the file and, where there is one, the row and the column:
 * a missing or empty file, a first line that holds numbers instead of names, a duplicate or empty column name, a
 * row with more or fewer fields than the header, an empty or non-numeric cell. Only the columns a caller asks for are
 * stored (and checked for numbers), as primitive doubles.
 */
public final class CsvDataLoader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    /** The longest line read, in characters: a row of 100,000 numbers is about 2.5 M; /dev/zero has no end. */
    public static final int MAX_LINE_LENGTH = 1 << 24;
    /** The most columns: ten times the widest file {@code adagrad data} writes. */
    public static final int MAX_COLUMNS = 1_000_000;

    private CsvDataLoader() {
    }

    /** Loads every column. */
    public static Dataset load(Path file) {
        return load(file, column -> true);
    }

    /**
     * Loads the columns whose names {@code keep} accepts, in the file's order; the other columns' cells are not
     * parsed, though every row must still have a field for each.
     */
    public static Dataset load(Path file, Predicate<String> keep) {
        return DataFile.of(file.toString(), DataFile.Format.csv)
                .readBytes(bytes -> parse(file.toString(), bytes, keep));
    }

    /** {@code available()}, or 0 if the stream cannot say: only a hint, which must never fail a load. */
    private static long sizeHint(java.io.InputStream bytes) {
        try {
            return bytes.available();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The rows after the header, for the rest of a file handed from the fast path to Commons CSV. */
    private static final CSVFormat ROWS = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /**
     * Rows of plain numbers, the common case, are read by a fast path ({@link CsvLines}): each cell found and parsed
     * in place from the file's bytes, once. The first line with a quote or anything else out of the ordinary (a byte
     * outside ASCII, a cell that is not a plain number, a row of the wrong length, a stray carriage return), and every
     * line after it, go to Commons CSV as before, decoded as strict UTF-8, which reads quoted fields and reports every
     * problem in the same words, with the same line numbers.
     *
     * @param bytes the file's bytes after any byte-order mark
     */
    static Dataset parse(String name, java.io.InputStream bytes, Predicate<String> keep) throws IOException {
        // For a regular file, the bytes still to read (an estimate; a gzip stream says 1): what the first buffer's rows
        // per byte make of it sizes the values array once, instead of doubling it a dozen times (each a copy).
        long size = sizeHint(bytes);
        CsvLines lines = new CsvLines(bytes);
        if (!lines.next() || lines.needsParser()) {
            return parseAll(name, lines.rest(), keep);
        }
        List<String> header;
        try (CSVParser parser = CSVParser.builder().setReader(new java.io.StringReader(lines.text()))
                .setFormat(FORMAT).get()) {
            header = parser.getHeaderNames();
        } catch (IllegalArgumentException e) {
            throw DataException.file(name, "the header cannot be read: " + e.getMessage());
        }
        Rows rows = new Rows(name, header, keep);
        lines.take();
        while (true) {
            int at = lines.position();
            int limit = lines.limit();
            byte[] b = lines.buffer();
            // The whole lines read so far: the fast path never sees a line the buffer cuts, so the JIT's code for
            // it has no branch for one that was never taken while it was profiled.
            int whole = lines.eof() ? limit : lastLineEnd(b, at, limit);
            if (whole > at) {
                int reached = rows.addLines(b, at, whole);
                if (size > 0 && reached > 0) { // the first buffer, which starts at the file's start
                    rows.reserve((long) Math.ceil(rows.row * (double) size / reached));
                    size = 0;
                }
                lines.advance(reached, rows.takeLines());
                if (reached == whole) {
                    continue;
                }
            } else if (lines.eof()) {
                break;
            } else if (limit - at <= MAX_LINE_LENGTH) {
                lines.readMore();
                continue;
            }
            long before = lines.number();
            try (CSVParser parser = CSVParser.builder()
                    .setReader(new LineLimit(name, lines.rest(), before + 1)).setFormat(ROWS).get()) {
                for (CSVRecord record : parser) {
                    rows.add(record, before + parser.getCurrentLineNumber());
                }
            } catch (java.io.UncheckedIOException e) {
                throw malformed(name, e.getCause(), before);
            }
            break;
        }
        return rows.dataset();
    }

    /** The position after the last line break in {@code b[from, to)}, or {@code from} if it has none. */
    private static int lastLineEnd(byte[] b, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return from;
    }

    /** The whole file with Commons CSV: one whose first line has a quote. */
    private static Dataset parseAll(String name, Reader reader, Predicate<String> keep) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(new LineLimit(name, reader, 1)).setFormat(FORMAT)
                .get()) {
            Rows rows = new Rows(name, parser.getHeaderNames(), keep);
            for (CSVRecord record : parser) {
                rows.add(record, parser.getCurrentLineNumber());
            }
            return rows.dataset();
        } catch (IllegalArgumentException e) {
            throw DataException.file(name, "the header cannot be read: " + e.getMessage());
        }
    }

    /** The rows read so far: the kept columns' numbers, row-major. */
    private static final class Rows {

        private final String name;
        private final List<String> header;
        private final int fields;
        private final int[] kept;
        private final List<String> columns;
        private final int width;
        private double[] values;
        private int size;
        private long row;

        Rows(String name, List<String> header, Predicate<String> keep) {
            if (header.size() > MAX_COLUMNS) {
                throw DataException.file(name, "line 1: " + header.size() + " columns, more than the limit of "
                        + MAX_COLUMNS);
            }
            checkHeader(name, header);
            this.name = name;
            this.header = header;
            this.fields = header.size();
            this.kept = java.util.stream.IntStream.range(0, fields).filter(i -> keep.test(header.get(i))).toArray();
            this.columns = Arrays.stream(kept).mapToObj(header::get).toList();
            this.width = kept.length;
            this.values = new double[Math.max(1, width) * 1024];
        }

        /** Room for about {@code expected} rows in all, when that is more than there is (a hint: nothing is checked). */
        void reserve(long expected) {
            long wanted = Math.min(Integer.MAX_VALUE - 8, (expected + expected / 50 + 16) * Math.max(1, width));
            if (wanted > values.length) {
                values = Arrays.copyOf(values, (int) wanted);
            }
        }

        /** Room for one more row; the checks of the slow path, which also reports them. */
        private boolean room() {
            if (row + 1 > Integer.MAX_VALUE - 8 || (row + 1) * width > Integer.MAX_VALUE - 8) {
                return false;
            }
            if (size + width > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, 2L * values.length));
            }
            return true;
        }

        /** The lines {@link #addLines} has taken since {@link #takeLines()} last said. */
        private long lines;

        /**
         * Adds the plain rows of the whole lines {@code b[from, to)} (the last one may end at {@code to} without a
         * line break: the end of the file), skipping blank ones; stops at the first line that is not plain.
         *
         * @return where it stopped: {@code to}, or the start of the line that is not plain
         */
        int addLines(byte[] b, int from, int to) {
            int p = from;
            while (p < to) {
                int after = addFast(b, p, to);
                if (after < 0) {
                    break;
                }
                p = after;
                lines++;
            }
            return p;
        }

        /** The number of lines {@link #addLines} took since the last call. */
        long takeLines() {
            long taken = lines;
            lines = 0;
            return taken;
        }

        /**
         * Reads the line that starts at {@code b[p]}, in one pass over its bytes, if it is blank or a plain row: the
         * header's number of fields split at commas, each kept cell a number {@link #isNumber} accepts that a double
         * holds (not infinite, not a nonzero read as 0), spaces and tabs around it ignored, the other cells without a
         * quote, a carriage return or a byte outside ASCII; the line ends with LF, CRLF or {@code limit}. A plain row
         * is added.
         *
         * @param limit where the line ends at the latest: after a line break, or at the end of the file
         * @return the position after the line, or −1 for a line that is not a plain row (nothing added)
         */
        private int addFast(byte[] b, int p, int limit) {
            if (b[p] == '\n') {
                return p + 1; // a blank line, which Commons CSV skips too
            }
            if (b[p] == '\r' && p + 1 < limit && b[p + 1] == '\n') {
                return p + 2;
            }
            if (!room()) {
                return -1;
            }
            int at = size;
            int k = 0;
            int last = fields - 1;
            for (int field = 0; field <= last; field++) {
                int from = p;
                int to;
                boolean kept = k < width && this.kept[k] == field;
                if (kept) {
                    while (p < limit && (b[p] == ' ' || b[p] == '\t')) {
                        p++;
                    }
                    from = p;
                    if (p < limit && (b[p] == '+' || b[p] == '-')) {
                        p++;
                    }
                    int digits = p;
                    p = digitsEnd(b, p, limit);
                    int count = p - digits;
                    if (p < limit && b[p] == '.') {
                        digits = ++p;
                        p = digitsEnd(b, p, limit);
                        count += p - digits;
                    }
                    if (count == 0) {
                        return -1;
                    }
                    if (p < limit && (b[p] == 'e' || b[p] == 'E')) {
                        p++;
                        if (p < limit && (b[p] == '+' || b[p] == '-')) {
                            p++;
                        }
                        digits = p;
                        while (p < limit && b[p] >= '0' && b[p] <= '9') {
                            p++;
                        }
                        if (p == digits) {
                            return -1;
                        }
                    }
                    to = p;
                    while (p < limit && (b[p] == ' ' || b[p] == '\t')) {
                        p++;
                    }
                } else {
                    while (p < limit && b[p] != ',' && b[p] != '\n' && b[p] != '\r' && b[p] != '"' && b[p] >= 0) {
                        p++;
                    }
                    to = p;
                }
                if (p == limit) {
                    if (field != last) {
                        return -1;
                    }
                } else if (b[p] == ',' && field != last) {
                    p++;
                } else if (b[p] == '\n' && field == last) {
                    p++;
                } else if (b[p] == '\r' && field == last && p + 1 < limit && b[p + 1] == '\n') {
                    p += 2;
                } else {
                    return -1; // a carriage return at the very end of the file is Commons CSV's too
                }
                if (kept) {
                    double value = JavaDoubleParser.parseDouble(b, from, to - from);
                    if (Double.isInfinite(value) || value == 0 && hasNonZeroDigit(b, from, to)) {
                        return -1;
                    }
                    values[at++] = value;
                    k++;
                }
            }
            size = at;
            row++;
            return p;
        }

        void add(CSVRecord record, long line) {
            row++;
            if (record.size() != fields) {
                throw ragged(name, row, line, header, record);
            }
            if (row > Integer.MAX_VALUE - 8 || row * width > Integer.MAX_VALUE - 8) {
                throw DataException.file(name, "more than " + (row - 1) + " rows of " + width
                        + " columns do not fit in one array");
            }
            if (size + width > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, 2L * values.length));
            }
            for (int c : kept) {
                values[size++] = number(name, row, line, header.get(c), record.get(c));
            }
        }

        Dataset dataset() {
            if (row == 0) {
                throw DataException.file(name, "the file has a header but no rows");
            }
            // the room the size guess left (a few per cent) is kept rather than copied away; a doubled array is trimmed
            return new Dataset(name, columns, (int) row, values.length - size <= size / 16 ? values
                    : Arrays.copyOf(values, size));
        }
    }

    /**
     * Refuses a line longer than {@link #MAX_LINE_LENGTH} as it is read, before the parser holds it: a file without
     * line breaks ({@code --data /dev/zero}) grew to 3.9 GB and ended out of memory.
     */
    private static final class LineLimit extends java.io.FilterReader {

        private final String name;
        private long line;
        private int length;

        LineLimit(String name, Reader in, long firstLine) {
            super(in);
            this.name = name;
            this.line = firstLine;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int count) throws IOException {
            int read = super.read(buffer, offset, count);
            for (int i = offset; i < offset + read; i++) {
                count(buffer[i]);
            }
            return read;
        }

        private void count(char c) {
            if (c == '\n') {
                line++;
                length = 0;
            } else if (++length > MAX_LINE_LENGTH) {
                throw DataException.file(name, "line " + line + ": longer than the limit of " + MAX_LINE_LENGTH
                        + " characters (is it a CSV file?)");
            }
        }
    }

    private static void checkHeader(String name, List<String> header) {
        if (header.isEmpty()) {
            throw DataException.file(name, "the file is empty; its first line must name the columns, e.g. x,y");
        }
        if (header.stream().allMatch(CsvDataLoader::isNumber)) {
            throw new DataException(name + ", line 1: no header: the first line (" + String.join(",", header)
                    + ") holds numbers where it must name the columns, e.g. x,y");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column == null || column.isEmpty()) {
                throw DataException.column(name, Integer.toString(i + 1), "the header gives this column no name");
            }
            if (!seen.add(column)) {
                throw DataException.column(name, column, "the header names it twice");
            }
        }
    }

    private static DataException ragged(String name, long row, long line, List<String> header, CSVRecord record) {
        if (record.size() < header.size()) {
            return DataException.cell(name, row, line, header.get(record.size()), "missing: the row has "
                    + fields(record.size()) + " where the header has " + header.size());
        }
        return DataException.cell(name, row, line, Integer.toString(header.size() + 1), "the row has "
                + fields(record.size()) + " where the header has " + header.size() + " columns");
    }

    private static String fields(int count) {
        return count == 1 ? "1 field" : count + " fields";
    }

    private static double number(String name, long row, long line, String column, String cell) {
        if (cell.isEmpty()) {
            throw DataException.cell(name, row, line, column, "the cell is empty; every cell must be a number");
        }
        if (!isNumber(cell)) {
            throw DataException.cell(name, row, line, column, "'" + DataException.shorten(cell) + "' is not a number");
        }
        double value = NumberInput.parseDouble(cell, true);
        if (Double.isInfinite(value)) {
            throw DataException.cell(name, row, line, column, "'" + DataException.shorten(cell)
                    + "' is too large for a double");
        }
        if (value == 0 && hasNonZeroDigit(cell)) {
            // As for an option's value: 1e-400 is not 0, though a double reads it so.
            throw DataException.cell(name, row, line, column, "'" + DataException.shorten(cell)
                    + "' is too small for a double "
                    + "(it would be 0)");
        }
        return value;
    }

    /**
     * A plain decimal with an optional sign and exponent. Checked by hand rather than by a regular expression, since
     * a large file has tens of millions of cells; what {@link Double#parseDouble} would also take (NaN, Infinity, hex,
     * a trailing d or f) is refused.
     */
    public static boolean isNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return isNumber(text.getBytes(StandardCharsets.ISO_8859_1), 0, text.length());
    }

    /** {@link #isNumber(String)} for the ASCII bytes {@code text[from, to)}: the same grammar, the same loop. */
    static boolean isNumber(byte[] text, int from, int n) {
        int i = from;
        if (i < n && (text[i] == '+' || text[i] == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text[i])) {
            i++;
            digits++;
        }
        if (i < n && text[i] == '.') {
            i++;
            while (i < n && isDigit(text[i])) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            if (i < n && (text[i] == '+' || text[i] == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && isDigit(text[i])) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether a digit before any exponent of {@code text[from, to)} is not 0. */
    private static boolean hasNonZeroDigit(byte[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = text[i];
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Whether a digit before any exponent is not 0. */
    private static boolean hasNonZeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static final VarHandle LITTLE_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    /**
     * The end of the run of ASCII digits that starts at {@code b[p]}, at most {@code limit}: eight bytes at a time
     * while eight remain (a full-precision double has 17 digits), as FastDoubleParser's own SWAR checks do. A byte is
     * a digit when its high nibble is 3 and adding 6 leaves it 3; a carry out of a byte (only from 0xFA and above,
     * itself no digit) can only disturb the bytes after the first non-digit, never the position found.
     */
    static int digitsEnd(byte[] b, int p, int limit) {
        while (p + 8 <= limit) {
            long v = (long) LITTLE_ENDIAN_LONGS.get(b, p);
            long nonDigits = ((v & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L)
                    | (((v + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L);
            if (nonDigits != 0) {
                return p + (Long.numberOfTrailingZeros(nonDigits) >>> 3);
            }
            p += 8;
        }
        while (p < limit && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }


    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    private static final Pattern AT_LINE = Pattern.compile("at line: (\\d+)");

    /** Commons CSV's two quoting errors in the words of this tool's other data errors, with the line. */
    static DataException malformed(String name, Throwable cause) {
        return malformed(name, cause, 0);
    }

    /** {@link #malformed(String, Throwable)} for a parser that began {@code before} lines into the file. */
    static DataException malformed(String name, Throwable cause, long before) {
        String message = cause == null ? "malformed CSV" : String.valueOf(cause.getMessage());
        if (cause instanceof CharacterCodingException) {
            return DataException.file(name, "not UTF-8 text");
        }
        Matcher start = START_LINE.matcher(message);
        if (message.contains("EOF reached before encapsulated token finished") && start.find()) {
            return DataException.file(name, "line " + (before + Long.parseLong(start.group(1))) + ": a quoted field is never closed (a \" "
                    + "without its closing \")");
        }
        Matcher at = AT_LINE.matcher(message);
        if (message.contains("between encapsulated token and delimiter") && at.find()) {
            return DataException.file(name, "line " + (before + Long.parseLong(at.group(1))) + ": text after a closing quote (inside a quoted "
                    + "field, write a quote as \"\")");
        }
        return DataException.file(name, "malformed CSV: " + message);
    }

    /** The column names of a file that {@link #load} has read without error, for messages. */
    public static List<String> header(Path file) {
        try {
            return DataFile.of(file.toString(), DataFile.Format.csv).read(reader -> {
                try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
                    return parser.getHeaderNames();
                }
            });
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
