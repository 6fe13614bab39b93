package dev.adagrad.output;

import dev.adagrad.expr.TestFunction;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StopReason;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The summary of a comparison for people: one line per optimizer, best final f first, runs that diverged last.
 * Columns: optimizer, lr, final f, final point, steps to reach the tolerance (— if not reached), the step at which
 * the run diverged (— if it did not). For a named test function, a column "to minimum" after the final point: the
 * distance from the final point to the nearest known minimum.
 *
 * <p>The table fits a width in characters ({@link Format#WIDE} for no limit, which prints every column in full). It
 * is written once, at the end, so its widths are known from its cells. To fit, it first leaves out the columns whose
 * every cell is — (steps to tol without a tolerance reached, diverged at when none diverged), which loses nothing;
 * then, while still too wide, gives the final point fewer significant digits (6 down to {@value #FEWEST_DIGITS});
 * then leaves out columns in the order of {@link #DROP_ORDER}, trying the final point's digits again from 6 after
 * each. {@link #write} says in words what it left out or shortened (the empty columns are not named).
 */
public final class ComparisonTable {

    /** One optimizer's outcome, with the learning rate it ran at. */
    public record Row(String optimizer, double learningRate, RunResult result) {
    }

    private static final String NONE = "—";
    private static final String POINT = "final point";
    private static final int DIGITS = 6;
    private static final int FEWEST_DIGITS = 3;
    /** The columns left out, one at a time, when fewer digits in the final point are not enough. */
    static final List<String> DROP_ORDER = List.of("lr", "to minimum", POINT, "steps to tol", "diverged at");

    private ComparisonTable() {
    }

    /**
     * Writes the table at most {@code width} characters wide where it can be (its narrowest form otherwise).
     *
     * @param testFunction the named function being minimised, or null for a typed expression
     * @return what was left out or shortened to fit ("lr left out, final point with fewer digits"), or null
     */
    public static String write(Writer out, List<String> variables, TestFunction testFunction, List<Row> rows,
                               int width) throws IOException {
        List<Row> sorted = new ArrayList<>(rows);
        // Stable: ties keep the order the optimizers were given in.
        sorted.sort(Comparator.comparing((Row row) -> row.result().reason() == StopReason.NON_FINITE)
                .thenComparingDouble(row -> row.result().f()));
        List<String> titles = new ArrayList<>(List.of("Optimizer", "lr", "final f", POINT));
        if (testFunction != null) {
            titles.add("to minimum");
        }
        titles.addAll(List.of("steps to tol", "diverged at"));
        if (width == Format.WIDE) {
            write(out, cells(titles, sorted, variables, testFunction, DIGITS));
            return null;
        }
        List<String[]> full = cells(titles, sorted, variables, testFunction, DIGITS);
        List<String> shown = new ArrayList<>();
        for (int c = 0; c < titles.size(); c++) {
            boolean empty = c > 0;
            for (int r = 1; r < full.size(); r++) {
                empty &= full.get(r)[c].equals(NONE);
            }
            if (!empty) {
                shown.add(titles.get(c));
            }
        }
        List<String> left = new ArrayList<>();
        int digits = mostDigitsThatFit(shown, sorted, variables, testFunction, width);
        while (digits == 0) {
            String next = DROP_ORDER.stream().filter(shown::contains).findFirst().orElse(null);
            if (next == null) { // nothing fits: the narrowest table
                digits = FEWEST_DIGITS;
                break;
            }
            shown.remove(next);
            left.add(next);
            digits = mostDigitsThatFit(shown, sorted, variables, testFunction, width);
        }
        write(out, cells(shown, sorted, variables, testFunction, digits));
        List<String> parts = new ArrayList<>();
        if (!left.isEmpty()) {
            parts.add(words(left) + " left out");
        }
        if (digits < DIGITS && shown.contains(POINT)) {
            parts.add(POINT + " with fewer digits");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** The most digits (6 down to 3) with which the final point lets these columns fit {@code width}; 0 if none. */
    private static int mostDigitsThatFit(List<String> shown, List<Row> sorted, List<String> variables,
                                           TestFunction testFunction, int width) {
        for (int digits = DIGITS; digits >= FEWEST_DIGITS; digits--) {
            if (lines(cells(shown, sorted, variables, testFunction, digits)).stream()
                    .allMatch(line -> line.length() <= width)) {
                return digits;
            }
            if (!shown.contains(POINT)) {
                break; // the digits change nothing else
            }
        }
        return 0;
    }
    /** The header and one line of cells per row, for the columns named in {@code titles}. */
    private static List<String[]> cells(List<String> titles, List<Row> sorted, List<String> variables,
                                        TestFunction testFunction, int digits) {
        List<String[]> cells = new ArrayList<>();
        cells.add(titles.toArray(String[]::new));
        for (Row row : sorted) {
            RunResult result = row.result();
            String[] line = new String[titles.size()];
            for (int c = 0; c < line.length; c++) {
                line[c] = switch (titles.get(c)) {
                    case "Optimizer" -> row.optimizer();
                    case "lr" -> NumberText.significant(row.learningRate(), 6);
                    case "final f" -> NumberText.significant(result.f(), 6);
                    case POINT -> point(variables, result.x(), digits);
                    case "to minimum" -> result.reason() == StopReason.NON_FINITE ? NONE
                            : NumberText.significant(testFunction.distanceToNearestMinimum(result.x()), 3);
                    case "steps to tol" -> result.reason() == StopReason.TOLERANCE_REACHED
                            ? Long.toString(result.steps()) : NONE;
                    case "diverged at" -> result.reason() == StopReason.NON_FINITE
                            ? Long.toString(result.divergence().step()) : NONE;
                    default -> throw new IllegalArgumentException(titles.get(c));
                };
            }
            cells.add(line);
        }
        return cells;
    }

    private static void write(Writer out, List<String[]> cells) throws IOException {
        TextTable.write(out, cells, leftAligned(cells));
    }

    private static List<String> lines(List<String[]> cells) {
        return TextTable.lines(cells, leftAligned(cells));
    }

    /** The optimizer's name and the final point are text; the rest are numbers. */
    private static IntPredicate leftAligned(List<String[]> cells) {
        String[] titles = cells.get(0);
        return column -> column == 0 || titles[column].equals(POINT);
    }

    /** "a", "a and b", "a, b and c". */
    private static String words(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String point(List<String> variables, double[] x, int digits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            text.append(i == 0 ? "" : ", ").append(variables.get(i)).append(" = ")
                    .append(NumberText.significant(x[i], digits));
        }
        return text.toString();
    }
}
