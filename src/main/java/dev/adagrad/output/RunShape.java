package dev.adagrad.output;

import dev.adagrad.optim.StateColumn;
import dev.adagrad.expr.TestFunction;
import java.util.List;

/**
 * What a writer needs to know about a run before its first row.
 *
 * @param variables    variable names in order of first appearance
 * @param stateColumns the optimizer's per-variable state columns
 * @param maxSteps     the step limit (sizes the table's step column)
 * @param testFunction the named test function being minimised, whose known minima the summary measures the final
 *                     point against; null for a typed expression
 */
public record RunShape(List<String> variables, List<StateColumn> stateColumns, long maxSteps,
                       TestFunction testFunction) {

    public RunShape {
        variables = List.copyOf(variables);
        stateColumns = List.copyOf(stateColumns);
    }

    public RunShape(List<String> variables, List<StateColumn> stateColumns, long maxSteps) {
        this(variables, stateColumns, maxSteps, null);
    }
}
