package dev.adagrad.optim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What the registry knows about an optimizer: its name, a one-line rule, the full algorithm, its hyperparameters with
 * PyTorch's defaults, other frameworks' presets, and how to build one.
 *
 * @param name            the command-line name ({@code adagrad})
 * @param rule            the update in one line, for listings
 * @param algorithm       the algorithm as PyTorch documents it, as {@code adagrad optimizers NAME} prints it
 * @param hyperparameters every setting it takes, PyTorch's names and defaults
 * @param presets         what each other framework changes; a framework without this optimizer maps to
 *                        {@link Preset#unavailable}
 * @param factory         builds the optimizer for a dimension from resolved settings; throws
 *                        {@link IllegalArgumentException} with a message naming a bad value
 */
public record OptimizerSpec(String name, String rule, String algorithm, List<Hyperparameter> hyperparameters,
                            Map<Compat, Preset> presets, BiFunction<Integer, Settings, Optimizer> factory) {

    /**
     * A framework's defaults for this optimizer, or the fact that the framework has none.
     *
     * @param defaults    values that replace PyTorch's defaults (conventions included)
     * @param unavailable null, or why the framework cannot run this optimizer
     */
    public record Preset(Map<String, Object> defaults, String unavailable) {

        public Preset {
            defaults = Map.copyOf(defaults);
        }

        public static Preset of(Object... nameValuePairs) {
            Map<String, Object> defaults = new LinkedHashMap<>();
            for (int i = 0; i < nameValuePairs.length; i += 2) {
                defaults.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
            }
            return new Preset(defaults, null);
        }

        /**
         * Keras 3 applies {@code weight_decay} to every optimizer as decoupled decay, x ← x − lr·wd·x before the
         * update, where PyTorch adds wd·x to the gradient; so every Keras preset switches that on.
         */
        public static Preset keras(Object... nameValuePairs) {
            Object[] withDecoupled = java.util.Arrays.copyOf(nameValuePairs, nameValuePairs.length + 2);
            withDecoupled[nameValuePairs.length] = "decoupled_weight_decay";
            withDecoupled[nameValuePairs.length + 1] = true;
            return of(withDecoupled);
        }

        public static Preset unavailable(String why) {
            return new Preset(Map.of(), why);
        }
    }

    public OptimizerSpec {
        hyperparameters = List.copyOf(hyperparameters);
        presets = Map.copyOf(presets);
        for (Preset preset : presets.values()) { // a loop, not a stream: every start runs this for each optimizer
            for (String setting : preset.defaults().keySet()) {
                if (!has(hyperparameters, setting)) {
                    throw new IllegalStateException(name + ": a preset sets " + setting + ", which it does not have");
                }
            }
        }
    }

    private static boolean has(List<Hyperparameter> hyperparameters, String name) {
        for (Hyperparameter hyperparameter : hyperparameters) {
            if (hyperparameter.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Starts a spec; see {@link Builder}. */
    public static Builder builder(String name, String rule, String algorithm) {
        return new Builder(name, rule, algorithm);
    }

    /**
     * Builds the optimizer for {@code dimension} variables: the given settings (keyed by PyTorch name), then the
     * preset's defaults, then PyTorch's.
     *
     * @throws IllegalArgumentException if a setting is unknown to this optimizer, the framework lacks it, or a value
     *                                  is invalid
     */
    public Optimizer create(int dimension, Compat compat, Map<String, ?> given) {
        return factory.apply(dimension, settings(compat, given));
    }

    /** The resolved settings for these given values under a framework's preset. */
    public Settings settings(Compat compat, Map<String, ?> given) {
        for (Map.Entry<String, ?> entry : given.entrySet()) {
            String setting = entry.getKey();
            Hyperparameter declared = declared(setting);
            if (declared == null || declared.convention()) { // what uses() says, without a second look-up
                throw new IllegalArgumentException(name + " does not use " + setting);
            }
            boolean flag = declared.isFlag();
            boolean choice = declared.isChoice();
            if (flag != (entry.getValue() instanceof Boolean) || choice != (entry.getValue() instanceof String)) {
                throw new IllegalArgumentException(name + "'s " + setting + " takes " + (flag ? "true or false"
                        : choice ? "a word" : "a number") + ", not " + entry.getValue());
            }
        }
        Preset preset = preset(compat);
        if (preset.unavailable() != null) {
            throw new IllegalArgumentException(preset.unavailable());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Hyperparameter hyperparameter : hyperparameters) {
            String key = hyperparameter.name();
            Object value = given.containsKey(key) ? given.get(key)
                    : preset.defaults().getOrDefault(key, hyperparameter.defaultValue());
            values.put(key, value);
        }
        return new Settings(values);
    }

    /** The preset for a framework; PyTorch's is empty. */
    public Preset preset(Compat compat) {
        return presets.getOrDefault(compat, Preset.of());
    }

    public boolean uses(String hyperparameter) {
        Hyperparameter declared = declared(hyperparameter);
        return declared != null && !declared.convention();
    }

    /** The hyperparameters a user can set: all but the preset-only conventions. */
    public List<Hyperparameter> options() {
        // loops rather than streams here and above: they run at every start, before the JIT has compiled anything
        List<Hyperparameter> options = new ArrayList<>();
        for (Hyperparameter hyperparameter : hyperparameters) {
            if (!hyperparameter.convention()) {
                options.add(hyperparameter);
            }
        }
        return List.copyOf(options);
    }

    /** The hyperparameter of this name, or null. */
    private Hyperparameter declared(String name) {
        for (Hyperparameter hyperparameter : hyperparameters) {
            if (hyperparameter.name().equals(name)) {
                return hyperparameter;
            }
        }
        return null;
    }

    /** Collects a spec's parts in the order they read best in an optimizer's source. */
    public static final class Builder {
        private final String name;
        private final String rule;
        private final String algorithm;
        private final List<Hyperparameter> hyperparameters = new ArrayList<>();
        private final Map<Compat, Preset> presets = new EnumMap<>(Compat.class);

        private Builder(String name, String rule, String algorithm) {
            this.name = name;
            this.rule = rule;
            this.algorithm = algorithm;
        }

        public Builder number(String hyperparameter, double defaultValue, String meaning) {
            hyperparameters.add(Hyperparameter.number(hyperparameter, defaultValue, meaning));
            return this;
        }

        public Builder flag(String hyperparameter, boolean defaultValue, String meaning) {
            hyperparameters.add(Hyperparameter.flag(hyperparameter, defaultValue, meaning));
            return this;
        }

        public Builder choice(String hyperparameter, String defaultValue, String meaning) {
            hyperparameters.add(Hyperparameter.choice(hyperparameter, defaultValue, meaning));
            return this;
        }

        public Builder convention(String hyperparameter, String meaning) {
            hyperparameters.add(Hyperparameter.convention(hyperparameter, meaning));
            return this;
        }

        public Builder preset(Compat compat, Preset preset) {
            presets.put(compat, preset);
            return this;
        }

        public OptimizerSpec build(BiFunction<Integer, Settings, Optimizer> factory) {
            return new OptimizerSpec(name, rule, algorithm, hyperparameters, presets, factory);
        }
    }
}
