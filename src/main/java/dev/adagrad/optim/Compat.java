package dev.adagrad.optim;

/**
 * Whose defaults and conventions an optimizer follows. PyTorch's are the reference; the others change defaults and,
 * where the framework's formula differs, a convention. README.md has the table of every difference.
 */
public enum Compat {
    /** PyTorch's torch.optim: the documented algorithms and defaults. */
    torch("PyTorch"),
    /** Keras 3 (keras.optimizers). */
    keras("Keras"),
    /** TensorFlow.js (tf.train). */
    tfjs("TensorFlow.js");

    private final String framework;

    Compat(String framework) {
        this.framework = framework;
    }

    /** The framework's name as people write it. */
    public String framework() {
        return framework;
    }
}
