package dev.adagrad.output;

import dev.adagrad.optim.StateColumn;
import dev.adagrad.run.StepRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The machine-readable columns of a run, shared by CSV and JSON Lines: {@code step,f,<v…>,grad_<v…>,<state>_<v…>,
 * update_<v…>}, variables in order of first appearance, each state column of the optimizer in its own order. The page
 * ({@code --html}) shows the same columns.
 */
public final class Columns {

    /** What a column holds; {@code index} is the variable, {@code state} the optimizer's state column. */
    public record Column(String key, Kind kind, int variable, int state) {
    }

    public enum Kind { STEP, F, X, GRADIENT, STATE, UPDATE }

    private Columns() {
    }

    public static List<Column> of(List<String> variables, List<StateColumn> stateColumns) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("step", Kind.STEP, -1, -1));
        columns.add(new Column("f", Kind.F, -1, -1));
        for (int i = 0; i < variables.size(); i++) {
            columns.add(new Column(variables.get(i), Kind.X, i, -1));
        }
        for (int i = 0; i < variables.size(); i++) {
            columns.add(new Column("grad_" + variables.get(i), Kind.GRADIENT, i, -1));
        }
        for (int c = 0; c < stateColumns.size(); c++) {
            if (stateColumns.get(c).wholeStep()) {
                columns.add(new Column(stateColumns.get(c).key(), Kind.STATE, 0, c));
                continue;
            }
            for (int i = 0; i < variables.size(); i++) {
                columns.add(new Column(stateColumns.get(c).key() + "_" + variables.get(i), Kind.STATE, i, c));
            }
        }
        for (int i = 0; i < variables.size(); i++) {
            columns.add(new Column("update_" + variables.get(i), Kind.UPDATE, i, -1));
        }
        return columns;
    }

    /** The column's value in this row; row 0 has only step, f and x (the caller writes the rest as empty). */
    public static double value(Column column, StepRecord row) {
        return switch (column.kind()) {
            case STEP -> row.step();
            case F -> row.f();
            case X -> row.x(column.variable());
            case GRADIENT -> row.gradient(column.variable());
            case STATE -> row.state(column.state(), column.variable());
            case UPDATE -> row.update(column.variable());
        };
    }

    /** Whether row 0 (the start point) has a value in this column. */
    public static boolean presentAtStart(Column column) {
        return column.kind() == Kind.STEP || column.kind() == Kind.F || column.kind() == Kind.X;
    }
}
