package dev.adagrad.expr;

import java.util.Arrays;
import java.util.List;

/**
 * An objective compiled to JVM bytecode ({@link BytecodeCompiler}): exp4j parses the expression, and the generated
 * code evaluates it over a {@code double[]} with no map, no boxing and no allocation, giving exp4j's results bit for
 * bit. It also computes the exact gradient by reverse-mode automatic differentiation.
 *
 * <p>Stateless and thread-safe: {@link #copy()} returns this object.
 */
public final class CompiledObjective implements DifferentiableObjective {

    private final String text;
    private final List<String> variables;
    private final CompiledCode code;
    /** The tree the code was compiled from, for the exact Hessian ({@link ExactHessian}). */
    private final ExpressionTree tree;

    private CompiledObjective(String text, List<String> variables, CompiledCode code, ExpressionTree tree) {
        this.text = text;
        this.variables = List.copyOf(variables);
        this.code = code;
        this.tree = tree;
    }

    ExpressionTree tree() {
        return tree;
    }

    /**
     * Compiles a checked expression over the given variables (see {@link StartPoint}). An expression too large for
     * one JVM method ({@link BytecodeCompiler#MAX_NODES} nodes) is evaluated by exp4j instead, which gives the same
     * values but no exact gradient.
     *
     * @throws ExpressionException if exp4j cannot parse what the syntax check let through
     */
    public static Objective compile(ParsedExpression parsed, List<String> variables) {
        ExpressionTree tree = ExpressionTree.parse(parsed, variables);
        CompiledCode code = BytecodeCompiler.compile(tree);
        if (code == null) {
            return ExpressionObjective.compile(parsed, variables);
        }
        return new CompiledObjective(parsed.text(), variables, code, tree);
    }

    /** Checks and compiles in one go: the expression's variables are all its non-constant identifiers. */
    public static Objective of(String text) {
        ParsedExpression parsed = ExpressionSyntax.check(text);
        return compile(parsed, parsed.identifiers().stream()
                .filter(identifier -> !FunctionTable.CONSTANTS.contains(identifier))
                .toList());
    }

    /** f(x). Division or remainder by zero, and cot where tan x = 0, make it NaN, as with exp4j. */
    @Override
    public double value(double[] x) {
        return code.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        return code.valueAndGradient(x, gradient);
    }

    /** Called by the generated code where exp4j would throw: every component of the gradient is NaN, and so is f. */
    static double poisoned(double[] gradient) {
        Arrays.fill(gradient, Double.NaN);
        return Double.NaN;
    }

    @Override
    public List<String> variables() {
        return variables;
    }

    @Override
    public int dimension() {
        return variables.size();
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public CompiledObjective copy() {
        return this;
    }
}
