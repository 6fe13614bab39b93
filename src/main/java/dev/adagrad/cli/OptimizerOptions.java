package dev.adagrad.cli;

import dev.adagrad.optim.Hyperparameter;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.optim.Optimizers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The optimizer and its hyperparameters, under PyTorch's names in kebab case. An option left out takes the chosen
 * optimizer's default, so the fields are nullable.
 */
public final class OptimizerOptions {

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adagrad",
            description = "The optimizer. Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--lr", paramLabel = "LR", converter = Numbers.FiniteDouble.class,
            description = "Learning rate, > 0. Default: 0.01 (adagrad).")
    Double lr;

    @Option(names = "--eps", paramLabel = "EPS", converter = Numbers.FiniteDouble.class,
            description = "Term added to the denominator, ≥ 0. Default: 1e-10 (adagrad).")
    Double eps;

    @Option(names = "--lr-decay", paramLabel = "D", converter = Numbers.FiniteDouble.class,
            description = "Learning-rate decay: step t uses lr/(1+(t-1)·D). Default: 0.")
    Double lrDecay;

    @Option(names = "--weight-decay", paramLabel = "W", converter = Numbers.FiniteDouble.class,
            description = "L2 penalty: the gradient gets W·x added. Default: 0.")
    Double weightDecay;

    @Option(names = "--initial-accumulator-value", paramLabel = "V", converter = Numbers.FiniteDouble.class,
            description = "Start value of adagrad's sum of squared gradients G. Default: 0.")
    Double initialAccumulatorValue;

    @Option(names = "--eps-inside-sqrt",
            description = "Divide by √(G+eps) (the seed's formula, Keras, TF.js) instead of √G+eps (PyTorch, "
                    + "the default).")
    boolean epsInsideSqrt;

    /** The chosen optimizer's registry entry. */
    OptimizerSpec spec() {
        return Optimizers.byName(name).orElseThrow(() -> new UsageException(
                "unknown optimizer '" + name + "' (known: " + String.join(", ", Optimizers.names()) + ")"));
    }

    /** The hyperparameters the user gave, keyed by PyTorch name. */
    Map<String, Object> given() {
        Map<String, Object> given = new LinkedHashMap<>();
        putIfGiven(given, "lr", lr);
        putIfGiven(given, "eps", eps);
        putIfGiven(given, "lr_decay", lrDecay);
        putIfGiven(given, "weight_decay", weightDecay);
        putIfGiven(given, "initial_accumulator_value", initialAccumulatorValue);
        if (epsInsideSqrt) {
            given.put("eps_inside_sqrt", true);
        }
        return given;
    }

    private static void putIfGiven(Map<String, Object> given, String name, Object value) {
        if (value != null) {
            given.put(name, value);
        }
    }

    /** Builds the chosen optimizer for {@code dimension} variables; a misused or invalid option is a usage error. */
    Optimizer create(int dimension) {
        OptimizerSpec spec = spec();
        Map<String, Object> given = given();
        for (String hyperparameter : given.keySet()) {
            if (!spec.uses(hyperparameter)) {
                String option = "--" + hyperparameter.replace('_', '-');
                String options = spec.hyperparameters().stream().map(Hyperparameter::option)
                        .collect(Collectors.joining(" "));
                throw new UsageException(spec.name() + " does not use " + option + "; its options are: " + options);
            }
        }
        try {
            return spec.create(dimension, given);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
