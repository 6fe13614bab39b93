package dev.adagrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The svmlight / LIBSVM reader: what it keeps of a file, and every malformed line named with its place. */
class SvmLightReaderTest {

    @TempDir
    Path directory;

    private static LabelledRows read(String text) throws IOException {
        return SvmLightReader.read("f.svm", new BufferedReader(new StringReader(text)));
    }

    @Test
    void rowsAreHeldSparseWithCommentsBlankLinesQidAndZerosLeftOut() throws IOException {
        LabelledRows rows = read("# a comment line\n+1 qid:3 2:0.5 7:-1.25e1 # trailing comment\n\n"
                + "-1 1:2 2:0 3:4\r\n0\n");
        assertEquals(3, rows.rows());
        assertEquals(7, rows.features(), "the largest index");
        assertEquals(false, rows.dense());
        assertEquals(4, rows.stored(), "two values each in the first two rows (2:0 is not stored), none in the third");
        assertEquals(1, rows.label(0));
        assertEquals(-1, rows.label(1));
        assertEquals(0, rows.label(2));
        assertEquals(2, rows.line(0), "line numbers count comments and blank lines");
        assertEquals(4, rows.line(1));
        int start = rows.start(0);
        assertEquals(1, rows.feature(start, start), "index 2 is feature 1, counted from 0");
        assertEquals(0.5, rows.values()[start]);
        assertEquals(6, rows.feature(start + 1, start));
        assertEquals(-12.5, rows.values()[start + 1]);
        assertEquals(0, rows.feature(rows.start(1), rows.start(1)));
        assertEquals(rows.end(2), rows.start(2));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1:0.5 2:1|f.svm, line 1, column 1: no label: the line starts with '1:0.5' where its label must be",
            "1 0:1|f.svm, line 1, column 3: index 0: svmlight indices start at 1",
            "1 3:x|f.svm, line 1, column 5: the value of feature 3 'x' is not a number",
            "1 3:1 2:1|f.svm, line 1, column 7: index 2 comes after index 3; indices must increase",
            "1 3:1 3:2|f.svm, line 1, column 7: index 3 is repeated",
            "yes 3:1|f.svm, line 1, column 1: the label 'yes' is not a number",
            "1 3|f.svm, line 1, column 3: '3' is not index:value",
            "1 a:1|f.svm, line 1, column 3: the index 'a' is not a whole number",
            "1 :1|f.svm, line 1, column 3: a value without an index",
            "1 99999999999:1|f.svm, line 1, column 3: index 99999999999 is above the limit of 10000000 features",
            "1 2:1e999|f.svm, line 1, column 5: the value of feature 2 '1e999' is too large for a double",
            "# only a comment|f.svm: no rows: every line is blank or a comment",
    })
    void aMalformedLineNamesTheFileLineAndColumn(String text, String message) {
        DataException e = assertThrows(DataException.class, () -> read("\n".equals(text) ? "" : text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aGzipFileIsReadAsItIsAndTheFormatIsToldByTheName() throws IOException {
        Path file = directory.resolve("rows.svmlight.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("1 1:3\n-1 2:4\n".getBytes(StandardCharsets.UTF_8));
        }
        DataFile data = DataFile.of(file.toString(), null);
        assertEquals(DataFile.Format.svmlight, data.format());
        LabelledRows rows = data.rows("y");
        assertEquals(2, rows.rows());
        assertEquals(4, rows.values()[1]);
        assertEquals(DataFile.Format.csv, DataFile.of("rows.csv.gz", null).format());
        assertEquals(DataFile.Format.svmlight, DataFile.of("a.LIBSVM", null).format());
        assertEquals(DataFile.Format.svmlight, DataFile.of("-", DataFile.Format.svmlight).format());
        assertEquals("standard input", DataFile.of("-", null).name());
    }

    @Test
    void aTruncatedGzipFileIsADataError() throws IOException {
        Path file = directory.resolve("cut.svm.gz");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write("1 1:3\n".repeat(1000).getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = bytes.toByteArray();
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));
        DataException e = assertThrows(DataException.class, () -> DataFile.of(file.toString(), null).rows("y"));
        assertEquals(file + ": the gzip data ends early (a truncated file?)", e.getMessage());
    }
}
