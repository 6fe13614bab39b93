package dev.adagrad.expr;

/**
 * What {@link BytecodeCompiler} generates for one expression. Stateless: one instance serves every thread, each
 * with its own tapes (the {@code double[]} per segment where a large expression's segments pass values; null for an
 * expression compiled into one method).
 */
interface CompiledCode {

    /** f(x), with x in the order of the objective's variables. */
    double value(double[] x, double[][] tapes);

    /** f(x), with ∇f(x) written into {@code gradient} (all NaN, like f, where exp4j would throw). */
    double valueAndGradient(double[] x, double[] gradient, double[][] tapes);

    /**
     * Central differences ({@link CentralDifference}), generated for a sum of terms with
     * {@link BytecodeCompiler#TERMWISE_FROM} variables or more (term by term), and for a small f below that (whole).
     */
    default void centralDifferences(double[] x, double fixedStep, double[] gradient) {
        throw new UnsupportedOperationException("no generated differences for this expression");
    }
}
