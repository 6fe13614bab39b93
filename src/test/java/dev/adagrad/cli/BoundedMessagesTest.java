package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.data.CsvDataLoader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input reaches messages bounded and clean: a data file's lines and columns have limits (exit 2 naming the file and
 * line), and whatever is echoed (a data cell, a column name, an option's value, a megabyte header) is shown with its
 * control characters escaped ({@code \x1b}) and cut, so stderr is at most three lines of at most 200 characters.
 */
class BoundedMessagesTest {

    private static final String ESCAPE = "\u001b]0;owned\u0007\u001b[31m";

    @TempDir
    Path directory;

    /** The rule every message obeys, whatever it says. */
    private static void assertBoundedAndClean(Cli.Result result) {
        String[] lines = result.errLines();
        assertTrue(lines.length >= 1 && lines.length <= 3, "one to three lines: " + result.err());
        for (String line : lines) {
            assertTrue(line.length() <= 200, line.length() + " characters: " + line.substring(0, Math.min(200, line.length())));
            assertTrue(line.chars().noneMatch(Character::isISOControl), "a control character in: " + line);
            assertFalse(line.contains("Exception") || line.contains("java."), "a Java class in: " + line);
        }
    }

    private Path file(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private Cli.Result fit(Path data, String... args) {
        List<String> command = new ArrayList<>(List.of("fit", "--data", data.toString()));
        command.addAll(List.of(args));
        return Cli.run(command.toArray(String[]::new));
    }

    static Stream<Arguments> escapesInOptions() {
        return Stream.of(
                Arguments.of((Object) new String[] {"run", "--f", "x^2", "--x0", "x" + ESCAPE + "=1"}),
                Arguments.of((Object) new String[] {"run", "--f", "x^2", "--x0", "1", "--optimizer", "adam" + ESCAPE}),
                Arguments.of((Object) new String[] {"run", "--f", "x^2", "--x0", "1", "--lr", "1" + ESCAPE}),
                Arguments.of((Object) new String[] {"run", "--f", "x^2", "--x0", "1", "--format", ESCAPE}),
                Arguments.of((Object) new String[] {"compare", "--f", "x^2", "--x0", "1", "--optimizers",
                        "sgd," + ESCAPE}),
                Arguments.of((Object) new String[] {"run", "--f", "x^2" + ESCAPE, "--x0", "1"}),
                Arguments.of((Object) new String[] {"run", "--f", ESCAPE + "rosenbrok"}),
                Arguments.of((Object) new String[] {ESCAPE + "run"}));
    }

    @ParameterizedTest
    @MethodSource("escapesInOptions")
    void anEscapeInAnOptionIsShownEscaped(String[] args) {
        Cli.Result result = Cli.run(args);
        assertEquals(2, result.exitCode(), result.err());
        assertBoundedAndClean(result);
        assertTrue(result.err().contains("\\x1b") || result.err().contains("U+001B"), "shown escaped: "
                + result.err());
    }

    @Test
    void anEscapeInADataCellIsShownEscaped() throws IOException {
        Cli.Result result = fit(file("cell.csv", "x,y\n1,2" + ESCAPE + "\n"), "--loss", "(w*x-y)^2",
                "--params", "w=0");
        assertEquals(2, result.exitCode(), result.err());
        assertBoundedAndClean(result);
        assertTrue(result.err().contains("row 1 (line 2), column y: '2\\x1b]0;owned\\x07\\x1b[31m' is not a number"),
                result.err());
    }

    @Test
    void anEscapeInAColumnNameIsShownEscaped() throws IOException {
        Cli.Result result = fit(file("column.csv", "x,y" + ESCAPE + "\n1,2\n"), "--loss", "(w*x-y)^2",
                "--params", "w=0");
        assertEquals(2, result.exitCode(), result.err());
        assertBoundedAndClean(result);
        assertTrue(result.err().contains("y\\x1b]0;owned\\x07\\x1b[31m"), result.err());
    }

    @Test
    void aMegabyteColumnNameIsCut() throws IOException {
        String name = "c".repeat(1 << 20);
        Cli.Result result = fit(file("long.csv", "x," + name + "\n1,2\n"), "--loss", "(w*x-y)^2",
                "--params", "w=0");
        assertEquals(2, result.exitCode(), result.err());
        assertBoundedAndClean(result);
        String line = result.errLines()[0];
        assertTrue(line.endsWith("ccc…"), "cut with …: " + line);
    }

    @Test
    void twoHundredThousandColumnsNamedInAMessageAreCut() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            csv.append(i == 0 ? "" : ",").append('c').append(i);
        }
        csv.append('\n');
        for (int i = 0; i < 200_000; i++) {
            csv.append(i == 0 ? "" : ",").append('1');
        }
        Cli.Result result = fit(file("wide.csv", csv.append('\n').toString()), "--loss", "(w*zz-y)^2",
                "--params", "w=0");
        assertEquals(2, result.exitCode(), result.err());
        assertBoundedAndClean(result);
        assertTrue(result.err().contains("c1, c2, c3"), result.err());
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithItsFileAndLine() throws IOException {
        Path data = directory.resolve("endless.csv");
        try (Writer out = Files.newBufferedWriter(data)) {
            out.write("x,y\n1,2\n");
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, '7');
            for (long written = 0; written <= CsvDataLoader.MAX_LINE_LENGTH; written += block.length) {
                out.write(block);
            }
            out.write(",1\n");
        }
        Cli.Result result = fit(data, "--loss", "(w*x-y)^2", "--params", "w=0");
        assertEquals(2, result.exitCode(), result.err());
        assertBoundedAndClean(result);
        assertEquals("adagrad fit: " + data + ": line 3: longer than the limit of " + CsvDataLoader.MAX_LINE_LENGTH
                + " characters (is it a CSV file?)", result.errLines()[0]);
    }

    @Test
    void moreColumnsThanTheLimitAreRefusedWithTheirCount() throws IOException {
        int columns = CsvDataLoader.MAX_COLUMNS + 1;
        StringBuilder header = new StringBuilder(4 * columns);
        for (int i = 0; i < columns; i++) {
            header.append(i == 0 ? "" : ",").append('c');
        }
        Cli.Result result = fit(file("many.csv", header.append("\n").toString()), "--loss", "(w*c-y)^2",
                "--params", "w=0");
        assertEquals(2, result.exitCode(), result.err());
        assertBoundedAndClean(result);
        assertEquals("adagrad fit: " + directory.resolve("many.csv") + ": line 1: " + columns
                + " columns, more than the limit of " + CsvDataLoader.MAX_COLUMNS, result.errLines()[0]);
    }

    @Test
    void noJavaClassNameReachesAMessage() {
        assertEquals("adagrad: cannot write the output: Broken pipe",
                Messages.clean("adagrad: cannot write the output: java.io.IOException: Broken pipe"));
        assertEquals("adagrad fit: f.csv: cannot be read: Input/output error",
                Messages.clean("adagrad fit: f.csv: cannot be read: java.io.UncheckedIOException: "
                        + "java.nio.file.FileSystemException: Input/output error"));
        assertEquals("adagrad: internal error: boom", Messages.clean("adagrad: internal error: "
                + "java.lang.IllegalStateException: boom"));
        assertEquals("the column java.io is kept", Messages.clean("the column java.io is kept"));
    }
}
