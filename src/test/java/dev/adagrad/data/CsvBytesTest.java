package dev.adagrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path reads the file's bytes: every number bit for bit what {@link Double#parseDouble} reads from its text,
 * whatever its notation; every line end, with the buffer ending anywhere in a line (a stream that gives a few bytes a
 * read); and every unusual line handed to Commons CSV with the message the loader gave before it read bytes (the
 * expected texts are what main's loader, 22c23a6, printed for the same files).
 */
class CsvBytesTest {

    @TempDir
    Path directory;

    /** A number's text in one of many notations; its value is what Double.parseDouble makes of it. */
    private static String number(SplittableRandom random) {
        double magnitude = Math.pow(10, random.nextInt(-330, 309)) * random.nextDouble();
        double bits = Double.longBitsToDouble(random.nextLong());
        double any = Double.isFinite(bits) ? bits : magnitude;
        return switch (random.nextInt(14)) {
            case 0 -> Double.toString(any);
            case 1 -> Double.toString(magnitude).replace("E", "e");
            case 2 -> String.format(Locale.ROOT, "%.25e", any); // more digits than a long holds
            case 3 -> String.format(Locale.ROOT, "%.17f", random.nextGaussian());
            case 4 -> Long.toString(random.nextLong());
            case 5 -> Integer.toString(random.nextInt(-1000, 1000));
            case 6 -> Double.toString(Double.longBitsToDouble(random.nextLong(1L << 52))); // subnormal
            case 7 -> List.of("-0.0", "0", "+0", "0e-400", "1e-5", "1E+300", "-1E-300", "4.9e-324",
                    "2.4703282292062328e-324", "1.7976931348623157e308", "2.2250738585072014E-308", ".5", "5.",
                    "007.2500", "1e005", "+1.5", "9007199254740993", "123456789012345678901234567890")
                    .get(random.nextInt(18));
            case 8 -> randomDigits(random, 1 + random.nextInt(40));
            case 9 -> randomDigits(random, 1 + random.nextInt(19)) + "e" + random.nextInt(-320, 300);
            case 10 -> randomDigits(random, 17) + "E" + (random.nextBoolean() ? "+" : "-") + random.nextInt(0, 300);
            case 11 -> "-" + randomDigits(random, 1 + random.nextInt(25));
            case 12 -> Double.toString(random.nextDouble());
            default -> Float.toString((float) random.nextGaussian());
        };
    }

    /** {@code count} random digits with a point somewhere or nowhere. */
    private static String randomDigits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        int point = random.nextInt(count + 2);
        if (point <= count) {
            digits.insert(point, '.');
        }
        return digits.toString();
    }

    /** Whether the loader reads it: a double that is finite, and 0 only if every digit is. */
    private static boolean fits(String text) {
        double value = Double.parseDouble(text);
        return Double.isFinite(value)
                && (value != 0 || text.split("[eE]")[0].chars().noneMatch(c -> c >= '1' && c <= '9'));
    }

    private static List<String[]> rows(long seed, int rows, int columns) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> cells = new ArrayList<>();
        while (cells.size() < rows) {
            String[] row = new String[columns];
            for (int c = 0; c < columns; c++) {
                String text;
                do {
                    text = number(random);
                } while (!fits(text));
                row[c] = text;
            }
            cells.add(row);
        }
        return cells;
    }

    private static byte[] csv(List<String[]> rows, String lineEnd, boolean finalLineEnd) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < rows.get(0).length; c++) {
            text.append(c == 0 ? "" : ",").append("c").append(c);
        }
        for (String[] row : rows) {
            text.append(lineEnd).append(String.join(",", row));
        }
        if (finalLineEnd) {
            text.append(lineEnd);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void assertBits(List<String[]> rows, Dataset data) {
        assertEquals(rows.size(), data.rows());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).length; c++) {
                String cell = rows.get(r)[c];
                assertEquals(Double.doubleToRawLongBits(Double.parseDouble(cell)),
                        Double.doubleToRawLongBits(data.value(r, c)), "row " + (r + 1) + ": " + cell);
            }
        }
    }

    /** A stream that gives at most {@code most} bytes a read, so the loader's buffer ends anywhere in a line. */
    private static InputStream trickle(byte[] bytes, int most) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] into, int offset, int length) {
                return super.read(into, offset, Math.min(length, most));
            }
        };
    }

    private static Dataset parse(InputStream in) throws IOException {
        return CsvDataLoader.parse("t.csv", in, column -> true);
    }

    @Test
    void aMillionNumbersInEveryNotationReadBitForBitAsDoubleParseDouble() throws IOException {
        List<String[]> rows = rows(18, 200_000, 5);
        Path file = directory.resolve("numbers.csv");
        Files.write(file, csv(rows, "\n", true));
        assertBits(rows, CsvDataLoader.load(file));
    }

    @Test
    void everyLineEndWithTheBufferEndingAnywhere() throws IOException {
        List<String[]> rows = rows(19, 300, 3);
        for (String lineEnd : List.of("\n", "\r\n")) {
            for (boolean finalLineEnd : List.of(true, false)) {
                byte[] bytes = csv(rows, lineEnd, finalLineEnd);
                for (int most = 1; most <= 7; most++) {
                    assertBits(rows, parse(trickle(bytes, most)));
                }
                assertBits(rows, parse(new ByteArrayInputStream(bytes)));
            }
        }
    }

    @Test
    void blankLinesAByteOrderMarkAndACarriageReturnAtTheEnd() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path file = directory.resolve("bom.csv");
        Files.write(file, concat(bom, "a,b\n\n1,2\r\n\r\n\n3,4\r".getBytes(StandardCharsets.US_ASCII)));
        Dataset data = CsvDataLoader.load(file);
        assertEquals(List.of("a", "b"), data.columns());
        assertArrayEquals(new double[] {1, 2, 3, 4}, data.values());
        for (int most = 1; most <= 4; most++) {
            assertArrayEquals(new double[] {1, 2, 3, 4},
                    parse(trickle("a,b\n\n1,2\r\n\r\n\n3,4\r".getBytes(StandardCharsets.US_ASCII), most)).values());
        }
    }

    @Test
    void whatCommonsCsvTrimsAroundACellStillReads() throws IOException {
        // A form feed or a vertical tab around a number: not the fast path's, read by Commons CSV as before.
        Path file = directory.resolve("trim.csv");
        Files.write(file, "a,b,y\n1,\f2,3\n1,2\u000b,3\n\t4 , 5\t,6\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3, 4, 5, 6}, CsvDataLoader.load(file).values());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Each unusual shape after two plain rows (lines 2 and 3), and the old loader's message for it. */
    private static final String[][] SHAPES = {
        {"1,\"2\",3\n8,9,x\n", "row 4 (line 5), column y: 'x' is not a number"},
        {"1,\"2\"x,3\n", "line 4: text after a closing quote (inside a quoted field, write a quote as \"\")"},
        {"1,\"2,3\n5,6,7\n", "line 4: a quoted field is never closed (a \" without its closing \")"},
        {"1,2\r,3\n", "row 3 (line 4), column y: missing: the row has 2 fields where the header has 3"},
        {"1,2,x\r", "row 3 (line 4), column y: 'x' is not a number"},
        {"1,2,é\n", "row 3 (line 4), column y: 'é' is not a number"},
        {"1,,3\n", "row 3 (line 4), column b: the cell is empty; every cell must be a number"},
        {"1, ,3\n", "row 3 (line 4), column b: the cell is empty; every cell must be a number"},
        {"\t1\t, 2 ,3 \n1,2,zz\n", "row 4 (line 5), column y: 'zz' is not a number"},
        {"# note\n", "row 3 (line 4), column b: missing: the row has 1 field where the header has 3"},
        {"1,NaN,3\n", "row 3 (line 4), column b: 'NaN' is not a number"},
        {"1,Infinity,3\n", "row 3 (line 4), column b: 'Infinity' is not a number"},
        {"1,0x10,3\n", "row 3 (line 4), column b: '0x10' is not a number"},
        {"1,1d,3\n", "row 3 (line 4), column b: '1d' is not a number"},
        {"1,-,3\n", "row 3 (line 4), column b: '-' is not a number"},
        {"1,.,3\n", "row 3 (line 4), column b: '.' is not a number"},
        {"1,1e,3\n", "row 3 (line 4), column b: '1e' is not a number"},
        {"1,--1,3\n", "row 3 (line 4), column b: '--1' is not a number"},
        {"1,2\u0000,3\n", "row 3 (line 4), column b: '2\u0000' is not a number"},
        {"1,2\n", "row 3 (line 4), column y: missing: the row has 2 fields where the header has 3"},
        {"1,2,3,4\n", "row 3 (line 4), column 4: the row has 4 fields where the header has 3 columns"},
        {"1,2,3,\n", "row 3 (line 4), column 4: the row has 4 fields where the header has 3 columns"},
        {"   \n5,6,7\n1,2,x\n", "row 3 (line 4), column b: missing: the row has 1 field where the header has 3"},
        {"\n\r\n\n1,2,3\n1,2,3,q\n", "row 4 (line 8), column 4: the row has 4 fields where the header has 3 columns"},
        {"0e-400,-0.0,0\n1,2,q\n", "row 4 (line 5), column y: 'q' is not a number"},
        {"1,1e400,3\n", "row 3 (line 4), column b: '1e400' is too large for a double"},
        {"1,-1e-400,3\n", "row 3 (line 4), column b: '-1e-400' is too small for a double (it would be 0)"},
    };

    @Test
    void everyUnusualLineGoesToCommonsCsvWithTheOldMessage() throws IOException {
        for (String[] shape : SHAPES) {
            byte[] bytes = ("a,b,y\n1,2,3\n4.5,-6e-1,+7\n" + shape[0]).getBytes(StandardCharsets.UTF_8);
            Path file = directory.resolve("shape.csv");
            Files.write(file, bytes);
            DataException e = assertThrows(DataException.class, () -> CsvDataLoader.load(file), shape[0]);
            String where = shape[1].startsWith("line") ? ": " : ", ";
            assertEquals(file + where + shape[1], e.getMessage(), shape[0]);
            for (int most = 1; most <= 5; most += 2) {
                InputStream in = trickle(bytes, most);
                assertEquals("t.csv" + where + shape[1], assertThrows(DataException.class, () -> parse(in))
                        .getMessage(), shape[0] + ", " + most + " bytes a read");
            }
        }
    }

    @Test
    void aByteThatIsNotUtf8IsNotUtf8TextWhereverItIs() throws IOException {
        for (String rows : List.of("1,2,\u00ff\n", "1,2,3\n1,2,3\n1,2,3\n1,\u00c3(,3\n")) {
            Path file = directory.resolve("binary.csv");
            // ISO-8859-1 keeps each char as one byte: 0xFF and 0xC3 0x28 are not UTF-8.
            Files.write(file, ("a,b,y\n1,2,3\n" + rows).getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(file + ": not UTF-8 text",
                    assertThrows(DataException.class, () -> CsvDataLoader.load(file)).getMessage());
        }
    }

    @Test
    void aBadCellPastAnyBufferIsReportedWithItsRowAndLine() throws IOException {
        // 40,000 rows of about 60 bytes: 2.4 MB, three buffers of 1 MB. A bad cell anywhere, and a second one after
        // it: the first is reported, with its row and line.
        List<String[]> rows = rows(20, 40_000, 3);
        for (int bad = 1; bad <= rows.size(); bad += 2_339) {
            List<String[]> copy = new ArrayList<>(rows);
            copy.set(bad - 1, new String[] {"1", "x" + bad, "3"});
            copy.set(Math.min(rows.size(), bad + 17_000) - 1, new String[] {"1", "2"});
            byte[] broken = csv(copy, bad % 2 == 0 ? "\n" : "\r\n", true);
            DataException e = assertThrows(DataException.class, () -> parse(new ByteArrayInputStream(broken)));
            assertEquals("t.csv, row " + bad + " (line " + (bad + 1) + "), column c1: 'x" + bad + "' is not a number",
                    e.getMessage());
        }
    }

    @Test
    void aHeaderWithAccentsReads() throws IOException {
        Path file = directory.resolve("names.csv");
        Files.write(file, "größe,ähnlich\n1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
        Dataset data = CsvDataLoader.load(file);
        assertEquals(List.of("größe", "ähnlich"), data.columns());
        assertArrayEquals(new double[] {1, 2, 3, 4}, data.values());
    }

    @Test
    void theEndOfADigitRunIsTheFirstByteThatIsNotADigitWhateverItIs() {
        // Eight bytes at a time: every byte value at every place of a run of digits, checked against a byte-by-byte
        // scan, with the limit anywhere (past it nothing counts).
        for (int value = 0; value < 256; value++) {
            for (int at = 0; at < 20; at++) {
                byte[] b = "0123456789012345678901234".getBytes(StandardCharsets.US_ASCII);
                b[at] = (byte) value;
                for (int from = 0; from < 3; from++) {
                    for (int limit = from; limit <= b.length; limit++) {
                        int expected = from;
                        while (expected < limit && b[expected] >= '0' && b[expected] <= '9') {
                            expected++;
                        }
                        assertEquals(expected, CsvDataLoader.digitsEnd(b, from, limit),
                                "byte " + value + " at " + at + ", from " + from + " to " + limit);
                    }
                }
            }
        }
    }

    @Test
    void rowsLongerOrShorterAfterTheFirstBufferStillReadWhatTheSizeGuessMakesOfThem() throws IOException {
        // The first buffer's rows per byte size the values array: a file whose later rows are much shorter has more
        // rows than that guess (the array grows again), one whose later rows are longer has fewer.
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < 60_000; r++) {
            boolean early = r < 20_000;
            String cell = early ? String.format(Locale.ROOT, "%.25e", r * 1.1) : Integer.toString(r % 97);
            rows.add(new String[] {cell, cell, "7"});
        }
        byte[] shorterLater = csv(rows, "\n", true);
        assertBits(rows, parse(new ByteArrayInputStream(shorterLater)));
        java.util.Collections.reverse(rows);
        byte[] longerLater = csv(rows, "\n", true);
        assertBits(rows, parse(new ByteArrayInputStream(longerLater)));
    }

    @Test
    void aStreamThatCannotSayItsSizeStillReads() throws IOException {
        List<String[]> rows = rows(21, 30_000, 3); // past the first buffer, where the size guess is made
        byte[] bytes = csv(rows, "\n", true);
        InputStream refusing = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int available() throws IOException {
                throw new IOException("Illegal seek");
            }
        };
        assertBits(rows, parse(refusing));
    }
}
