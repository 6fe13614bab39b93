package dev.adagrad.cli;

import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Hyperparameter;
import dev.adagrad.optim.InvalidSetting;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.optim.Optimizers;
import dev.adagrad.optim.RuleFile;
import dev.adagrad.optim.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The optimizer, the framework whose defaults it takes, and its hyperparameters under PyTorch's names in kebab case.
 *
 * <p>The hyperparameter options are made from the registry ({@link #addHyperparameterOptions}), one per name any
 * optimizer uses, so a new optimizer's new setting becomes an option without touching this class. An option left out
 * takes the chosen optimizer's default under the chosen preset.
 */
public final class OptimizerOptions {

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adagrad",
            description = "The optimizer: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}. "
                    + "'adagrad optimizers' lists them with their options.",
            completionCandidates = Names.class)
    String name;

    @Option(names = "--compat", paramLabel = "FRAMEWORK", defaultValue = "torch",
            description = "Whose defaults and conventions: torch, keras or tfjs. Default: ${DEFAULT-VALUE}.")
    Compat compat;

    /** The hyperparameter options given on the command line, keyed by PyTorch name. */
    private final Map<String, Object> given = new LinkedHashMap<>();

    /** For --help: the registry's names. */
    static final class Names extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        Names() {
            super(Optimizers.names());
        }
    }

    /**
     * Adds to {@code command} one option per hyperparameter name in the registry, in order of first appearance.
     * Plain loops rather than streams: this runs at every start, before the JIT has compiled anything.
     */
    void addHyperparameterOptions(CommandSpec command) {
        Map<String, Hyperparameter> first = new LinkedHashMap<>();
        // per name: each default value's text, and the optimizers that have it, in registry order
        Map<String, Map<String, List<String>>> defaults = new LinkedHashMap<>();
        for (OptimizerSpec spec : Optimizers.all()) {
            for (Hyperparameter hyperparameter : spec.options()) {
                first.putIfAbsent(hyperparameter.name(), hyperparameter);
                defaults.computeIfAbsent(hyperparameter.name(), key -> new LinkedHashMap<>())
                        .computeIfAbsent(Hyperparameter.text(hyperparameter.defaultValue()), key -> new ArrayList<>())
                        .add(spec.name());
            }
        }
        for (Hyperparameter hyperparameter : first.values()) {
            String key = hyperparameter.name();
            ISetter setter = setter(key);
            OptionSpec.Builder option = OptionSpec.builder(hyperparameter.option())
                    .description(description(hyperparameter, defaults.get(key)))
                    .setter(setter);
            if (hyperparameter.isFlag()) {
                option.type(Boolean.class).arity("0..1").fallbackValue("true").paramLabel("BOOL");
            } else if (hyperparameter.isChoice()) {
                option.type(String.class).paramLabel("WORD");
            } else {
                option.type(Double.class).converters(new Numbers.FiniteDouble())
                        .paramLabel(key.toUpperCase(java.util.Locale.ROOT).replace('_', '-'));
            }
            command.addOption(option.build());
        }
    }

    /** What a hyperparameter option does with its value: keeps it in {@link #given} under the PyTorch name. */
    ISetter setter(String key) {
        return new Given(given, key);
    }

    /** The setter of one hyperparameter option; {@link CommandModel} writes its key and makes it again. */
    static final class Given implements ISetter {
        private final Map<String, Object> given;
        final String key;

        private Given(Map<String, Object> given, String key) {
            this.given = given;
            this.key = key;
        }

        @Override
        public <T> T set(T value) {
            if (value == null) {
                given.remove(key);
            } else {
                given.put(key, value);
            }
            return null;
        }
    }

    /** "learning rate γ. Default: 0.001 (sgd, adam, …), 0.01 (adagrad, rmsprop), …" */
    private static String description(Hyperparameter hyperparameter, Map<String, List<String>> byDefault) {
        StringBuilder text = new StringBuilder();
        String meaning = hyperparameter.meaning();
        text.append(Character.toUpperCase(meaning.charAt(0))).append(meaning, 1, meaning.length())
                .append(". Default: ");
        String separator = "";
        for (Map.Entry<String, List<String>> entry : byDefault.entrySet()) {
            text.append(separator).append(entry.getKey()).append(" (").append(String.join(", ", entry.getValue()))
                    .append(')');
            separator = ", ";
        }
        return text.append('.').toString();
    }

    /** The hyperparameter options given on the command line, by hyperparameter name. */
    Map<String, Object> given() {
        return java.util.Collections.unmodifiableMap(given);
    }

    /** Whether any hyperparameter option was given on the command line. */
    boolean hasHyperparameters() {
        return !given.isEmpty();
    }

    /** The chosen optimizer's registry entry. */
    OptimizerSpec spec() {
        return spec(name);
    }

    static OptimizerSpec spec(String name) {
        if (RuleFile.isPath(name)) {
            try {
                return RuleFile.load(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Optional<OptimizerSpec> spec = Optimizers.byName(name.toLowerCase(java.util.Locale.ROOT));
        if (spec.isEmpty()) { // no orElseThrow: its lambda would be linked at every start
            // A likely typo gets its suggestion alone: with the list of all seventeen too, the line passed the
            // 200 characters a message may have, and its end was cut.
            String suggestion = Suggestions.didYouMean(name, Optimizers.names());
            throw new UsageException("unknown optimizer '" + name + "'" + (suggestion.isEmpty()
                    ? " (known: " + String.join(", ", Optimizers.names()) + ")" : suggestion));
        }
        return spec.get();
    }

    /**
     * The chosen optimizer's resolved settings: the options given, then the framework's preset, then PyTorch's
     * defaults. Call after {@link #create(int)}, which reports a misused option as a usage error.
     */
    Settings settings() {
        return spec().settings(compat, given);
    }

    /** Builds the chosen optimizer for {@code dimension} variables; a misused or invalid option is a usage error. */
    Optimizer create(int dimension) {
        try {
            return build(spec(), compat, given, dimension);
        } catch (InvalidSetting e) {
            throw new UsageException(Hyperparameter.option(e.name()) + " must be " + e.rule() + " (got "
                    + e.value() + ")");
        }
    }

    /**
     * Builds {@code spec}'s optimizer with the given settings; a setting it does not use, or an invalid value, is a
     * usage error that says which options it does use.
     */
    static Optimizer create(OptimizerSpec spec, Compat compat, Map<String, Object> given, int dimension) {
        try {
            return build(spec, compat, given, dimension);
        } catch (InvalidSetting e) { // given with --set or a per-optimizer --lr: named as the optimizer's setting
            throw new UsageException(spec.name() + "'s " + e.name() + " must be " + e.rule() + " (got "
                    + e.value() + ")");
        }
    }

    private static Optimizer build(OptimizerSpec spec, Compat compat, Map<String, Object> given, int dimension) {
        for (String hyperparameter : given.keySet()) {
            if (!spec.uses(hyperparameter)) {
                String options = spec.options().stream().map(Hyperparameter::option).collect(Collectors.joining(" "));
                throw new UsageException(spec.name() + " does not use " + Hyperparameter.option(hyperparameter)
                        + "; its options are: " + options);
            }
        }
        try {
            return spec.create(dimension, compat, given);
        } catch (InvalidSetting e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
