package dev.adagrad.expr;

/** What {@link BytecodeCompiler} generates for one expression. Stateless: one instance serves every thread. */
interface CompiledCode {

    /** f(x), with x in the order of the objective's variables. */
    double value(double[] x);

    /** f(x), with ∇f(x) written into {@code gradient} (all NaN, like f, where exp4j would throw). */
    double valueAndGradient(double[] x, double[] gradient);
}
