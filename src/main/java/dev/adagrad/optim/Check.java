package dev.adagrad.optim;

/**
 * Constructor checks with PyTorch's wording ({@code Invalid learning rate: -1.0}), plus the bound that was broken.
 */
final class Check {

    private Check() {
    }

    /** lr &gt; 0. PyTorch accepts 0, which would make a run that never moves. */
    static void learningRate(double lr) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("Invalid learning rate: " + lr + " (must be > 0)");
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
            throw new IllegalArgumentException(invalid(name, value) + " (must be ≥ 0)");
        }
    }

    /** 0 ≤ value &lt; 1, as PyTorch requires of each beta. */
    static void unitInterval(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(invalid(name, value) + " (must be ≥ 0 and < 1)");
        }
    }

    /** 0 ≤ value ≤ 1, as PyTorch requires of Adadelta's rho. */
    static void closedUnitInterval(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(invalid(name, value) + " (must be ≥ 0 and ≤ 1)");
        }
    }

    private static String invalid(String name, double value) {
        return "Invalid " + (name.equals("eps") ? "epsilon" : name) + " value: " + value;
    }
}
