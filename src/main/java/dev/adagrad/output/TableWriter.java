package dev.adagrad.output;

import dev.adagrad.expr.TestFunction;
import dev.adagrad.optim.StateColumn;
import dev.adagrad.run.Divergence;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StopReason;
import dev.adagrad.run.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table for people: the start point (row 0), rows 1..N, and one summary line.
 *
 * <ul>
 *   <li>One variable: {@code Step | f | x | Gradient | G | Learning Rate | Update} (the columns between the
 *       gradient and the update are the optimizer's state columns).</li>
 *   <li>Several variables: f, the optimizer's whole-step columns (L-BFGS's evaluations), then a group of columns per
 *       variable (value, grad, state, update).</li>
 * </ul>
 *
 * Row 0 has the step, f and the values; its other cells are blank, as they are empty in CSV. The table fits a width
 * given in characters ({@link #WIDE} for no limit). When the full table is wider, it first shows the secondary
 * columns (the state columns and the update) with fewer decimals (two fewer at most, never fewer than three), then
 * leaves them out from the right of each group (update first, then the state columns last to first), then shows
 * fewer variables (the last ones go first, and "…" heads the cut), and last the gradients. f, the values and the
 * gradients keep their four decimals, so the worked example's 1.9673 stays 1.9673. Before each column is left out the
 * same columns are tried narrow: {@value #NARROW} characters for a number instead of the 11 that "-1.2346e+05" needs,
 * where a number that does not fit at its usual decimals is printed in scientific notation with as many digits as fit
 * ({@link NumberText#narrow}); ordinary numbers print exactly as in the wide table. {@link #narrowing} says in words
 * what was changed.
 *
 * <p>Columns have fixed widths so rows can be printed as they arrive. A value too wide for its column (a negative one
 * of 1e100 and beyond: "-9.1149e+148" is 12 characters) gives up digits as a narrow cell's would, so that its row
 * stays in line, and the note counts it; only the table without a width limit ({@code --wide}) widens such a row.
 */
final class TableWriter implements RunWriter {

    /** No width limit: every column, the full decimals. */
    static final int WIDE = Integer.MAX_VALUE;
    /** The fewest decimals a secondary column is cut to before columns are left out. */
    static final int FEWEST_DECIMALS = 3;
    private static final int DECIMALS = 4;
    private static final String CUT = "…";
    /** The characters a narrow cell gives its number (a wider title widens the column, and its numbers with it). */
    static final int NARROW = 9;

    /**
     * One column: {@code atStart} when row 0 has a value in it; {@code group} the variable whose group it opens (null
     * inside a group and outside the groups).
     */
    private record Column(String group, String title, int decimals, Cell cell, int width,
                          boolean atStart, boolean insideGroup) {
    }

    /** What a column shows of a row. */
    private enum Kind { STEP, F, X, GRADIENT, STATE, UPDATE }

    /**
     * Which number of a row a column shows: its kind, the variable, the state column. Data and a switch rather than a
     * lambda per column, since linking each lambda runs interpreted at every start.
     */
    private record Cell(Kind kind, int variable, int state) {

        static final Cell STEP = new Cell(Kind.STEP, 0, 0);
        static final Cell F = new Cell(Kind.F, 0, 0);

        double of(StepRecord row) {
            return switch (kind) {
                case STEP -> row.step();
                case F -> row.f();
                case X -> row.x(variable);
                case GRADIENT -> row.gradient(variable);
                case STATE -> row.state(state, variable);
                case UPDATE -> row.update(variable);
            };
        }
    }

    /** The chosen columns, whether variables were cut ("…"), and what changed from the full table. */
    private record Layout(List<Column> columns, boolean cut, String narrowing) {
    }

    private final Writer out;
    private final RunShape shape;
    private final List<Column> columns;
    private final boolean cut;
    private final String narrowing;
    /** Whether the table has a width to keep to: then no number may be wider than its column. */
    private final boolean fitted;
    /** How many numbers have been printed with fewer digits than their usual ones to fit their columns. */
    private long shortened;
    private final StringBuilder line = new StringBuilder();
    private final FixedText cells = new FixedText();

    TableWriter(Writer out, RunShape shape) {
        this(out, shape, WIDE);
    }

    /** A table at most {@code width} characters wide where a layout can be; the narrowest layout otherwise. */
    TableWriter(Writer out, RunShape shape, int width) {
        this.out = out;
        this.shape = shape;
        Layout layout = choose(width);
        this.columns = layout.columns();
        this.cut = layout.cut();
        this.narrowing = layout.narrowing();
        this.fitted = width != WIDE;
    }

    /**
     * What the table changed to fit its width ("lr and update left out", "2 numbers shortened" when cells gave up
     * digits to fit their columns in rows printed so far), or null when it shows everything.
     */
    @Override
    public String narrowing() {
        if (shortened == 0) {
            return narrowing;
        }
        String numbers = shortened == 1 ? "1 number shortened" : shortened + " numbers shortened";
        return narrowing == null ? numbers : narrowing + ", " + numbers;
    }

    /**
     * The first layout, in the order the class comment gives, that fits {@code width}. Widths are counted, not built:
     * a layout is made once, for the one chosen, so ten thousand variables cost no more than one table.
     */
    private Layout choose(int width) {
        int kinds = shape.stateColumns().size() + 1; // the state columns, then the update
        int variables = shape.variables().size();
        for (int kept = kinds; kept >= 0; kept--) {
            for (int level = 0; level <= levels(kept); level++) {
                if (width(kept, level, variables, true, false) <= width) {
                    return layout(kept, level, variables, true, false);
                }
            }
            if (width(kept, 0, variables, true, true) <= width) {
                return layout(kept, 0, variables, true, true);
            }
        }
        if (variables > 1) {
            // every group of value and gradient is as wide as the next: as many as fit, at least one
            long one = width(0, 0, 1, true, false);
            long each = width(0, 0, 2, true, false) - one;
            long shown = Math.max(1, Math.min(variables - 1, (width - one) / each + 1));
            if (width(0, 0, (int) shown, true, false) <= width) {
                return layout(0, 0, (int) shown, true, false);
            }
        }
        return layout(0, 0, 1, false, false);
    }

    /** The widest line of {@link #layout}'s table with these arguments, counted without building it. */
    private long width(int kept, int level, int shown, boolean gradients, boolean narrow) {
        List<StateColumn> stateColumns = shape.stateColumns();
        boolean single = shape.variables().size() == 1;
        long width = Math.max(4, Long.toString(shape.maxSteps()).length()) + 3 + columnWidth(DECIMALS, "f", narrow);
        long group = (single ? 3 : 0) + columnWidth(DECIMALS, single ? shape.variables().get(0) : "value", narrow)
                + (gradients ? (single ? 3 : 2) + columnWidth(DECIMALS, single ? "Gradient" : "grad", narrow) : 0);
        for (int kind = 0; kind < kept; kind++) {
            boolean update = kind == stateColumns.size();
            StateColumn state = update ? null : stateColumns.get(kind);
            String title = update ? (single ? "Update" : "update") : single ? state.title() : state.key();
            int decimals = decimals(baseDecimals(kind), level);
            if (!single && !update && state.wholeStep()) {
                width += 3 + columnWidth(decimals, title, narrow); // once, before the groups
            } else {
                group += (single ? 3 : 2) + columnWidth(decimals, title, narrow);
            }
        }
        width += single ? group : shown * (3 + group);
        return shown < shape.variables().size() ? width + 3 + CUT.length() : width;
    }

    /**
     * A column is as wide as its title and its widest ordinary number ({@link NumberText#fixedWidth}); a narrow one
     * gives its numbers at most {@value #NARROW} characters, or its title's width when that is wider.
     */
    private static int columnWidth(int decimals, String title, boolean narrow) {
        int numbers = NumberText.fixedWidth(decimals);
        return Math.max(narrow ? Math.min(NARROW, numbers) : numbers, title.length());
    }

    /** How many times the first {@code kept} secondary columns can lose a decimal before reaching their fewest. */
    private int levels(int kept) {
        int levels = 0;
        for (int kind = 0; kind < kept; kind++) {
            levels = Math.max(levels, baseDecimals(kind) - fewest(baseDecimals(kind)));
        }
        return levels;
    }

    /**
     * A secondary column loses at most two decimals, and never goes below {@value #FEWEST_DECIMALS}: a learning rate
     * of 0.025 reads 0.0250 at 4 decimals but 2.500e-02 at 3, since fewer decimals move small values to scientific
     * notation ({@link NumberText#fixed}).
     */
    private static int fewest(int base) {
        return Math.min(base, Math.max(FEWEST_DECIMALS, base - 2));
    }

    /** A secondary column's own decimals: kind c is state column c, and the one after the last is the update. */
    private int baseDecimals(int kind) {
        List<StateColumn> stateColumns = shape.stateColumns();
        return kind < stateColumns.size() ? stateColumns.get(kind).decimals() : DECIMALS;
    }

    private static int decimals(int base, int level) {
        return Math.max(fewest(base), base - level);
    }

    /**
     * The table with the first {@code kept} secondary kinds (state columns in order, then the update) at {@code level}
     * decimals fewer, the first {@code shown} variables, and their gradients or not.
     */
    private Layout layout(int kept, int level, int shown, boolean gradients, boolean narrow) {
        List<String> variables = shape.variables();
        List<StateColumn> stateColumns = shape.stateColumns();
        List<Column> layout = new ArrayList<>();
        int stepWidth = Math.max(4, Long.toString(shape.maxSteps()).length());
        layout.add(new Column(null, "Step", 0, Cell.STEP, stepWidth, true, false));
        add(layout, narrow, null, "f", DECIMALS, Cell.F, true, false);
        boolean single = variables.size() == 1;
        if (single) {
            add(layout, narrow, null, variables.get(0), DECIMALS, new Cell(Kind.X, 0, 0), true, false);
            if (gradients) {
                add(layout, narrow, null, "Gradient", DECIMALS, new Cell(Kind.GRADIENT, 0, 0), false, false);
            }
            for (int c = 0; c < Math.min(kept, stateColumns.size()); c++) {
                add(layout, narrow, null, stateColumns.get(c).title(), decimals(stateColumns.get(c).decimals(), level),
                        new Cell(Kind.STATE, 0, c), false, false);
            }
            if (kept > stateColumns.size()) {
                add(layout, narrow, null, "Update", decimals(DECIMALS, level), new Cell(Kind.UPDATE, 0, 0), false,
                        false);
            }
        } else {
            for (int c = 0; c < Math.min(kept, stateColumns.size()); c++) {
                if (stateColumns.get(c).wholeStep()) { // once, before the variables' groups
                    add(layout, narrow, null, stateColumns.get(c).key(), decimals(stateColumns.get(c).decimals(), level),
                            new Cell(Kind.STATE, 0, c), false, false);
                }
            }
            for (int v = 0; v < shown; v++) {
                add(layout, narrow, variables.get(v), "value", DECIMALS, new Cell(Kind.X, v, 0), true, false);
                if (gradients) {
                    add(layout, narrow, null, "grad", DECIMALS, new Cell(Kind.GRADIENT, v, 0), false, true);
                }
                for (int c = 0; c < Math.min(kept, stateColumns.size()); c++) {
                    if (!stateColumns.get(c).wholeStep()) {
                        add(layout, narrow, null, stateColumns.get(c).key(),
                                decimals(stateColumns.get(c).decimals(), level), new Cell(Kind.STATE, v, c), false,
                                true);
                    }
                }
                if (kept > stateColumns.size()) {
                    add(layout, narrow, null, "update", decimals(DECIMALS, level), new Cell(Kind.UPDATE, v, 0), false,
                            true);
                }
            }
        }
        return new Layout(layout, shown < variables.size(), narrowing(kept, level, shown, gradients));
    }

    private static void add(List<Column> layout, boolean narrow, String group, String title, int decimals,
                            Cell value, boolean atStart, boolean insideGroup) {
        layout.add(new Column(group, title, decimals, value, columnWidth(decimals, title, narrow), atStart,
                insideGroup));
    }

    /** "lr and update left out", "G with fewer decimals", …; null for the full table. */
    private String narrowing(int kept, int level, int shown, boolean gradients) {
        List<String> variables = shape.variables();
        boolean single = variables.size() == 1;
        List<StateColumn> stateColumns = shape.stateColumns();
        List<String> rounded = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (int kind = 0; kind <= stateColumns.size(); kind++) {
            String name = kind < stateColumns.size()
                    ? (single ? stateColumns.get(kind).title() : stateColumns.get(kind).key())
                    : (single ? "Update" : "update");
            if (kind >= kept) {
                left.add(name);
            } else if (decimals(baseDecimals(kind), level) < baseDecimals(kind)) {
                rounded.add(name);
            }
        }
        if (!gradients) {
            left.add(single ? "Gradient" : "the gradients");
        }
        if (shown < variables.size()) {
            int hidden = variables.size() - shown;
            left.add(hidden == 1 ? "the variable " + variables.get(shown)
                    : "the " + hidden + " variables " + variables.get(shown)
                    + (hidden == 2 ? " and " : " to ") + variables.get(variables.size() - 1));
        }
        List<String> parts = new ArrayList<>();
        if (!left.isEmpty()) {
            parts.add(words(left) + " left out");
        }
        if (!rounded.isEmpty()) {
            parts.add(words(rounded) + " with fewer decimals");
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** "a", "a and b", "a, b and c". */
    private static String words(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    @Override
    public void begin() {
        if (shape.variables().size() > 1) {
            writeGroupLine();
        }
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            separator(i);
            Column column = columns.get(i);
            String title = column.title();
            line.append(title).append(" ".repeat(column.width() - title.length()));
        }
        if (cut) {
            line.append(" | ").append(CUT);
        }
        String header = stripTrailing(line);
        write(header + "\n" + "-".repeat(header.length()) + "\n");
    }

    /** The variables' names, each over its group's columns (cut with "…" to their width when longer). */
    private void writeGroupLine() {
        line.setLength(0);
        int i = 0;
        while (i < columns.size()) {
            separator(i);
            Column column = columns.get(i);
            if (column.group() == null) {
                line.append(" ".repeat(column.width()));
                i++;
                continue;
            }
            int span = column.width();
            int end = i + 1;
            while (end < columns.size() && columns.get(end).insideGroup()) {
                span += 2 + columns.get(end).width();
                end++;
            }
            String name = column.group();
            if (name.length() > span) { // the summary line has the whole name
                name = name.substring(0, span - 1) + CUT;
            }
            line.append(name).append(" ".repeat(span - name.length()));
            i = end;
        }
        if (cut) {
            line.append(" | ").append(CUT);
        }
        write(stripTrailing(line) + "\n");
    }

    @Override
    public void onStep(StepRecord row) {
        line.setLength(0);
        boolean start = row.isStart();
        int last = columns.size() - 1;
        if (start) { // row 0 ends with its last value: the cells after it are blank
            while (!columns.get(last).atStart()) {
                last--;
            }
        }
        for (int i = 0; i <= last; i++) {
            separator(i);
            Column column = columns.get(i);
            if (start && !column.atStart()) {
                for (int k = 0; k < column.width(); k++) {
                    line.append(' ');
                }
            } else if (column.decimals() == 0) {
                // the step, or a count (L-BFGS's evaluations): a whole number, exact in a double up to 2⁵³
                double value = column.cell().of(row);
                if (Double.isFinite(value)) {
                    appendWhole((long) value, column.width());
                } else {
                    String text = NumberText.fixed(value, 0);
                    line.append(" ".repeat(Math.max(0, column.width() - text.length()))).append(text);
                }
            } else if (fitted) { // narrow columns are only chosen to fit a width
                if (cells.appendNarrow(line, column.cell().of(row), column.decimals(), column.width())) {
                    shortened++;
                }
            } else {
                cells.appendFixed(line, column.cell().of(row), column.decimals(), column.width());
            }
        }
        line.append('\n');
        write(line);
    }

    @Override
    public void end(RunResult result) {
        write(summary(result) + "\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String summary(RunResult result) {
        String point = point(result.x()) + ", f = " + NumberText.significant(result.f(), 10)
                + distanceToMinimum(result)
                + (result.evaluations() < 0 ? "" : "; " + plural(result.evaluations(), "evaluation") + " of f and ∇f");
        String steps = plural(result.steps(), "step");
        return switch (result.reason()) {
            case STEPS_DONE -> "Done: " + steps + " (the step limit); final " + point;
            case INTERRUPTED -> "Interrupted after step " + result.steps() + ": every row up to it is above; last "
                    + point;
            case TIME_LIMIT -> "Stopped by the time limit (--max-seconds) after " + steps + "; final " + point;
            case TOLERANCE_REACHED -> "Converged: gradient norm " + NumberText.significant(result.gradientNorm(), 3)
                    + " <= tol after " + steps + "; final " + point;
            case NON_FINITE -> {
                Divergence divergence = result.divergence();
                String what = switch (divergence.quantity()) {
                    case F -> "f became non-finite";
                    case GRADIENT -> "the gradient became non-finite";
                    case X -> "x became non-finite";
                };
                yield divergence.step() == 0
                        ? "Stopped: f is not finite at the start point " + point(divergence.x())
                        : "Stopped at step " + divergence.step() + ": " + what + " after " + steps
                        + "; last finite " + point;
            }
        };
    }

    /** "; 0.0123 from the minimum (1, 1)" for a named test function, else nothing. */
    private String distanceToMinimum(RunResult result) {
        TestFunction function = shape.testFunction();
        if (function == null || result.reason() == StopReason.NON_FINITE) {
            return "";
        }
        return "; " + NumberText.significant(function.distanceToNearestMinimum(result.x()), 3)
                + " from the minimum " + NumberText.tuple(function.nearestMinimum(result.x()), 7);
    }

    private String point(double[] x) {
        List<String> variables = shape.variables();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(variables.get(i)).append(" = ").append(NumberText.significant(x[i], 10));
        }
        return text.toString();
    }

    /** A whole number right-aligned in {@code width} characters, appended without a String: the step is in every row. */
    private void appendWhole(long value, int width) {
        int digits = value < 0 ? 2 : 1;
        for (long rest = Math.abs(value); rest >= 10; rest /= 10) {
            digits++;
        }
        for (int k = digits; k < width; k++) {
            line.append(' ');
        }
        line.append(value);
    }

    private void separator(int column) {
        if (column > 0) {
            line.append(separatorLength(columns.get(column), column) == 3 ? " | " : "  ");
        }
    }

    /** " | " between ungrouped columns and before each group, two spaces inside a group. */
    private static int separatorLength(Column column, int index) {
        return index == 0 ? 0 : column.insideGroup() ? 2 : 3;
    }

    private static String stripTrailing(CharSequence text) {
        return text.toString().stripTrailing();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
