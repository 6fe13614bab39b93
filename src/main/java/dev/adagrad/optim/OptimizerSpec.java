package dev.adagrad.optim;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the registry knows about an optimizer: its name, a one-line rule, its hyperparameters with defaults, and how
 * to build one.
 *
 * @param name            the command-line name ({@code adagrad})
 * @param rule            the update in one line, for listings
 * @param hyperparameters every setting it takes, PyTorch's names and defaults
 * @param factory         builds the optimizer for a dimension from resolved settings; throws
 *                        {@link IllegalArgumentException} with a message naming a bad value
 */
public record OptimizerSpec(String name, String rule, List<Hyperparameter> hyperparameters,
                            BiFunction<Integer, Settings, Optimizer> factory) {

    public OptimizerSpec {
        hyperparameters = List.copyOf(hyperparameters);
    }

    /**
     * Builds the optimizer for {@code dimension} variables with the given settings (keyed by PyTorch name; missing
     * ones take their defaults).
     *
     * @throws IllegalArgumentException if a setting is unknown to this optimizer or has an invalid value
     */
    public Optimizer create(int dimension, Map<String, ?> given) {
        for (String name : given.keySet()) {
            if (hyperparameters.stream().noneMatch(h -> h.name().equals(name))) {
                throw new IllegalArgumentException(this.name + " does not use " + name);
            }
        }
        return factory.apply(dimension, settings(given));
    }

    /** The resolved settings for these given values. */
    public Settings settings(Map<String, ?> given) {
        return new Settings(hyperparameters, given);
    }

    public boolean uses(String hyperparameter) {
        return hyperparameters.stream().anyMatch(h -> h.name().equals(hyperparameter));
    }
}
