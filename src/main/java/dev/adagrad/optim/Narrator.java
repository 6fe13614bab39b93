package dev.adagrad.optim;

/**
 * Receives the arithmetic of a step as the optimizer does it, for {@code adagrad explain}: one call per line of its
 * algorithm, with the line's symbol and formula in the notation of the optimizer's {@code ALGORITHM} block, the
 * formula with numbers in place of the symbols, and the value it gave.
 *
 * <p>Optimizers take a narrator in {@link Optimizer#step(long, double[], double[], double[], Narrator)} and report
 * from inside the one computation, so the narrated numbers are the ones the step used. A normal run passes
 * {@code null}, and every report is guarded by {@code if (narrator != null)}: no formatting, boxing or varargs array
 * in the per-step loop. Narrators never compute; they format (see {@code dev.adagrad.output.ExplainWriter}).
 */
public interface Narrator {

    /** The {@code variable} of a line that holds for every variable (a bias correction, NAdam's μₜ). */
    int WHOLE_STEP = -1;

    /**
     * One line of the step.
     *
     * @param variable    index of the variable the line is about, or {@link #WHOLE_STEP}
     * @param symbol      what is assigned, e.g. {@code Gₜ}
     * @param formula     the right-hand side in the algorithm's notation, e.g. {@code Gₜ₋₁ + gₜ²}
     * @param substituted the formula with each {@code {}} standing for the next of {@code arguments} as a number
     *                    and {@code {t}} for the next argument as a superscript whole number (a power's exponent),
     *                    e.g. {@code {} + {}²}
     * @param value       what the line computed: for the line of the new θₜ, exactly the new x
     * @param arguments   the numbers for the placeholders, in order
     */
    void line(int variable, String symbol, String formula, String substituted, double value, double... arguments);
}
