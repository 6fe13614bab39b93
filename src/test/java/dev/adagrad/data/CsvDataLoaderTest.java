package dev.adagrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the loader accepts (quotes, BOM, CRLF, blank lines) and that it keeps only the columns asked for. */
class CsvDataLoaderTest {

    @TempDir
    Path directory;

    private Path file(String name, byte[] content) throws IOException {
        Path file = directory.resolve(name);
        Files.write(file, content);
        return file;
    }

    private Path file(String name, String content) throws IOException {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedFieldsAByteOrderMarkAndCrlf() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "\"x\",\"y\"\r\n\"1.5\",-2\r\n 3e2 ,\"+4\"\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);

        Dataset data = CsvDataLoader.load(file("excel.csv", content));

        assertEquals(List.of("x", "y"), data.columns(), "the BOM is not part of the first name");
        assertEquals(2, data.rows());
        assertEquals(1.5, data.value(0, 0));
        assertEquals(-2, data.value(0, 1));
        assertEquals(300, data.value(1, 0));
        assertEquals(4, data.value(1, 1));
    }

    @Test
    void keepsOnlyTheColumnsAskedForAndIgnoresTheOthersCells() throws IOException {
        Path file = file("mixed.csv", "name,x,y\nalice,1,2\n\"bob, jr\",3,4\n\n");

        Dataset data = CsvDataLoader.load(file, column -> !column.equals("name"));

        assertEquals(List.of("x", "y"), data.columns());
        assertEquals(2, data.rows(), "a blank line is not a row");
        assertEquals(3, data.value(1, 0));
        assertEquals(4, data.value(1, 1));
    }

    @Test
    void aQuotedLineBreakIsPartOfACellAndLinesAreCountedAsInTheFile() throws IOException {
        Path file = file("multi.csv", "note,x\n\"two\nlines\",1\nok,zz\n");

        DataException error = assertThrows(DataException.class, () -> CsvDataLoader.load(file, "x"::equals));

        assertEquals(file + ", row 2 (line 4), column x: 'zz' is not a number", error.getMessage());
    }

    @Test
    void numbersArePlainDecimalsOnly() {
        for (String good : List.of("1", "-1", "+1", "1.", ".5", "1e3", "1E-3", "-2.5e+10", "007")) {
            assertTrue(CsvDataLoader.isNumber(good), good);
        }
        for (String bad : List.of("", "-", ".", "e3", "1e", "1e+", "NaN", "Infinity", "0x10", "1d", "1f", "1,5",
                "1 2", "--1")) {
            assertFalse(CsvDataLoader.isNumber(bad), bad);
        }
    }

    @Test
    void badQuotingIsNamedWithItsLine() throws IOException {
        Path unclosed = file("unclosed.csv", "x,y\n1,2\n\"3,4\n");
        assertEquals(unclosed + ": line 3: a quoted field is never closed (a \" without its closing \")",
                assertThrows(DataException.class, () -> CsvDataLoader.load(unclosed)).getMessage());

        Path trailing = file("trailing.csv", "x,y\n1,2\n\"3\"4,5\n");
        assertEquals(trailing + ": line 3: text after a closing quote (inside a quoted field, write a quote as \"\")",
                assertThrows(DataException.class, () -> CsvDataLoader.load(trailing)).getMessage());
    }

    @Test
    void aBinaryFileIsNotUtf8Text() throws IOException {
        Path file = file("binary.csv", new byte[] {'x', ',', 'y', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});

        DataException error = assertThrows(DataException.class, () -> CsvDataLoader.load(file));

        assertEquals(file + ": not UTF-8 text", error.getMessage());
    }

    @Test
    void labelsZeroOneBecomeMinusOneOne() {
        Dataset data = new Dataset("d.csv", List.of("x", "y"), 3, new double[] {1, 0, 2, 1, 3, 0});

        data.mapLabelsToPlusMinusOne(1);

        assertEquals(-1, data.value(0, 1));
        assertEquals(1, data.value(1, 1));
        assertEquals(-1, data.value(2, 1));
    }

    @Test
    void labelsMixingMinusOneAndZeroOrOtherValuesAreRefusedWithTheRow() {
        Dataset mixed = new Dataset("d.csv", List.of("y"), 3, new double[] {1, -1, 0});
        Dataset other = new Dataset("d.csv", List.of("y"), 2, new double[] {1, 2});

        assertEquals("d.csv, row 3, column y: the label is 0.0 but row 2 has -1; use -1 and 1, or 0 and 1, not both",
                assertThrows(DataException.class, () -> mixed.mapLabelsToPlusMinusOne(0)).getMessage());
        assertEquals("d.csv, row 2, column y: the label is 2.0; classification labels are -1 and 1, or 0 and 1",
                assertThrows(DataException.class, () -> other.mapLabelsToPlusMinusOne(0)).getMessage());
    }
}
