package dev.adagrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loader's fast path over plain rows and its hand-over to Commons CSV in the middle of a file, past the first
 * buffer: the numbers are what Double.parseDouble reads from each cell, and a problem found after the hand-over is
 * reported with the row and line where the test put it.
 */
class CsvFastPathTest {

    @TempDir
    Path directory;

    private static final int ROWS = 30_000;

    /** Rows of three random numbers of every magnitude, some with spaces around them; the cells as written. */
    private static List<String[]> cells(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            String[] row = new String[3];
            for (int c = 0; c < 3; c++) {
                double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-320, 300));
                row[c] = switch (random.nextInt(4)) {
                    case 0 -> Double.toString(v);
                    case 1 -> String.format(java.util.Locale.ROOT, "%.20e", v);
                    case 2 -> Long.toString(random.nextLong(-1_000_000, 1_000_000));
                    default -> " " + Double.toString(v).replace("E", "e") + "\t";
                };
            }
            rows.add(row);
        }
        return rows;
    }

    private Path write(String name, List<String[]> rows, String lineEnd, int blankLineAt) throws IOException {
        StringBuilder text = new StringBuilder("a,b,c").append(lineEnd);
        for (int r = 0; r < rows.size(); r++) {
            if (r == blankLineAt) {
                text.append(lineEnd).append(lineEnd);
            }
            text.append(String.join(",", rows.get(r))).append(lineEnd);
        }
        Path file = directory.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static void assertCells(List<String[]> rows, Dataset data) {
        assertEquals(rows.size(), data.rows());
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < 3; c++) {
                String cell = rows.get(r)[c].strip().replace("\"", "");
                assertEquals(Double.parseDouble(cell), data.value(r, c), "row " + (r + 1) + ": " + cell);
            }
        }
    }

    @Test
    void plainRowsWithLfOrCrlfReadAsDoubleParseDoubleReadsEachCell() throws IOException {
        List<String[]> rows = cells(1);
        assertCells(rows, CsvDataLoader.load(write("lf.csv", rows, "\n", -1)));
        assertCells(rows, CsvDataLoader.load(write("crlf.csv", rows, "\r\n", 17)));
    }

    @Test
    void aQuotedCellMidFileIsReadByCommonsCsvWithEveryRowAfterIt() throws IOException {
        List<String[]> rows = cells(2);
        rows.get(20_000)[1] = "\"7.25\"";
        rows.get(25_000)[0] = "\"-1e3\"";
        assertCells(rows, CsvDataLoader.load(write("quoted.csv", rows, "\n", 100)));
    }

    @Test
    void aBadCellAfterTheHandOverIsReportedWithItsRowAndLine() throws IOException {
        List<String[]> rows = cells(3);
        rows.get(19_999)[1] = "abc"; // row 20,000: line 20,001, plus the two blank lines before row 101
        DataException e = assertThrows(DataException.class,
                () -> CsvDataLoader.load(write("bad.csv", rows, "\n", 100)));
        assertEquals("bad.csv, row 20000 (line 20003), column b: 'abc' is not a number",
                e.getMessage().replace(directory.toString() + "/", ""));
    }

    @Test
    void aBadCellAfterAQuotedOneIsReportedWithItsRowAndLine() throws IOException {
        List<String[]> rows = cells(4);
        rows.get(10_000)[0] = "\"1\"";
        rows.get(20_000)[2] = "";
        DataException e = assertThrows(DataException.class,
                () -> CsvDataLoader.load(write("empty.csv", rows, "\r\n", -1)));
        assertEquals("empty.csv, row 20001 (line 20002), column c: the cell is empty; every cell must be a number",
                e.getMessage().replace(directory.toString() + "/", ""));
    }

    @Test
    void aShortRowAndAnUnclosedQuoteMidFileAreReportedWithTheirLines() throws IOException {
        List<String[]> rows = cells(5);
        rows.set(15_000, new String[] {"1", "2"});
        DataException ragged = assertThrows(DataException.class,
                () -> CsvDataLoader.load(write("short.csv", rows, "\n", -1)));
        assertEquals("short.csv, row 15001 (line 15002), column c: missing: the row has 2 fields where the header "
                + "has 3", ragged.getMessage().replace(directory.toString() + "/", ""));

        List<String[]> open = cells(6);
        open.get(22_000)[1] = "\"5";
        DataException unclosed = assertThrows(DataException.class,
                () -> CsvDataLoader.load(write("open.csv", open, "\n", -1)));
        assertEquals("open.csv: line 22002: a quoted field is never closed (a \" without its closing \")",
                unclosed.getMessage().replace(directory.toString() + "/", ""));
    }

    @Test
    void tooLargeAndTooSmallNumbersMidFileKeepTheirMessages() throws IOException {
        List<String[]> rows = cells(7);
        rows.get(12_345)[0] = "1e400";
        DataException large = assertThrows(DataException.class,
                () -> CsvDataLoader.load(write("large.csv", rows, "\n", -1)));
        assertEquals("large.csv, row 12346 (line 12347), column a: '1e400' is too large for a double",
                large.getMessage().replace(directory.toString() + "/", ""));
        rows.get(12_345)[0] = "1e-400";
        DataException small = assertThrows(DataException.class,
                () -> CsvDataLoader.load(write("small.csv", rows, "\n", -1)));
        assertEquals("small.csv, row 12346 (line 12347), column a: '1e-400' is too small for a double (it would be 0)",
                small.getMessage().replace(directory.toString() + "/", ""));
    }
}
