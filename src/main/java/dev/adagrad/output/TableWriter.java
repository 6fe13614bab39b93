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
import java.util.function.ToDoubleFunction;

/**
 * An aligned table for people, rows 1..N, ending with one summary line.
 *
 * <ul>
 *   <li>One variable: the seed's columns {@code Step | x | Gradient | G | Learning Rate | Update} (the middle ones are
 *       the optimizer's state columns).</li>
 *   <li>Two or three variables: f, then a group of columns per variable (value, gradient, state, update).</li>
 *   <li>More: f, the gradient norm and the first three variables; CSV and JSON Lines carry every column.</li>
 * </ul>
 *
 * Columns have fixed widths so rows can be printed as they arrive; a value too wide for its column (|v| of 1e100 and
 * beyond) widens only its own row.
 */
final class TableWriter implements RunWriter {

    /** Beyond this many variables the table summarises. */
    static final int MAX_DETAILED_VARIABLES = 3;
    private static final int SUMMARISED_VARIABLES = 3;

    private record Column(String group, String title, int decimals, ToDoubleFunction<StepRecord> value, int width) {
    }

    private final Writer out;
    private final RunShape shape;
    private final List<Column> columns = new ArrayList<>();
    private final List<Integer> groupStarts = new ArrayList<>();
    private final StringBuilder line = new StringBuilder();
    private final FixedText cells = new FixedText();

    TableWriter(Writer out, RunShape shape) {
        this.out = out;
        this.shape = shape;
        List<String> variables = shape.variables();
        int stepWidth = Math.max(4, Long.toString(shape.maxSteps()).length());
        add(null, "Step", 0, StepRecord::step, stepWidth);
        if (variables.size() == 1) {
            addValue(null, variables.get(0), 4, row -> row.x(0));
            addValue(null, "Gradient", 4, row -> row.gradient(0));
            addStateColumns(null, 0, false);
            addValue(null, "Update", 4, row -> row.update(0));
        } else if (variables.size() <= MAX_DETAILED_VARIABLES) {
            addValue(null, "f", 4, StepRecord::f);
            addWholeStepColumns();
            for (int i = 0; i < variables.size(); i++) {
                int v = i;
                String group = variables.get(i);
                groupStarts.add(columns.size());
                addValue(group, "value", 4, row -> row.x(v));
                addValue(group, "grad", 4, row -> row.gradient(v));
                addStateColumns(group, v, true);
                addValue(group, "update", 4, row -> row.update(v));
            }
        } else {
            addValue(null, "f", 4, StepRecord::f);
            addValue(null, "|grad|", 4, StepRecord::gradientNorm);
            addWholeStepColumns();
            for (int i = 0; i < SUMMARISED_VARIABLES; i++) {
                int v = i;
                addValue(null, variables.get(i), 4, row -> row.x(v));
            }
        }
    }

    /** The optimizer's columns of the whole step (L-BFGS's evaluations), once, before the variables' groups. */
    private void addWholeStepColumns() {
        List<StateColumn> stateColumns = shape.stateColumns();
        for (int c = 0; c < stateColumns.size(); c++) {
            StateColumn stateColumn = stateColumns.get(c);
            int column = c;
            if (stateColumn.wholeStep()) {
                addValue(null, stateColumn.key(), stateColumn.decimals(), row -> row.state(column, 0));
            }
        }
    }

    private void addStateColumns(String group, int variable, boolean shortTitles) {
        List<StateColumn> stateColumns = shape.stateColumns();
        for (int c = 0; c < stateColumns.size(); c++) {
            StateColumn stateColumn = stateColumns.get(c);
            int column = c;
            if (stateColumn.wholeStep() && shortTitles) {
                continue; // shown once, by addWholeStepColumns
            }
            addValue(group, shortTitles ? stateColumn.key() : stateColumn.title(), stateColumn.decimals(),
                    row -> row.state(column, variable));
        }
    }

    private void addValue(String group, String title, int decimals, ToDoubleFunction<StepRecord> value) {
        add(group, title, decimals, value, NumberText.fixedWidth(decimals));
    }

    private void add(String group, String title, int decimals, ToDoubleFunction<StepRecord> value, int width) {
        columns.add(new Column(group, title, decimals, value, Math.max(width, title.length())));
    }

    @Override
    public void begin() {
        List<String> variables = shape.variables();
        if (variables.size() > MAX_DETAILED_VARIABLES) {
            write("(" + variables.size() + " variables: the table shows f, the gradient norm and "
                    + String.join(", ", variables.subList(0, SUMMARISED_VARIABLES))
                    + "; --format csv or jsonl has every column)\n");
        }
        if (!groupStarts.isEmpty()) {
            writeGroupLine();
        }
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            separator(i);
            Column column = columns.get(i);
            String title = column.title();
            line.append(title).append(" ".repeat(column.width() - title.length()));
        }
        String header = stripTrailing(line);
        write(header + "\n" + "-".repeat(header.length()) + "\n");
    }

    private void writeGroupLine() {
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            int start = line.length();
            separator(i);
            Column column = columns.get(i);
            if (groupStarts.contains(i)) {
                line.append(column.group());
                int used = line.length() - start - separatorLength(i);
                line.append(" ".repeat(Math.max(0, column.width() - used)));
            } else {
                line.append(" ".repeat(column.width()));
            }
        }
        write(stripTrailing(line) + "\n");
    }

    @Override
    public void onStep(StepRecord row) {
        if (row.isStart()) {
            return;
        }
        line.setLength(0);
        for (int i = 0; i < columns.size(); i++) {
            separator(i);
            Column column = columns.get(i);
            if (i == 0) {
                String text = Long.toString(row.step());
                line.append(" ".repeat(Math.max(0, column.width() - text.length()))).append(text);
            } else if (column.decimals() == 0) {
                // a count (L-BFGS's evaluations) is a whole number
                double value = column.value().applyAsDouble(row);
                String text = Double.isFinite(value) ? Long.toString((long) value) : NumberText.fixed(value, 0);
                line.append(" ".repeat(Math.max(0, column.width() - text.length()))).append(text);
            } else {
                cells.appendFixed(line, column.value().applyAsDouble(row), column.decimals(), column.width());
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

    private void separator(int column) {
        if (column > 0) {
            line.append(separatorLength(column) == 3 ? " | " : "  ");
        }
    }

    /** " | " between ungrouped columns and before each group, two spaces inside a group. */
    private int separatorLength(int column) {
        if (column == 0) {
            return 0;
        }
        boolean insideGroup = columns.get(column).group() != null && !groupStarts.contains(column);
        return insideGroup ? 2 : 3;
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
