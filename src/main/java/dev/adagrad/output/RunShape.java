package dev.adagrad.output;

import dev.adagrad.optim.StateColumn;
import java.util.List;

/**
 * What a writer needs to know about a run before its first row.
 *
 * @param variables    variable names in order of first appearance
 * @param stateColumns the optimizer's per-variable state columns
 * @param maxSteps     the step limit (sizes the table's step column)
 */
public record RunShape(List<String> variables, List<StateColumn> stateColumns, long maxSteps) {

    public RunShape {
        variables = List.copyOf(variables);
        stateColumns = List.copyOf(stateColumns);
    }
}
