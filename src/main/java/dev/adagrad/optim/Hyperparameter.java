package dev.adagrad.optim;

/**
 * A setting of an optimizer, under PyTorch's name (the command line uses it in kebab case: {@code lr_decay} is
 * {@code --lr-decay}).
 *
 * @param name         PyTorch's name, e.g. {@code initial_accumulator_value}
 * @param defaultValue a {@link Double} or a {@link Boolean}
 * @param meaning      one line for help and documentation
 */
public record Hyperparameter(String name, Object defaultValue, String meaning) {

    public static Hyperparameter number(String name, double defaultValue, String meaning) {
        return new Hyperparameter(name, defaultValue, meaning);
    }

    public static Hyperparameter flag(String name, String meaning) {
        return new Hyperparameter(name, Boolean.FALSE, meaning);
    }

    public boolean isFlag() {
        return defaultValue instanceof Boolean;
    }

    /** The command-line option for this setting, e.g. {@code --lr-decay}. */
    public String option() {
        return "--" + name.replace('_', '-');
    }
}
