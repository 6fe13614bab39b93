package dev.adagrad.expr;

import java.util.List;

/**
 * The function being minimised, evaluated at a point given as a {@code double[]} in the order of
 * {@link #variables()}. An implementation may keep scratch state, so it is not thread-safe: use {@link #copy()} per
 * thread.
 */
public interface Objective {

    /** f(x); a value that is not a real number (division by zero, log of a negative) is NaN. */
    double value(double[] x);

    /** The variables, in the order of the point's coordinates. */
    List<String> variables();

    default int dimension() {
        return variables().size();
    }

    /** What the user wrote, for titles and messages. */
    String text();

    /** An independent copy for use on another thread. */
    Objective copy();

    /** The expression compiled to bytecode, see {@link CompiledObjective#compile}. */
    static Objective compile(ParsedExpression parsed, List<String> variables) {
        return CompiledObjective.compile(parsed, variables);
    }

    /** See {@link CompiledObjective#of}. */
    static Objective of(String text) {
        return CompiledObjective.of(text);
    }
}
