package dev.adagrad.expr;

import java.util.List;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;

/**
 * An objective written as an exp4j expression, evaluated at a point given as a {@code double[]} in the order of
 * {@link #variables()}.
 *
 * <p>Not thread-safe (exp4j keeps variable values inside the expression); use {@link #copy()} per thread.
 */
public final class ExpressionObjective implements Objective {

    private final String text;
    private final String[] variables;
    private final Expression expression;

    private ExpressionObjective(String text, String[] variables, Expression expression) {
        this.text = text;
        this.variables = variables;
        this.expression = expression;
    }

    /**
     * Builds the objective for a checked expression with the given variables (see {@link StartPoint}). Implicit
     * multiplication is off, so {@code x1} is always the variable named x1.
     *
     * @throws ExpressionException if exp4j rejects what the syntax check let through
     */
    public static ExpressionObjective compile(ParsedExpression parsed, List<String> variables) {
        return new ExpressionObjective(parsed.text(), variables.toArray(String[]::new), build(parsed));
    }

    /**
     * The exp4j expression for a checked expression, every identifier declared as a variable (a constant such as e
     * keeps its value until it is set), with this project's extra functions.
     *
     * @throws ExpressionException if exp4j rejects what the syntax check let through
     */
    public static Expression build(ParsedExpression parsed) {
        Expression expression;
        try {
            expression = new ExpressionBuilder(parsed.exp4jText())
                    .implicitMultiplication(false)
                    .functions(FunctionTable.extraFunctions())
                    .variables(parsed.identifiers().toArray(String[]::new))
                    .build();
        } catch (RuntimeException e) {
            throw new ExpressionException("exp4j cannot parse it: " + e.getMessage(), parsed.text(), 0);
        }
        ValidationResult validation = expression.validate(false);
        if (!validation.isValid()) {
            throw new ExpressionException("exp4j cannot parse it: " + String.join("; ", validation.getErrors()),
                    parsed.text(), 0);
        }
        return expression;
    }

    /** Checks and compiles in one go: the expression's variables are all its non-constant identifiers. */
    public static ExpressionObjective of(String text) {
        ParsedExpression parsed = ExpressionSyntax.check(text);
        return compile(parsed, parsed.nonConstants());
    }

    /**
     * f(x). Division or remainder by zero gives NaN: exp4j throws for it where IEEE arithmetic would not, and the run
     * reports any non-finite value as such.
     */
    @Override
    public double value(double[] x) {
        for (int i = 0; i < variables.length; i++) {
            expression.setVariable(variables[i], x[i]);
        }
        try {
            return expression.evaluate();
        } catch (ArithmeticException e) {
            return Double.NaN;
        }
    }

    @Override
    public List<String> variables() {
        return List.of(variables);
    }

    @Override
    public int dimension() {
        return variables.length;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public ExpressionObjective copy() {
        return new ExpressionObjective(text, variables, new Expression(expression));
    }
}
