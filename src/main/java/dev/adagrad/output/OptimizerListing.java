package dev.adagrad.output;

import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Hyperparameter;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.optim.StateColumn;
import java.util.List;
import java.util.Map;

/** The texts of {@code adagrad optimizers}: the list of all, and one optimizer in full. */
public final class OptimizerListing {

    private OptimizerListing() {
    }

    /** Each optimizer: name and rule on one line, its options with their defaults under {@code compat} below. */
    public static String list(List<OptimizerSpec> optimizers, Compat compat) {
        int width = optimizers.stream().mapToInt(spec -> spec.name().length()).max().orElse(0) + 2;
        StringBuilder text = new StringBuilder();
        for (OptimizerSpec spec : optimizers) {
            text.append(spec.name()).append(" ".repeat(width - spec.name().length())).append(spec.rule()).append('\n');
            text.append(" ".repeat(width)).append(options(spec, compat)).append('\n');
        }
        text.append("\n'adagrad optimizers NAME' shows one in full; --compat keras|tfjs shows those defaults.\n");
        return text.toString();
    }

    /** One optimizer: its rule, the algorithm, each option with default and meaning, presets and output columns. */
    public static String describe(OptimizerSpec spec, Compat compat, List<StateColumn> stateColumns) {
        StringBuilder text = new StringBuilder();
        text.append(spec.name()).append(": ").append(spec.rule()).append("\n\n");
        text.append(spec.algorithm().stripTrailing().indent(2)).append('\n');
        String unavailable = spec.preset(compat).unavailable();
        if (unavailable != null) {
            text.append(unavailable).append("; the options below are PyTorch's.\n");
        }
        Map<String, Object> defaults = defaults(spec, unavailable == null ? compat : Compat.torch);
        text.append("Options (defaults under ").append(unavailable == null ? compat : Compat.torch).append("):\n");
        int width = spec.options().stream().mapToInt(h -> usage(h, defaults).length()).max().orElse(0) + 3;
        for (Hyperparameter hyperparameter : spec.options()) {
            String usage = usage(hyperparameter, defaults);
            text.append("  ").append(usage).append(" ".repeat(width - usage.length()))
                    .append(hyperparameter.meaning()).append('\n');
        }
        text.append("\nPresets (--compat):\n");
        for (Compat framework : Compat.values()) {
            OptimizerSpec.Preset preset = spec.preset(framework);
            String what = preset.unavailable() != null ? preset.unavailable()
                    : preset.defaults().isEmpty() ? "PyTorch's defaults" : settings(preset.defaults());
            text.append("  ").append(String.format("%-7s", framework)).append(what).append('\n');
        }
        text.append("\nColumns per variable v in CSV and JSON Lines, after v and grad_v and before update_v, with "
                + "default settings:");
        if (stateColumns.isEmpty()) {
            text.append(" none");
        }
        int keyWidth = stateColumns.stream().mapToInt(column -> column.key().length()).max().orElse(0) + 4;
        for (StateColumn column : stateColumns) {
            String key = column.wholeStep() ? column.key() : column.key() + "_v";
            text.append("\n  ").append(key).append(" ".repeat(keyWidth - key.length())).append(column.meaning());
        }
        return text.append('\n').toString();
    }

    private static String options(OptimizerSpec spec, Compat compat) {
        OptimizerSpec.Preset preset = spec.preset(compat);
        if (preset.unavailable() != null) {
            return "(" + preset.unavailable() + ")";
        }
        Map<String, Object> defaults = defaults(spec, compat);
        StringBuilder text = new StringBuilder();
        for (Hyperparameter hyperparameter : spec.options()) {
            text.append(text.length() == 0 ? "" : "  ").append(usage(hyperparameter, defaults));
        }
        return text.toString();
    }

    private static Map<String, Object> defaults(OptimizerSpec spec, Compat compat) {
        return spec.settings(compat, Map.of()).asMap();
    }

    private static String usage(Hyperparameter hyperparameter, Map<String, Object> defaults) {
        return hyperparameter.option() + " " + Hyperparameter.text(defaults.get(hyperparameter.name()));
    }

    private static String settings(Map<String, Object> values) {
        StringBuilder text = new StringBuilder();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> text
                .append(text.length() == 0 ? "" : ", ").append(entry.getKey()).append(' ')
                .append(Hyperparameter.text(entry.getValue())));
        return text.toString();
    }
}
