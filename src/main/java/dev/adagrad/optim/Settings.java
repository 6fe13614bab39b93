package dev.adagrad.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** An optimizer's hyperparameters with every value resolved: the user's, else the preset's, else PyTorch's. */
public final class Settings {

    private final Map<String, Object> values;

    Settings(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public double number(String name) {
        return (Double) require(name);
    }

    /** A choice's word ({@link Hyperparameter#choice}). */
    public String text(String name) {
        return (String) require(name);
    }

    public boolean flag(String name) {
        return (Boolean) require(name);
    }

    /** Every setting in declaration order, for descriptions of a run. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("no hyperparameter named " + name);
        }
        return value;
    }
}
