package dev.adagrad.output;

import java.util.List;

/**
 * What a fit's writer needs before the first epoch.
 *
 * @param parameters     the parameter names, in the order of the parameter vector
 * @param classification whether an accuracy column follows the parameters
 * @param epochs         the planned epochs (sizes the table's columns)
 * @param steps          the planned optimizer steps
 * @param validation     whether val_loss (and val_accuracy for a classifier) follow
 * @param kerasLines     whether the table is Keras's one line an epoch ({@code Epoch 3/50 - loss: …}) rather than
 *                       aligned columns
 */
public record FitShape(List<String> parameters, boolean classification, long epochs, long steps, boolean validation,
                       boolean kerasLines) {

    public FitShape {
        parameters = List.copyOf(parameters);
    }

    public FitShape(List<String> parameters, boolean classification, long epochs, long steps) {
        this(parameters, classification, epochs, steps, false, false);
    }
}
