package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code run}'s table across the registry ({@link OptimizerDb}'s optimizers, and lbfgs and newton, with 1 to 5 variables;
 * each variant with 2): at COLUMNS 40, 60, 80, 120 and 200 no line of the table is wider; every number it shows is the CSV's
 * value of the same run rounded to the decimals shown (the cells are parsed here and rounded with BigDecimal, not
 * compared with text the program printed elsewhere; a narrow table's shortened numbers, in scientific notation with as
 * many digits as fit 9 characters, are rounded to their significant digits); row 0 is the start point with f worked out
 * by hand; a note on stderr exactly when the table shows less than the CSV has; and {@code --wide} shows every CSV
 * column.
 */
class RunTableTest {

    private static final String[] NAMES = {"x", "y", "z", "u", "w"};
    private static final double[] START = {1.5, -2, 0.75, 3, -1.25};
    private static final int[] WIDTHS = {40, 60, 80, 120, 200};

    static Stream<Arguments> runs() {
        List<Arguments> runs = new ArrayList<>();
        List<Object[]> optimizers = new ArrayList<>();
        for (OptimizerDb.Entry entry : OptimizerDb.ALL) {
            for (Map<String, Object> settings : OptimizerDb.configurations(entry)) {
                optimizers.add(new Object[] {entry.name(), entry.descentLr(), settings});
            }
        }
        optimizers.add(new Object[] {"lbfgs", 1.0, Map.of()});
        optimizers.add(new Object[] {"newton", 1.0, Map.of()});
        for (Object[] optimizer : optimizers) {
            // the defaults with 1 to 5 variables, each variant (other state columns) with 2
            for (int n = 1; n <= NAMES.length; n++) {
                if (((Map<?, ?>) optimizer[2]).isEmpty() || n == 2) {
                    runs.add(Arguments.of(optimizer[0], optimizer[1], optimizer[2], n));
                }
            }
        }
        return runs.stream();
    }

