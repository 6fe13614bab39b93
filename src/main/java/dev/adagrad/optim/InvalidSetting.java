package dev.adagrad.optim;

/**
 * A setting outside what its optimizer accepts, told apart so that the command line can name it its own way
 * ({@code --lr}, {@code adam's beta1}): the setting's PyTorch name, the value and the rule it broke.
 */
public final class InvalidSetting extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final double value;
    private final String rule;

    InvalidSetting(String name, double value, String rule) {
        super(name + " must be " + rule + " (got " + Hyperparameter.text(value) + ")");
        this.name = name;
        this.value = value;
        this.rule = rule;
    }

    /** PyTorch's name of the setting, e.g. {@code lr_decay}. */
    public String name() {
        return name;
    }

    public double value() {
        return value;
    }

    /** What the value must be: {@code > 0}, {@code ≥ 0 and < 1}. */
    public String rule() {
        return rule;
    }
}
