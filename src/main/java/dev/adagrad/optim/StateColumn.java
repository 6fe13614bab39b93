package dev.adagrad.optim;

/**
 * A per-variable quantity an optimizer reports each step.
 *
 * @param key      short name, used in CSV/JSON keys as {@code <key>_<variable>} and in multi-variable table headers
 * @param title    column title in the one-variable table ("Learning Rate")
 * @param decimals decimals shown in tables (the full value is always in CSV/JSON)
 * @param meaning  one line for help and documentation
 */
public record StateColumn(String key, String title, int decimals, String meaning) {
}