    /** f = Σ (i+1)·vᵢ² over the first n names, and f at the start, by hand. */
    private static double startF(int n) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += (i + 1) * START[i] * START[i];
        }
        return f;
    }

    private static List<String> command(String optimizer, double lr, Map<String, Object> settings, int n) {
        StringBuilder f = new StringBuilder();
        StringBuilder x0 = new StringBuilder();
        for (int i = 0; i < n; i++) {
            f.append(i == 0 ? "" : "+").append(i + 1).append('*').append(NAMES[i]).append("^2");
            x0.append(i == 0 ? "" : ",").append(NAMES[i]).append('=').append(START[i]);
        }
        List<String> args = new ArrayList<>(List.of("run", "--f", f.toString(), "--x0", x0.toString(),
                "--optimizer", optimizer, "--steps", "3"));
        if (!settings.containsKey("lr")) {
            args.addAll(List.of("--lr", Double.toString(lr)));
        }
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            String option = "--" + setting.getKey().replace('_', '-');
            if (setting.getValue() instanceof Boolean on) {
                if (on) {
                    args.add(option);
                }
            } else {
                args.addAll(List.of(option, setting.getValue().toString()));
            }
        }
        return args;
    }

    @ParameterizedTest(name = "{0} {2}, {3} variables")
    @MethodSource("runs")
    void fitsTheWidthAndShowsTheCsvsNumbers(String optimizer, double lr, Map<String, Object> settings, int n) {
        List<String> args = command(optimizer, lr, settings, n);
        List<String> csvArgs = new ArrayList<>(args);
        csvArgs.addAll(List.of("--format", "csv"));
        Cli.Result csvRun = Cli.run(csvArgs.toArray(String[]::new));
        assertEquals(0, csvRun.exitCode(), csvRun.err());
        CsvTable csv = new CsvTable(csvRun.out());

        for (int width : WIDTHS) {
            Cli.Result result = Cli.run(Map.of("COLUMNS", Integer.toString(width)), args.toArray(String[]::new));
            assertEquals(0, result.exitCode(), result.err());
            Table table = new Table(result.out(), n);
            for (String line : table.lines) {
                assertTrue(line.length() <= width, width + " columns: " + line.length() + " in\n" + result.out());
            }
            Set<String> shown = table.check(csv, startF(n), START, n);
            boolean full = shown.containsAll(csv.header()) && table.fullDecimals;
            String note = " to fit " + width + " columns; --wide shows all\n";
            if (full) {
                assertEquals("", result.err(), "nothing left out at " + width);
            } else {
                assertEquals(1, result.errLines().length, result.err());
                assertTrue(result.err().startsWith("adagrad run: note: ") && result.err().endsWith(note),
                        result.err());
            }
        }

        List<String> wideArgs = new ArrayList<>(args);
        wideArgs.add("--wide");
        Cli.Result wide = Cli.run(Map.of("COLUMNS", "40"), wideArgs.toArray(String[]::new));
        assertEquals("", wide.err(), "--wide leaves nothing out");
        Table table = new Table(wide.out(), n);
        Set<String> shown = table.check(csv, startF(n), START, n);
        assertFalse(table.narrow, "--wide is never narrow");
        assertEquals(new HashSet<>(csv.header()), shown, "--wide shows every CSV column:\n" + wide.out());
        assertTrue(table.fullDecimals, "--wide shows the full decimals");
    }

    /** The CSV of a run, and its table at {@code columns}. */
    private static Cli.Result[] csvAndTable(int columns, String... args) {
        List<String> csvArgs = new ArrayList<>(List.of(args));
        csvArgs.addAll(List.of("--format", "csv"));
        Cli.Result csv = Cli.run(csvArgs.toArray(String[]::new));
        assertEquals(0, csv.exitCode(), csv.err());
        Cli.Result table = Cli.run(Map.of("COLUMNS", Integer.toString(columns)), args);
        assertEquals(0, table.exitCode(), table.err());
        return new Cli.Result[] {csv, table};
    }

    /**
     * The worked example at 80 columns is narrow and whole: 4 + 5·(3 + 9) + (3 + 13) = 80 characters for Step, f, x,
     * Gradient, G, Learning Rate and Update, every number at its usual decimals, and no note.
     */
    @Test
    void theWorkedExampleAtEightyColumnsShowsTheUpdateWithoutANote() {
        Cli.Result[] runs = csvAndTable(80, "run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10");
        CsvTable csv = new CsvTable(runs[0].out());
        Table table = new Table(runs[1].out(), 1);
        assertTrue(table.narrow, runs[1].out());
        assertEquals(new HashSet<>(csv.header()), table.check(csv, 16, new double[] {4}, 1), runs[1].out());
        assertTrue(table.fullDecimals, runs[1].out());
        assertEquals("1.0000", table.rows.get(1).get("update_x"), "x₁ = 4 − 0.125·8 = 3: an update of 1");
        assertEquals("", runs[1].err());
        for (String line : table.lines) {
            assertTrue(line.length() <= 80, line);
        }
    }

    /**
     * From x₀ = 12345.6 the narrow table shortens what does not fit 9 characters: f(x₀) = 12345.6² = 152415839.36 is
     * 1.524e+08, x₀ is 1.235e+04 (1.23456 rounded half up), the first gradient 2·12345.6 = 24691.2 is 2.469e+04 and G
     * = 24691.2² = 609655357.44 is 6.097e+08; the learning rate (13 wide under its title) and the update (1) keep
     * theirs. f, x, the gradient and G in rows 1 to 3 and f and x in row 0: 14 numbers, which the note counts.
     */
    @Test
    void hugeValuesAreShortenedToNineCharactersInScientificNotation() {
        Cli.Result[] runs = csvAndTable(80, "run", "--f", "x^2", "--x0", "12345.6", "--lr", "1", "--steps", "3");
        CsvTable csv = new CsvTable(runs[0].out());
        Table table = new Table(runs[1].out(), 1);
        assertTrue(table.narrow, runs[1].out());
        assertEquals(new HashSet<>(csv.header()), table.check(csv, 12345.6 * 12345.6, new double[] {12345.6}, 1));
        assertEquals("1.524e+08", table.rows.get(0).get("f"));
        assertEquals("1.235e+04", table.rows.get(0).get("x"));
        assertEquals("2.469e+04", table.rows.get(1).get("grad_x"));
        assertEquals("6.097e+08", table.rows.get(1).get("G_x"));
        assertEquals("1.0000", table.rows.get(1).get("update_x"));
        for (Map<String, String> row : table.rows) {
            for (Map.Entry<String, String> cell : row.entrySet()) {
                if (!cell.getKey().equals("lr_x")) {
                    assertTrue(cell.getValue().length() <= 9, cell.toString());
                }
            }
        }
        assertEquals("adagrad run: note: 14 numbers shortened to fit 80 columns; --wide shows all\n", runs[1].err());
    }

    /** A table as a reader sees it: the header's titles mapped to CSV columns, the rows split into cells. */
    private static final class Table {

        final List<String> lines = new ArrayList<>();
        /** Per row, the CSV column of each cell shown, and the cell. */
        final List<Map<String, String>> rows = new ArrayList<>();
        boolean fullDecimals = true;
        /** Whether the table is narrow: f's column 9 wide, not 11 ("-1.2346e+05"). */
        final boolean narrow;
        /** The CSV column of each title, and the title. */
        private final Map<String, String> titleOf = new LinkedHashMap<>();

        Table(String out, int n) {
            String[] all = out.split("\n");
            int header = n == 1 ? 0 : 1;
            int i = 0;
            while (i < all.length && !all[i].startsWith("Done") && !all[i].startsWith("Converged")) {
                lines.add(all[i]);
                i++;
            }
            assertTrue(all[header + 1].matches("-+"), "a rule under the header: " + out);
            String f = all[header].split("\\|", -1)[1]; // " f" and its padding between the bars
            assertTrue(f.length() == 2 + 9 || f.length() == 2 + 11, "f is 9 or 11 wide: '" + f + "'");
            narrow = f.length() == 2 + 9;
            // the columns: the group line's names over " | "-separated segments, the titles inside them
            List<List<String>> titles = segments(all[header], n);
            List<String> groups = n == 1 ? null : segments(all[0], n).stream()
                    .map(cells -> cells.isEmpty() ? "" : cells.get(0)).toList();
            List<List<String>> keys = new ArrayList<>();
            for (int s = 0; s < titles.size(); s++) {
                List<String> segment = new ArrayList<>();
                for (String title : titles.get(s)) {
                    String key = key(title, n == 1 ? null : groups.get(s), n);
                    segment.add(key);
                    titleOf.put(key, title);
                }
                keys.add(segment);
            }
            for (int r = header + 2; r < lines.size(); r++) {
                List<List<String>> cells = segments(lines.get(r), n);
                Map<String, String> row = new LinkedHashMap<>();
                for (int s = 0; s < cells.size(); s++) {
                    for (int c = 0; c < cells.get(s).size(); c++) {
                        row.put(keys.get(s).get(c), cells.get(s).get(c));
                    }
                }
                rows.add(row);
            }
        }

        /** The " | "-separated parts of a line, each split into cells (one per part with one variable). */
        private static List<List<String>> segments(String line, int n) {
            List<List<String>> segments = new ArrayList<>();
            for (String segment : line.split("\\|", -1)) {
                List<String> cells = new ArrayList<>();
                for (String cell : n == 1 ? new String[] {segment.strip()} : segment.strip().split("\\s+")) {
                    if (!cell.isEmpty()) {
                        cells.add(cell);
                    }
                }
                segments.add(cells);
            }
            return segments;
        }

        /** The CSV column a title names: the one-variable table's words, or a key inside a variable's group. */
        private static String key(String title, String group, int n) {
            if (title.equals("Step") || title.equals("f") || title.equals("…")) {
                return title.toLowerCase();
            }
            if (n == 1) {
                return switch (title) {
                    case "x" -> "x";
                    case "Gradient" -> "grad_x";
                    case "Update" -> "update_x";
                    default -> ONE_VARIABLE_TITLES.containsKey(title) ? ONE_VARIABLE_TITLES.get(title) : "?" + title;
                };
            }
            if (group.isEmpty()) {
                return title; // a whole-step column: evaluations
            }
            return switch (title) {
                case "value" -> group;
                default -> title + "_" + group;
            };
        }

        /**
         * Checks every cell against the CSV and row 0 against the start ({@code f(x₀)} and {@code x₀} by hand); returns
         * the CSV columns shown. In a narrow table every number is at most 9 characters (or its title's width when
         * wider) and has its column's usual decimals, unless it is shortened: scientific notation with fewer, as many
         * digits as fit (one more would not).
         */
        Set<String> check(CsvTable csv, double startF, double[] x0, int n) {
            assertEquals(csv.size(), rows.size(), "a row per CSV row, row 0 included");
            Map<String, String> start = rows.get(0);
            assertEquals("0", start.get("step"));
            matches(start.get("f"), new BigDecimal(startF).toString(), "f(x₀) = " + startF + ": " + start);
            for (int i = 0; i < n; i++) {
                String value = start.get(n == 1 ? "x" : NAMES[i]);
                if (value != null) {
                    matches(value, new BigDecimal(x0[i]).toString(), NAMES[i] + "₀: " + start);
                }
            }
            Set<String> shown = new HashSet<>();
            for (int r = 0; r < rows.size(); r++) {
                for (Map.Entry<String, String> cell : rows.get(r).entrySet()) {
                    if (cell.getKey().equals("…")) {
                        continue;
                    }
                    shown.add(cell.getKey());
                    String expected = csv.cell(r, cell.getKey());
                    assertTrue(!expected.isEmpty(), "row " + r + " shows " + cell + " where the CSV is empty");
                    String where = "row " + r + " " + cell.getKey();
                    int decimals = matches(cell.getValue(), expected, where);
                    boolean count = cell.getKey().equals("step") || cell.getKey().equals("evaluations");
                    int usual = cell.getKey().startsWith("lr") || cell.getKey().startsWith("step_size") ? 6 : 4;
                    boolean shortened = !count && cell.getValue().contains("e") && decimals < usual;
                    if (!count && decimals < usual) {
                        fullDecimals = false;
                    }
                    if (narrow && !count) {
                        int room = Math.max(9, titleOf.get(cell.getKey()).length());
                        int length = cell.getValue().length();
                        assertTrue(length <= room, where + ": " + cell.getValue() + " in a narrow cell of " + room);
                        if (shortened) { // one digit more is one character more, or two with the point
                            assertTrue(length >= room - 1 || decimals == 0 && length >= room - 2,
                                    where + ": " + cell.getValue() + " has room for more digits in " + room);
                        } else if (!cell.getValue().equals("NaN") && !cell.getValue().endsWith("inf")) {
                            assertEquals(usual, decimals, where + ": a narrow cell keeps its usual decimals");
                        }
                    }
                    if (isPrimary(cell.getKey(), n)) {
                        assertTrue(decimals == 4 || narrow && shortened,
                                "f, the values and the gradients keep 4 decimals unless shortened: " + cell);
                    }
                }
            }
            shown.remove("…");
            return shown;
        }

        private static boolean isPrimary(String key, int n) {
            return key.equals("f") || key.startsWith("grad_") && !key.startsWith("grad_avg")
                    || List.of(NAMES).subList(0, n).contains(key);
        }

        /** Asserts the cell is the CSV's value rounded half up to the cell's decimals; returns them. */
        private static int matches(String cell, String csvValue, String where) {
            if (csvValue.equals("NaN") || csvValue.contains("Infinity")) {
                assertEquals(csvValue.equals("NaN") ? "NaN" : csvValue.startsWith("-") ? "-inf" : "inf", cell, where);
                return 4;
            }
            BigDecimal exact = new BigDecimal(csvValue);
            int e = cell.indexOf('e');
            String mantissa = e < 0 ? cell : cell.substring(0, e);
            int point = mantissa.indexOf('.');
            int decimals = point < 0 ? 0 : mantissa.length() - point - 1;
            BigDecimal shown = new BigDecimal(cell);
            BigDecimal rounded = e < 0 ? exact.setScale(decimals, RoundingMode.HALF_UP)
                    : exact.round(new MathContext(decimals + 1, RoundingMode.HALF_UP));
            if (shown.compareTo(rounded) != 0) {
                fail(where + ": the table shows " + cell + ", the CSV has " + csvValue);
            }
            return decimals;
        }
    }

    /** The one-variable table's titles of state columns (StateColumn.title), and the CSV keys they stand for. */
    private static final Map<String, String> ONE_VARIABLE_TITLES = Map.ofEntries(
            Map.entry("G", "G_x"), Map.entry("m", "m_x"), Map.entry("v", "v_x"), Map.entry("u", "u_x"),
            Map.entry("Learning Rate", "lr_x"), Map.entry("Square Avg", "sq_x"), Map.entry("Momentum Buffer", "buf_x"),
            Map.entry("Acc Delta", "acc_delta_x"), Map.entry("v max", "v_max_x"), Map.entry("Average x", "ax_x"),
            Map.entry("Step Size", "step_size_x"), Map.entry("Prev Grad", "prev_x"), Map.entry("Grad Avg", "grad_avg_x"),
            Map.entry("Direction", "d_x"), Map.entry("Evaluations", "evaluations"));
}
