package dev.adagrad.optim;

/**
 * A setting outside what its optimizer accepts, told apart so that the command line can name it its own way
 * ({@code --lr}, {@code adam's beta1}): the setting's PyTorch name, the value and the rule it broke.
 */
public final class InvalidSetting extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;
    private final String rule;

    InvalidSetting(String name, double value, String rule) {
        this(name, Hyperparameter.text(value), rule);
    }

    /** A setting that takes a word, e.g. L-BFGS's {@code line_search}. */
    InvalidSetting(String name, String value, String rule) {
        super(name + " must be " + rule + " (got " + value + ")");
        this.name = name;
        this.value = value;
        this.rule = rule;
    }

    /** PyTorch's name of the setting, e.g. {@code lr_decay}. */
    public String name() {
        return name;
    }

    /** The value as people write it: {@code 0}, {@code 1e-8}, {@code wolfe}. */
    public String value() {
        return value;
    }

    /** What the value must be: {@code > 0}, {@code ≥ 0 and < 1}. */
    public String rule() {
        return rule;
    }
}
