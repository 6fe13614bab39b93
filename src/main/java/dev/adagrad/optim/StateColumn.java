package dev.adagrad.optim;

/**
 * A per-variable quantity an optimizer reports each step.
 *
 * @param key      short name, used in CSV/JSON keys as {@code <key>_<variable>} and in multi-variable table headers
 * @param title    column title in the one-variable table ("Learning Rate")
 * @param decimals decimals shown in tables (the full value is always in CSV/JSON)
 * @param meaning  one line for help and documentation
 * @param wholeStep true for a quantity of the whole step rather than of each variable (L-BFGS's evaluations): one
 *                  column {@code <key>} in CSV and JSON Lines, read as the value of variable 0
 */
public record StateColumn(String key, String title, int decimals, String meaning, boolean wholeStep) {

    /** A per-variable column. */
    public StateColumn(String key, String title, int decimals, String meaning) {
        this(key, title, decimals, meaning, false);
    }

    static final StateColumn FIRST_MOMENT = new StateColumn("m", "m", 4, "first moment m");
    static final StateColumn SECOND_MOMENT = new StateColumn("v", "v", 4, "second moment v");
    static final StateColumn SQUARE_AVERAGE = new StateColumn("sq", "Square Avg", 4, "square average of gradients v");
    static final StateColumn MOMENTUM_BUFFER = new StateColumn("buf", "Momentum Buffer", 4, "momentum buffer b");

    /** The effective per-variable learning rate, reported as {@code lr_<v>}; {@code formula} says what it is. */
    static StateColumn learningRate(String formula) {
        return new StateColumn("lr", "Learning Rate", 6, "effective learning rate " + formula);
    }
}
