package dev.adagrad.optim;

import java.util.List;

/**
 * One optimization algorithm with its state for a problem of fixed dimension.
 *
 * <p>State is created once, in the constructor; {@link #step} then runs in place over {@code double[]} and allocates
 * nothing, so a million-step run costs no garbage. With a {@link Narrator} it also says what it does, line by line.
 */
public interface Optimizer {

    /** The per-variable quantities this optimizer reports after each step, in output order. */
    List<StateColumn> stateColumns();

    /**
     * Performs step {@code t} (1-based): reads the gradient of f at x<sub>t−1</sub>, updates its state, replaces
     * {@code x} by x<sub>t</sub> and writes x<sub>t−1</sub> − x<sub>t</sub>, as the algorithm computed it, into
     * {@code update}. {@code gradient} is not modified.
     */
    default void step(long t, double[] x, double[] gradient, double[] update) {
        step(t, x, gradient, update, null);
    }

    /**
     * {@link #step(long, double[], double[], double[])}, reporting each line of the algorithm with its numbers to
     * {@code narrator} when it is not null ({@code adagrad explain}). The one computation serves both: with a
     * narrator the step leaves x, the update and the state bitwise as without one, and for each variable its last
     * line is θₜ, whose value is the new x.
     */
    default void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator) {
        step(t, x, gradient, update, narrator, null, x.length);
    }

    /**
     * The step restricted to the variables {@code active[0]}, …, {@code active[count − 1]} (every variable when
     * {@code active} is null and count is the dimension), with their gradient packed: {@code gradient[k]} and
     * {@code update[k]} belong to variable {@code active[k]}, so a sparse step touches no array of the dimension's
     * length but x and the state. Each of them is updated exactly as in a full step, with the same {@code t}; every
     * other variable and its state are left as they are.
     *
     * <p>For an optimizer that {@link #skipsZeroGradients()}, a step over the variables whose gradient is not 0 is
     * bitwise the full step; that is how sparse data is trained in time proportional to its nonzeros. For the others
     * it is a different algorithm, the lazy one of {@code torch.optim.SparseAdam}: the state of an absent feature
     * does not decay, and its weight does not move.
     */
    void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active, int count);

    /**
     * Whether the step evaluates the objective itself (L-BFGS's line search, Newton's Hessian): then the loop calls
     * {@link #step(long, double[], double, double[], double[], Narrator, Closure)} with a closure. See
     * {@link ClosureOptimizer}.
     */
    default boolean evaluatesInStep() {
        return false;
    }

    /** Whether the step calls {@link Closure#hessian}. */
    default boolean needsHessian() {
        return false;
    }

    /**
     * Step {@code t} given also f(xₜ₋₁) and a closure to evaluate the objective elsewhere; an optimizer that does not
     * {@link #evaluatesInStep() evaluate in its step} takes its element-wise step.
     */
    default void step(long t, double[] x, double f, double[] gradient, double[] update, Narrator narrator,
                      Closure closure) {
        step(t, x, gradient, update, narrator);
    }

    /**
     * Whether a variable whose gradient is exactly 0 keeps its value and its state (all but the reported learning
     * rate) bitwise in a step, so that a step may skip it. True for plain SGD and for AdaGrad without weight decay;
     * false for anything with momentum or a moving average, which moves a variable even when its gradient is 0.
     */
    default boolean skipsZeroGradients() {
        return false;
    }

    /**
     * The learning rate γ the next step uses, PyTorch's {@code param_group['lr']}: what a learning-rate schedule reads
     * and sets between steps.
     */
    double learningRate();

    /** Whether there is a learning rate for a schedule to set (a rule file may have none). */
    default boolean hasLearningRate() {
        return true;
    }

    /** Sets the learning rate γ from the next step on (a schedule's new value); state and steps taken are kept. */
    void learningRate(double rate);

    /**
     * The hyperparameter torch 1.13's {@code OneCycleLR} cycles when {@code cycle_momentum} is on, chosen as torch
     * chooses it from the optimizer's defaults: {@code "beta1"} for an optimizer with betas (the Adam family, Lion),
     * else {@code "momentum"} for one with a momentum (SGD, RMSprop); null for the others, which have nothing to cycle.
     */
    default String cycledMomentum() {
        return null;
    }

    /** The current value of {@link #cycledMomentum()}; NaN when there is none. */
    default double momentum() {
        return Double.NaN;
    }

    /**
     * Sets {@link #cycledMomentum()} from the next step on, allocating nothing: a schedule's value, as torch's
     * OneCycleLR sets {@code group['momentum']} or {@code group['betas'][0]}. The first call comes when the schedule
     * starts, before the first step; from then on any state the value needs is kept and reported (SGD's and RMSprop's
     * momentum buffer, even when their momentum was 0, as torch then keeps one).
     *
     * @throws UnsupportedOperationException if {@link #cycledMomentum()} is null
     */
    default void momentum(double value) {
        throw new UnsupportedOperationException("no momentum or beta1 to set");
    }

    /**
     * Called by the loop after each step (or, in {@code fit}, each epoch) with f there: a {@link Scheduled} optimizer
     * takes its schedule's step, as torch's {@code scheduler.step()} follows {@code optimizer.step()}. Nothing else
     * does anything.
     */
    default void stepSchedule(double f) {
    }

    /** The value of state column {@code column} (an index into {@link #stateColumns()}) for variable {@code variable}. */
    double state(int column, int variable);

    /**
     * The arrays behind the state columns, one per column, live (the optimizer updates them in place), for copying a
     * row without a call per value; null if the state is not kept in arrays (then {@link #state} reads it).
     */
    default double[][] stateArrays() {
        return null;
    }
}
