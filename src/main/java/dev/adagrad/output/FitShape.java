package dev.adagrad.output;

import java.util.List;

/**
 * What a fit's writer needs before the first epoch.
 *
 * @param parameters     the parameter names, in the order of the parameter vector
 * @param classification whether an accuracy column follows the parameters
 * @param epochs         the planned epochs (sizes the table's columns)
 * @param steps          the planned optimizer steps
 */
public record FitShape(List<String> parameters, boolean classification, long epochs, long steps) {

    public FitShape {
        parameters = List.copyOf(parameters);
    }
}
