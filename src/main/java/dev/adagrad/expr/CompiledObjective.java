package dev.adagrad.expr;

import java.util.Arrays;
import java.util.List;

/**
 * An objective compiled to JVM bytecode ({@link BytecodeCompiler}): exp4j parses the expression, and the generated
 * code evaluates it over a {@code double[]} with no map, no boxing and no allocation, giving exp4j's results bit for
 * bit. It also computes the exact gradient by reverse-mode automatic differentiation.
 *
 * <p>An expression compiled into one method is stateless and thread-safe: {@link #copy()} returns this object. A
 * larger one, cut into segments ({@link BytecodeCompiler}), keeps the values its segments pass to one another in
 * tapes of its own, so each thread needs its own {@link #copy()}, which shares the code.
 */
public final class CompiledObjective implements DifferentiableObjective {

    private final String text;
    private final List<String> variables;
    private final CompiledCode code;
    private final int[] tapeLengths;
    private final double[][] tapes;
    private final boolean termwise;
    /** The tree the code was compiled from, for the exact Hessian ({@link ExactHessian}). */
    private final ExpressionTree tree;

    private CompiledObjective(String text, List<String> variables, CompiledCode code, int[] tapeLengths,
                              boolean termwise, ExpressionTree tree) {
        this.tree = tree;
        this.text = text;
        this.termwise = termwise;
        this.variables = List.copyOf(variables);
        this.code = code;
        this.tapeLengths = tapeLengths;
        if (tapeLengths == null) {
            tapes = null;
        } else {
            tapes = new double[tapeLengths.length][];
            for (int s = 0; s < tapeLengths.length; s++) {
                tapes[s] = new double[tapeLengths[s]];
            }
        }
    }

    ExpressionTree tree() {
        return tree;
    }

    /**
     * Compiles a checked expression over the given variables (see {@link StartPoint}), whatever its size.
     *
     * @throws ExpressionException if exp4j cannot parse what the syntax check let through
     */
    public static CompiledObjective compile(ParsedExpression parsed, List<String> variables) {
        ExpressionTree tree = ExpressionTree.parse(parsed, variables);
        BytecodeCompiler.Program program = BytecodeCompiler.compile(tree);
        return new CompiledObjective(parsed.text(), variables, BytecodeCompiler.load(program),
                program.tapeLengths(), program.termwise(), tree);
    }

    /** Compiled as {@code program} ({@link BytecodeCompiler#compileSegmented}, for tests). */
    static CompiledObjective of(ParsedExpression parsed, List<String> variables, BytecodeCompiler.Program program) {
        return new CompiledObjective(parsed.text(), variables, BytecodeCompiler.load(program), program.tapeLengths(),
                program.termwise(), ExpressionTree.parse(parsed, variables));
    }

    /** Checks and compiles in one go: the expression's variables are all its non-constant identifiers. */
    public static CompiledObjective of(String text) {
        ParsedExpression parsed = ExpressionSyntax.check(text);
        return compile(parsed, parsed.nonConstants());
    }

    /** f(x). Division or remainder by zero, and cot where tan x = 0, make it NaN, as with exp4j. */
    @Override
    public double value(double[] x) {
        return code.value(x, tapes);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        return code.valueAndGradient(x, gradient, tapes);
    }

    /**
     * Central differences into {@code gradient}, as {@link CentralDifference} documents, if this expression has them
     * generated (a sum of terms with {@link BytecodeCompiler#TERMWISE_FROM} variables or more, term by term; a small
     * f below that, whole); false, and nothing written, if not.
     *
     * @param fixedStep the step h for every variable, or NaN for the scaled steps
     */
    boolean centralDifferences(double[] x, double fixedStep, double[] gradient) {
        if (!termwise) {
            return false;
        }
        code.centralDifferences(x, fixedStep, gradient);
        return true;
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
        return tapes == null ? this : new CompiledObjective(text, variables, code, tapeLengths, termwise, tree);
    }
}
