package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV and JSON Lines carry the same numbers, exactly, and --output writes the bytes stdout would get. */
class MachineFormatsTest {

    private static final String[] RUN = {"run", "--f", "(1-x)^2+100*(y-x^2)^2", "--x0", "x=-1.5,y=2", "--lr", "0.05",
            "--steps", "50"};

    private static String[] with(String... more) {
        List<String> args = new ArrayList<>(List.of(RUN));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void csvAndJsonLinesParseBackToTheSameNumbers() {
        CsvTable csv = new CsvTable(Cli.run(with("--format", "csv")).out());
        List<Map<String, String>> json = jsonLines(Cli.run(with("--format", "jsonl")).out());

        assertEquals(csv.size(), json.size());
        assertEquals(51, csv.size(), "row 0 and 50 steps");
        for (int row = 0; row < csv.size(); row++) {
            assertEquals(csv.header(), List.copyOf(json.get(row).keySet()), "same keys in the same order");
            for (String column : csv.header()) {
                String cell = csv.cell(row, column);
                String value = json.get(row).get(column);
                if (cell.isEmpty()) {
                    assertEquals("null", value, "row " + row + " " + column);
                } else {
                    assertEquals(Double.parseDouble(cell), Double.parseDouble(value), "row " + row + " " + column);
                }
            }
        }
    }

    @Test
    void csvNumbersRoundTrip() {
        CsvTable csv = new CsvTable(Cli.run(with("--format", "csv")).out());

        for (int row = 0; row < csv.size(); row++) {
            String cell = csv.cell(row, "x");
            assertEquals(cell, Double.toString(Double.parseDouble(cell)), "shortest round-trip form");
        }
        // x₁ − x₀ = −update₁ exactly as written: the file holds what the run computed
        assertEquals(-1.5 - csv.number(1, "update_x"), csv.number(1, "x"), 1e-15);
    }

    @Test
    void rowZeroHasNullsInJson() {
        Map<String, String> first = jsonLines(Cli.run(with("--format", "jsonl")).out()).get(0);

        assertEquals("0", first.get("step"));
        assertEquals("-1.5", first.get("x"));
        assertEquals("null", first.get("grad_x"));
        assertNull(first.get("no such key"));
    }

    @Test
    void outputFileGetsTheBytesStandardOutputWould(@TempDir Path directory) throws Exception {
        for (String format : List.of("table", "csv", "jsonl")) {
            Path file = directory.resolve("run." + format);
            Cli.Result toStdout = Cli.run(with("--format", format));
            Cli.Result toFile = Cli.run(with("--format", format, "--output", file.toString()));

            assertEquals(0, toFile.exitCode(), toFile.err());
            assertEquals("", toFile.out());
            assertEquals(toStdout.out(), Files.readString(file, StandardCharsets.UTF_8), format);
        }
    }

    @Test
    void divergedRunStillWritesItsRowsToTheFile(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("diverged.csv");
        Cli.Result result = Cli.run("run", "--f", "log(x)", "--x0", "1", "--lr", "0.6", "--format", "csv",
                "--output", file.toString());

        assertEquals(3, result.exitCode());
        List<String> lines = Files.readAllLines(file);
        assertEquals(3, lines.size(), "header, row 0, row 1");
        assertTrue(lines.get(2).startsWith("1,"));
    }

    private static final Pattern PAIR = Pattern.compile("\"([^\"]+)\":(null|-?[0-9.eE+-]+)");

    /** Reads the flat objects the writer produces: string keys, number or null values. */
    private static List<Map<String, String>> jsonLines(String text) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            assertTrue(line.startsWith("{") && line.endsWith("}"), line);
            Map<String, String> row = new LinkedHashMap<>();
            Matcher matcher = PAIR.matcher(line);
            int consumed = 1;
            while (matcher.find()) {
                assertEquals(consumed, matcher.start(), "nothing between pairs but commas: " + line);
                row.put(matcher.group(1), matcher.group(2));
                consumed = matcher.end() + 1;
            }
            assertEquals(line.length(), consumed, "the whole line is pairs: " + line);
            rows.add(row);
        }
        return rows;
    }
}
