package dev.adagrad.optim;

/**
 * A setting of an optimizer, under PyTorch's name (the command line uses it in kebab case: {@code lr_decay} is
 * {@code --lr-decay}).
 *
 * <p>A convention is a switch that no PyTorch optimizer has but another framework's does (Keras adds epsilon to
 * √vₜ before bias correction); only a {@link Compat} preset sets it, so it is not an option.
 *
 * @param name         PyTorch's name, e.g. {@code initial_accumulator_value}
 * @param defaultValue a {@link Double}, a {@link Boolean} or, for a choice among words, a {@link String}: PyTorch's
 *                     default
 * @param meaning      one line for help and documentation
 * @param convention   true for a preset-only switch
 */
public record Hyperparameter(String name, Object defaultValue, String meaning, boolean convention) {

    public static Hyperparameter number(String name, double defaultValue, String meaning) {
        return new Hyperparameter(name, defaultValue, meaning, false);
    }

    public static Hyperparameter flag(String name, boolean defaultValue, String meaning) {
        return new Hyperparameter(name, defaultValue, meaning, false);
    }

    /** A setting that takes one of a few words, e.g. L-BFGS's {@code line_search}: strong_wolfe or none. */
    public static Hyperparameter choice(String name, String defaultValue, String meaning) {
        return new Hyperparameter(name, defaultValue, meaning, false);
    }

    public boolean isChoice() {
        return defaultValue instanceof String;
    }

    public static Hyperparameter convention(String name, String meaning) {
        return new Hyperparameter(name, Boolean.FALSE, meaning, true);
    }

    public boolean isFlag() {
        return defaultValue instanceof Boolean;
    }

    /** The command-line option for this setting, e.g. {@code --lr-decay}. */
    public String option() {
        return option(name);
    }

    /** The command-line option for a PyTorch name: {@code lr_decay} → {@code --lr-decay}. */
    public static String option(String name) {
        return "--" + name.replace('_', '-');
    }

    /** The value as people write it: {@code 0.001}, {@code 1e-08}, {@code true}. */
    public static String text(Object value) {
        if (value instanceof Double number) {
            double v = number;
            if (v == Math.rint(v) && Math.abs(v) < 1e6) {
                return Long.toString((long) v);
            }
            String plain = java.math.BigDecimal.valueOf(v).toPlainString();
            return plain.length() <= 7 ? plain : Double.toString(v).replace(".0E", "e").replace('E', 'e');
        }
        return String.valueOf(value);
    }
}
