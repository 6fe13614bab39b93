package dev.adagrad.optim;

/**
 * Constructor checks with PyTorch's bounds, each failure an {@link InvalidSetting} naming the setting, its value and
 * the bound ({@code lr must be > 0 (got 0)}), which the command line words with its own names for settings.
 */
final class Check {

    private Check() {
    }

    /** lr &gt; 0. PyTorch accepts 0, which would make a run that never moves. */
    static void learningRate(double lr) {
        if (!(lr > 0)) {
            throw new InvalidSetting("lr", lr, "> 0");
        }
    }

    /** What every Adam-like optimizer requires of its shared settings, in PyTorch's order. */
    static void adamFamily(double lr, double eps, double beta1, double beta2) {
        learningRate(lr);
        atLeastZero("eps", eps);
        unitInterval("beta1", beta1);
        unitInterval("beta2", beta2);
    }

    static void atLeastZero(String name, double value) {
        if (!(value >= 0)) {
            throw new InvalidSetting(name, value, "≥ 0");
        }
    }

    /** 0 ≤ value &lt; 1, as PyTorch requires of each beta. */
    static void unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new InvalidSetting(name, value, "≥ 0 and < 1");
        }
    }

    /** 0 ≤ value ≤ 1, as PyTorch requires of Adadelta's rho. */
    static void closedUnitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidSetting(name, value, "≥ 0 and ≤ 1");
        }
    }
}
