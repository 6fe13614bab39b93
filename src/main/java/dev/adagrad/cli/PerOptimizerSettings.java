package dev.adagrad.cli;

import dev.adagrad.optim.RuleFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compare's per-optimizer settings: {@code --lr 0.01}, {@code --lr adam=0.05,sgd=0.001} (a bare number is the rate of
 * every optimizer not named) and {@code --set adam.beta1=0.8}, resolved into PyTorch-named settings per optimizer.
 */
final class PerOptimizerSettings {

    private PerOptimizerSettings() {
    }

    /**
     * @param optimizers   the optimizers compared, in order
     * @param learningRate the --lr text, or null for each optimizer's default
     * @param sets         the --set items, {@code optimizer.setting=value}
     * @return for every optimizer, the settings given (possibly none)
     */
    static Map<String, Map<String, Object>> parse(List<String> optimizers, String learningRate, List<String> sets) {
        if (optimizers.isEmpty() || optimizers.stream().anyMatch(String::isBlank)) {
            throw new UsageException("--optimizers has an empty name: give a list such as sgd,adam");
        }
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        for (String optimizer : optimizers) {
            if (settings.put(optimizer, new LinkedHashMap<>()) != null) {
                throw new UsageException("--optimizers names " + optimizer + " twice");
            }
        }
        if (learningRate != null) {
            learningRates(learningRate, settings);
        }
        for (String item : sets) {
            set(item, settings);
        }
        return settings;
    }

    private static void learningRates(String text, Map<String, Map<String, Object>> settings) {
        Double shared = null;
        Map<String, Double> named = new LinkedHashMap<>();
        for (String item : text.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                if (shared != null) {
                    throw new UsageException("--lr gives more than one shared rate ('" + text + "'); name the "
                            + "others, as in --lr 0.01,adam=0.05");
                }
                shared = number("--lr", item);
                continue;
            }
            String optimizer = key(item.substring(0, equals).strip(), settings);
            known(optimizer, settings, "--lr");
            if (named.put(optimizer, number("--lr " + optimizer, item.substring(equals + 1))) != null) {
                throw new UsageException("--lr gives " + optimizer + " twice");
            }
        }
        for (Map.Entry<String, Map<String, Object>> entry : settings.entrySet()) {
            Double rate = named.getOrDefault(entry.getKey(), shared);
            if (rate != null) {
                entry.getValue().put("lr", rate);
            }
        }
    }

    private static void set(String item, Map<String, Map<String, Object>> settings) {
        int equals = item.indexOf('=');
        // A rule file's path has dots of its own (my/adagrad.opt.eps=…): the longest optimizer named before a dot.
        String named = null;
        for (String optimizer : settings.keySet()) {
            for (String name : List.of(optimizer, ruleName(optimizer))) {
                if (item.startsWith(name + ".") && (named == null || name.length() > named.length())) {
                    named = name;
                }
            }
        }
        int dot = named != null ? named.length() : item.indexOf('.');
        if (dot < 1 || equals < dot + 2) {
            throw new UsageException("--set '" + item + "' is not of the form optimizer.setting=value, "
                    + "as in adam.beta1=0.8");
        }
        String optimizer = key(item.substring(0, dot).strip(), settings);
        known(optimizer, settings, "--set");
        String setting = item.substring(dot + 1, equals).strip().replace('-', '_');
        String value = item.substring(equals + 1).strip();
        Object parsed = value.equals("true") || value.equals("false") ? Boolean.valueOf(value)
                : number("--set " + optimizer + "." + setting, value);
        if (settings.get(optimizer).put(setting, parsed) != null) {
            throw new UsageException("--lr and --set, or two --set, both give " + optimizer + "." + setting);
        }
    }

    /** A rule file's own name (its name: line) stands for its path in --optimizers. */
    private static String key(String name, Map<String, Map<String, Object>> settings) {
        if (settings.containsKey(name)) {
            return name;
        }
        for (String optimizer : settings.keySet()) {
            if (ruleName(optimizer).equals(name)) {
                return optimizer;
            }
        }
        return name;
    }

    private static String ruleName(String optimizer) {
        return RuleFile.isPath(optimizer) ? OptimizerOptions.spec(optimizer).name() : optimizer;
    }

    private static void known(String optimizer, Map<String, Map<String, Object>> settings, String option) {
        if (!settings.containsKey(optimizer)) {
            throw new UsageException(option + " names " + optimizer + ", which is not in --optimizers ("
                    + String.join(",", settings.keySet()) + ")");
        }
    }

    private static double number(String what, String text) {
        try {
            return Numbers.parseFinite(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(what + ": " + e.getMessage());
        }
    }
}
