package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * compare's ranked table fits COLUMNS: for each command below and each width, no line is wider; each number shown
 * (final f, every coordinate of the final point, steps to tol) is the CSV's value of the same command rounded half
 * up to the significant digits the cell shows; columns whose every cell is — are absent and need no note; anything
 * else left out or shortened gets the one note; {@code --wide} shows every column.
 */
class CompareTableWidthTest {

    private static final String NONE = "—";
    private static final List<String> WIDE_TITLES = List.of("Optimizer", "lr", "final f", "final point",
            "steps to tol", "diverged at");

    static Stream<List<String>> commands() {
        return Stream.of(
                // one variable, five optimizers, no tolerance, none diverges
                List.of("--f", "x^2", "--x0", "4", "--optimizers", "sgd,momentum,adagrad,rmsprop,adam",
                        "--steps", "50"),
                // a named function: to minimum
                List.of("--f", "rosenbrock", "--optimizers", "adagrad,adam,rmsprop", "--steps", "100"),
                // three variables, a tolerance one optimizer reaches
                List.of("--f", "x^2+y^2+z^2", "--x0", "x=1,y=-2,z=3", "--optimizers", "sgd,adagrad,adam",
                        "--lr", "1.5", "--steps", "100", "--tol", "1e-6"),
                // two variables, one run diverges
                List.of("--f", "x^2+10*y^2", "--x0", "x=1,y=1", "--optimizers", "adam,sgd,rmsprop",
                        "--lr", "0.05,sgd=10", "--steps", "400"));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void fitsEveryWidthAndShowsTheCsvNumbers(List<String> command) {
        List<String> csvArgs = new ArrayList<>(List.of("compare"));
        csvArgs.addAll(command);
        csvArgs.addAll(List.of("--format", "csv"));
        CsvTable csv = new CsvTable(Cli.run(csvArgs.toArray(String[]::new)).out());
        Map<String, Integer> lastRow = new HashMap<>();
        for (int r = 0; r < csv.size(); r++) {
            lastRow.put(csv.cell(r, "optimizer"), r);
        }
        List<String> variables = csv.header().subList(3, csv.header().size());

        List<String> wideArgs = new ArrayList<>(List.of("compare"));
        wideArgs.addAll(command);
        wideArgs.add("--wide");
        Cli.Result wide = Cli.run(Map.of("COLUMNS", "60"), wideArgs.toArray(String[]::new));
        List<String[]> wideRows = rows(wide.outLines());
        List<String> wideTitles = Arrays.asList(wideRows.get(0));
        List<String> expectedWide = new ArrayList<>(WIDE_TITLES);
        if (command.contains("rosenbrock")) {
            expectedWide.add(4, "to minimum");
        }
        assertEquals(expectedWide, wideTitles, "--wide shows every column");
        assertEquals("", wide.err());
        // The columns that are not — in every row: what the table shows when nothing else must go.
        List<String> informative = new ArrayList<>();
        for (int c = 0; c < wideTitles.size(); c++) {
            final int column = c;
            if (c == 0 || wideRows.stream().skip(1).anyMatch(row -> !row[column].equals(NONE))) {
                informative.add(wideTitles.get(c));
            }
        }

        for (int width : new int[] {60, 80, 120, 200}) {
            List<String> args = new ArrayList<>(List.of("compare"));
            args.addAll(command);
            Cli.Result result = Cli.run(Map.of("COLUMNS", Integer.toString(width)), args.toArray(String[]::new));
            String where = command + " at " + width + ":\n" + result.out();
            assertEquals(0, result.exitCode(), result.err());
            for (String line : result.outLines()) {
                assertTrue(line.length() <= width, where);
            }
            List<String[]> rows = rows(result.outLines());
            List<String> titles = Arrays.asList(rows.get(0));
            assertEquals(wideRows.size(), rows.size(), where);
            for (String title : titles) {
                assertTrue(informative.contains(title), "a column of — only is left out: " + where);
            }
            boolean pointShortened = false;
            for (int r = 1; r < rows.size(); r++) {
                String[] row = rows.get(r);
                String optimizer = row[0];
                assertEquals(wideRows.get(r)[0], optimizer, "the same ranking: " + where);
                int last = lastRow.get(optimizer);
                for (int c = 1; c < titles.size(); c++) {
                    String cell = row[c];
                    switch (titles.get(c)) {
                        case "final f" -> assertShown(csv.number(last, "f"), cell, where);
                        case "final point" -> {
                            String[] coordinates = cell.split(", ");
                            assertEquals(variables.size(), coordinates.length, where);
                            for (int v = 0; v < coordinates.length; v++) {
                                String prefix = variables.get(v) + " = ";
                                assertTrue(coordinates[v].startsWith(prefix), where);
                                assertShown(csv.number(last, variables.get(v)),
                                        coordinates[v].substring(prefix.length()), where);
                            }
                            pointShortened |= !cell.equals(wideRows.get(r)[wideTitles.indexOf("final point")]);
                        }
                        case "steps to tol" -> {
                            if (!cell.equals(NONE)) {
                                assertEquals(csv.cell(last, "step"), cell, where);
                            }
                        }
                        default -> assertEquals(wideRows.get(r)[wideTitles.indexOf(titles.get(c))], cell, where);
                    }
                }
            }
            boolean narrowed = pointShortened || !titles.equals(informative);
            if (narrowed) {
                assertTrue(result.err().startsWith("adagrad compare: note: ")
                        && result.err().endsWith(" to fit " + width + " columns; --wide shows all\n"), where
                        + result.err());
            } else {
                assertEquals("", result.err(), where);
            }
        }
    }

    @Test
    void allDashColumnsAreLeftOutWithoutANote() {
        Cli.Result result = Cli.run(Map.of("COLUMNS", "200"), "compare", "--f", "x^2+y^2", "--x0", "x=1,y=2",
                "--optimizers", "sgd,adam", "--steps", "10");

        assertEquals("", result.err());
        assertEquals(List.of("Optimizer", "lr", "final f", "final point"), Arrays.asList(rows(result.outLines())
                .get(0)));
    }

    @Test
    void theNoteNamesWhatWasLeftOut() {
        // At 40 columns: Optimizer (9) + final f (11 for 1.56946e-13) + steps to tol (12) and two separators are 38;
        // lr (3 + 3) makes 44, and the final point of three variables is at least 36 more.
        Cli.Result result = Cli.run(Map.of("COLUMNS", "40"), "compare", "--f", "x^2+y^2+z^2", "--x0",
                "x=1,y=-2,z=3", "--optimizers", "sgd,adagrad,adam", "--lr", "1.5", "--steps", "100", "--tol", "1e-6");

        assertEquals(List.of("Optimizer", "final f", "steps to tol"), Arrays.asList(rows(result.outLines()).get(0)));
        assertEquals("adagrad compare: note: lr and final point left out to fit 40 columns; --wide shows all\n",
                result.err());
        assertFalse(result.out().contains("diverged at"));
    }

    /** The header's titles and each row's cells (the rule under the header skipped), trimmed. */
    private static List<String[]> rows(String[] lines) {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (i == 1) {
                assertTrue(lines[1].matches("-+"), lines[1]);
                continue;
            }
            rows.add(Arrays.stream(lines[i].split(" \\| ", -1)).map(String::strip).toArray(String[]::new));
        }
        return rows;
    }

    /** The cell is the value rounded half up to the significant digits the cell shows. */
    private static void assertShown(double value, String cell, String where) {
        BigDecimal shown = new BigDecimal(cell);
        BigDecimal expected = new BigDecimal(value).round(new MathContext(shown.precision(), RoundingMode.HALF_UP));
        assertEquals(0, expected.compareTo(shown), cell + " for " + value + " in " + where);
    }
}
