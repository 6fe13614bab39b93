package dev.adagrad.optim;

/**
 * The Adam family's moment estimates, written once (optax's {@code scale_by_adam} state, {@code mu} and {@code nu}):
 * the first moment mₜ ← β₁·mₜ₋₁ + (1 − β₁)·gₜ and, when the optimizer keeps one, the second moment
 * vₜ ← β₂·vₜ₋₁ + (1 − β₂)·gₜ². Adam, AdamW, AMSGrad, NAdam and RAdam take both; Adamax takes the first and keeps its
 * own infinity norm in place of the second.
 *
 * <p>The arrays are state columns {@code m} and {@code v} of the optimizer's table, added in that order where the
 * optimizer creates its moments. Each update says its line to the narrator in the notation of the optimizers'
 * {@code ALGORITHM} blocks, so every optimizer of the family narrates its moments identically.
 */
final class Moments {

    /** β₁: a hyperparameter until OneCycleLR cycles it. */
    private double beta1;
    private final double beta2;
    private final double[] first;
    private final double[] second;

    /** First and second moments, both reported. */
    static Moments both(StateTable state, double beta1, double beta2) {
        return new Moments(state, beta1, beta2, true);
    }

    /** The first moment only (Adamax). */
    static Moments firstOnly(StateTable state, double beta1) {
        return new Moments(state, beta1, Double.NaN, false);
    }

    private Moments(StateTable state, double beta1, double beta2, boolean withSecond) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.first = state.add(StateColumn.FIRST_MOMENT);
        this.second = withSecond ? state.add(StateColumn.SECOND_MOMENT) : null;
    }

    double beta1() {
        return beta1;
    }

    /** Sets β₁ from the next update on (OneCycleLR's cycled beta1). */
    void beta1(double value) {
        beta1 = value;
    }

    /** Updates mᵢ with this step's gradient {@code g} and returns the new mₜ. */
    double updateFirst(int i, double g, Narrator narrator) {
        double previous = first[i];
        double m = beta1 * previous + (1 - beta1) * g;
        first[i] = m;
        if (narrator != null) {
            narrator.line(i, "mₜ", "β₁·mₜ₋₁ + (1 − β₁)·gₜ", "{}·{} + (1 − {})·{}", m, beta1, previous, beta1, g);
        }
        return m;
    }

    /** Updates vᵢ with this step's gradient {@code g} and returns the new vₜ. */
    double updateSecond(int i, double g, Narrator narrator) {
        double previous = second[i];
        double v = beta2 * previous + (1 - beta2) * g * g;
        second[i] = v;
        if (narrator != null) {
            narrator.line(i, "vₜ", "β₂·vₜ₋₁ + (1 − β₂)·gₜ²", "{}·{} + (1 − {})·{}²", v, beta2, previous, beta2, g);
        }
        return v;
    }

    /** The second moment vᵢ as the last update left it. */
    double second(int i) {
        return second[i];
    }
}
