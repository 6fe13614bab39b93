package dev.adagrad.optim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An optimizer's hyperparameters with every value resolved: the user's where given, the default elsewhere. */
public final class Settings {

    private final Map<String, Object> values;

    Settings(List<Hyperparameter> hyperparameters, Map<String, ?> given) {
        values = new LinkedHashMap<>();
        for (Hyperparameter hyperparameter : hyperparameters) {
            Object value = given.get(hyperparameter.name());
            values.put(hyperparameter.name(), value != null ? value : hyperparameter.defaultValue());
        }
    }

    public double number(String name) {
        return (Double) require(name);
    }

    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    /** Every setting in declaration order, for descriptions of a run. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no hyperparameter named " + name);
        }
        return value;
    }
}
