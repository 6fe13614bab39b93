package dev.adagrad.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A linear model over feature columns: z = Σ w_c·c + b, with a weight {@code w_<column>} per feature column and a
 * bias {@code b}, and a per-row loss in exp4j syntax that {@link BatchLoss} averages.
 *
 * <ul>
 *   <li>{@code linear}: squared error (z − y)²</li>
 *   <li>{@code logistic}: log(1 + e^(−y·z)), written softplus(−y·z), which stays finite and accurate for large |z|;
 *       labels ±1</li>
 *   <li>{@code hinge}: max(0, 1 − y·z); labels ±1</li>
 * </ul>
 */
public enum Model {
    LINEAR(false), LOGISTIC(true), HINGE(true);

    /** The bias parameter's name. */
    public static final String BIAS = "b";

    private final boolean classification;

    Model(boolean classification) {
        this.classification = classification;
    }

    /** The command-line name. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Model> named(String name) {
        for (Model model : values()) {
            if (model.label().equals(name)) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** Whether labels are classes (±1) and accuracy is reported. */
    public boolean classification() {
        return classification;
    }

    /** The weight parameter of a feature column. */
    public static String weight(String column) {
        return "w_" + column;
    }

    /** w_c for each feature in order, then b: the order of the parameters. */
    public static List<String> parameters(List<String> features) {
        List<String> parameters = new ArrayList<>();
        for (String feature : features) {
            parameters.add(weight(feature));
        }
        parameters.add(BIAS);
        return parameters;
    }

    /** The per-row loss for these features and target, e.g. {@code softplus(-y*(w_x1*x1+w_x2*x2+b))}. */
    public String loss(List<String> features, String target) {
        StringBuilder z = new StringBuilder();
        for (String feature : features) {
            z.append(weight(feature)).append('*').append(feature).append('+');
        }
        z.append(BIAS);
        return switch (this) {
            case LINEAR -> "(" + z + "-" + target + ")^2";
            case LOGISTIC -> "softplus(-" + target + "*(" + z + "))";
            case HINGE -> "max(0,1-" + target + "*(" + z + "))";
        };
    }
}
