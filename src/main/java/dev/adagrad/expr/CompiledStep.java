package dev.adagrad.expr;

/**
 * A rule file's whole step as one generated method ({@link StepCompiler}): the loop over the variables, every
 * assignment and report inside it, the state arrays and hyperparameters passed in. Stateless: one instance serves
 * every optimizer of the rule, on any thread.
 */
public interface CompiledStep {

    /**
     * Step {@code t} over the variables {@code active[0]}, …, {@code active[count − 1]} (all, in order, when
     * {@code active} is null): for variable i with packed index k, g = gradient[k], x = x[i] and each state s =
     * states[s][i] go in; the assignments run in order; x[i], the states and update[k] come out, and reports[r][i]
     * is report r computed from the new values.
     *
     * @param hyperparameters the values of the hyperparameters, in slot order (a schedule's lr already in place)
     */
    void step(double t, double[] hyperparameters, double[] x, double[] gradient, double[] update, double[][] states,
              double[][] reports, int[] active, int count);
}
