package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact gradients against derivatives worked out by hand in this class: every function, the chain rule, products,
 * quotients, powers with a variable exponent, and the documented choices where a derivative does not exist.
 */
class ExactGradientTest {

    /** Rounding differs between the hand formula and the adjoint sums; this is a few units in the last place. */
    private static final double RELATIVE_TOLERANCE = 1e-14;

    /** An expression, its gradient written by hand, and points to check it at. */
    record Case(String text, Function<double[], double[]> gradient, double[]... points) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);

    static Stream<Case> cases() {
        return Stream.of(
                // every function, at points inside its domain
                one("sin(x)", x -> Math.cos(x), 0.3, -2),
                one("cos(x)", x -> -Math.sin(x), 0.3, -2),
                one("tan(x)", x -> 1 / (Math.cos(x) * Math.cos(x)), 0.3, -1.2),
                one("cot(x)", x -> -1 / (Math.sin(x) * Math.sin(x)), 0.3, -1.2),
                one("asin(x)", x -> 1 / Math.sqrt(1 - x * x), 0.3, -0.7),
                one("acos(x)", x -> -1 / Math.sqrt(1 - x * x), 0.3, -0.7),
                one("atan(x)", x -> 1 / (1 + x * x), 0.3, -4),
                one("sinh(x)", x -> Math.cosh(x), 0.3, -4),
                one("cosh(x)", x -> Math.sinh(x), 0.3, -4),
                one("tanh(x)", x -> 1 / (Math.cosh(x) * Math.cosh(x)), 0.3, -1.5),
                one("abs(x)", x -> x > 0 ? 1 : -1, 2.5, -3),
                one("log(x)", x -> 1 / x, 0.5, 3),
                one("log10(x)", x -> 1 / (x * LN10), 0.5, 3),
                one("log2(x)", x -> 1 / (x * LN2), 0.5, 3),
                one("log1p(x)", x -> 1 / (1 + x), 0.5, -0.3),
                one("ceil(x)", x -> 0, 0.5, -2.5),
                one("floor(x)", x -> 0, 0.5, -2.5),
                one("signum(x)", x -> 0, 0.5, -2.5),
                one("sqrt(x)", x -> 0.5 / Math.sqrt(x), 0.5, 9),
                one("cbrt(x)", x -> 1 / (3 * Math.cbrt(x) * Math.cbrt(x)), 0.5, -8),
                one("exp(x)", x -> Math.exp(x), 0.5, -3),
                one("expm1(x)", x -> Math.exp(x), 0.5, -3),
                // σ'(x) = e^−x / (1 + e^−x)², softplus'(x) = 1 / (1 + e^−x), relu' = 1 above 0 and 0 below
                one("sigmoid(x)", x -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x))), 0.5, -3),
                one("softplus(x)", x -> 1 / (1 + Math.exp(-x)), 0.5, -3),
                one("relu(x)", x -> x > 0 ? 1 : 0, 0.5, -3),
                two("pow(x,y)", (x, y) -> new double[] {y * Math.pow(x, y - 1), Math.pow(x, y) * Math.log(x)},
                        p(2, 3), p(0.5, -1.5)),
                two("max(x,y)", (x, y) -> x > y ? p(1, 0) : p(0, 1), p(2, 1), p(-3, 4)),
                two("min(x,y)", (x, y) -> x < y ? p(1, 0) : p(0, 1), p(2, 1), p(-3, 4)),
                // operators
                two("x+y", (x, y) -> p(1, 1), p(2, 3)),
                two("x-y", (x, y) -> p(1, -1), p(2, 3)),
                two("x*y", (x, y) -> p(y, x), p(2, 3), p(-0.5, 7)),
                two("x/y", (x, y) -> p(1 / y, -x / (y * y)), p(2, 3), p(-0.5, 7)),
                two("x%y", (x, y) -> p(1, -(double) (long) (x / y)), p(7.5, 2), p(-7.5, 2), p(1, 3)),
                two("x^y", (x, y) -> p(y * Math.pow(x, y - 1), Math.pow(x, y) * Math.log(x)), p(2, 3), p(1.5, -0.5)),
                one("-x", x -> -1, 2),
                one("+x", x -> 1, 2),
                one("-x^2", x -> -2 * x, 3),
                one("2^x", x -> Math.pow(2, x) * LN2, 3, -0.5),
                one("x^3", x -> 3 * x * x, 3, -0.5),
                one("x^-2", x -> -2 / (x * x * x), 3, -0.5),
                one("x^0.5", x -> 0.5 / Math.sqrt(x), 3, 0.25),
                one("x", x -> 1, 3),
                one("x*e", x -> Math.E, 3),
                one("3", x -> 0, 3),
                // chain rule, products and quotients
                two("sin(x*y)", (x, y) -> p(y * Math.cos(x * y), x * Math.cos(x * y)), p(0.3, 2), p(-1, 0.5)),
                one("exp(-x^2/2)", x -> -x * Math.exp(-x * x / 2), 0.7, -1.3),
                one("log(1+exp(x))", x -> 1 / (1 + Math.exp(-x)), 0.7, -1.3),
                one("x*sin(x)", x -> Math.sin(x) + x * Math.cos(x), 0.7, -1.3),
                one("sin(x)/x", x -> (x * Math.cos(x) - Math.sin(x)) / (x * x), 0.7, -1.3),
                one("sqrt(1+x^2)", x -> x / Math.sqrt(1 + x * x), 0.7, -1.3),
                one("x^x", x -> Math.pow(x, x) * (Math.log(x) + 1), 0.7, 2.5),
                two("x^y^2", (x, y) -> p(y * y * Math.pow(x, y * y - 1), Math.pow(x, y * y) * Math.log(x) * 2 * y),
                        p(1.5, 0.8)),
                two("(1-x)^2+100*(y-x^2)^2", (x, y) -> p(-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
                        p(-1.2, 1), p(0.5, 0.3)),
                two("atan(y/x)", (x, y) -> p(-y / (x * x + y * y), x / (x * x + y * y)), p(1, 2), p(-3, 0.5)),
                two("x*y*x", (x, y) -> p(2 * x * y, x * x), p(1.5, -2)),
                two("max(x*y, x+y)", (x, y) -> x * y > x + y ? p(y, x) : p(1, 1), p(3, 4), p(0.5, 0.5)),
                two("tanh(x)*cosh(y)-sinh(x*y)",
                        (x, y) -> p(Math.cosh(y) / (Math.cosh(x) * Math.cosh(x)) - y * Math.cosh(x * y),
                                Math.tanh(x) * Math.sinh(y) - x * Math.cosh(x * y)), p(0.4, -0.9)),
                // where the derivative does not exist: the documented choices
                one("abs(x)", x -> 0, 0),
                one("sqrt(x)", x -> Double.POSITIVE_INFINITY, 0),
                one("cbrt(x)", x -> Double.POSITIVE_INFINITY, 0),
                one("floor(x)", x -> 0, 2),
                one("ceil(x)", x -> 0, -1),
                one("signum(x)", x -> 0, 0),
                two("max(x,y)", (x, y) -> p(0.5, 0.5), p(2, 2)),
                two("min(x,y)", (x, y) -> p(0.5, 0.5), p(-1, -1)),
                one("max(x,x)", x -> 1, 2),
                one("relu(x)", x -> 0, 0),
                one("x^2", x -> 0, 0),
                one("x^0", x -> 0, 0, 3),
                two("x^y", (x, y) -> p(y * Math.pow(x, y - 1), 0), p(0, 2)),
                one("asin(x)", x -> Double.POSITIVE_INFINITY, 1),
                one("x^2+0^x", x -> 2 * x, 1.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void equalsTheDerivativeWorkedOutByHand(Case c) {
        ParsedExpression parsed = ExpressionSyntax.check(c.text());
        List<String> variables = c.points()[0].length == 1 ? List.of("x") : List.of("x", "y");
        Objective f = Objective.compile(parsed, variables);
        for (double[] point : c.points()) {
            double[] expected = c.gradient().apply(point);
            double[] actual = new double[point.length];
            ExactGradient.instance().gradient(f, point.clone(), actual);
            for (int i = 0; i < point.length; i++) {
                double allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(expected[i]), 1e-300);
                if (!(expected[i] == actual[i] || Math.abs(expected[i] - actual[i]) <= allowed)) {
                    fail(c.text() + " at " + Arrays.toString(point) + ": ∂/∂" + variables.get(i) + " = "
                            + actual[i] + ", by hand " + expected[i]);
                }
            }
        }
    }

    @Test
    void everyFunctionHasACase() {
        for (FunctionTable.Definition definition : FunctionTable.definitions()) {
            assertTrue(cases().anyMatch(c -> c.text().startsWith(definition.name() + "(")), definition.name());
        }
    }

    @Test
    void valueAndGradientReturnsTheValue() {
        DifferentiableObjective f = (DifferentiableObjective) Objective.of("x^2+3*y");
        double[] gradient = new double[2];
        assertEquals(4 + 6, f.valueAndGradient(new double[] {2, 2}, gradient));
        assertEquals(List.of(4.0, 3.0), List.of(gradient[0], gradient[1]));
    }

    @Test
    void whereExp4jWouldThrowTheGradientIsNaN() {
        double[] gradient = {1, 1};
        Objective f = Objective.of("signum(x/(y-y))+x");
        ExactGradient.instance().gradient(f, new double[] {1, 2}, gradient);
        assertTrue(Double.isNaN(gradient[0]) && Double.isNaN(gradient[1]), Arrays.toString(gradient));
    }

    @Test
    void theGradientLeavesTheyPointAlone() {
        double[] x = {1.5, -2};
        ExactGradient.instance().gradient(Objective.of("x*y"), x, new double[2]);
        assertEquals(List.of(1.5, -2.0), List.of(x[0], x[1]));
    }

    @Test
    void anObjectiveWithoutExactGradientsIsRefused() {
        Objective exp4j = ExpressionObjective.of("x^2");
        assertFalse(ExactGradient.supports(exp4j));
        assertThrows(IllegalArgumentException.class,
                () -> ExactGradient.instance().gradient(exp4j, new double[] {1}, new double[1]));
    }

    private static Case one(String text, java.util.function.DoubleUnaryOperator derivative, double... xs) {
        double[][] points = Arrays.stream(xs).mapToObj(x -> new double[] {x}).toArray(double[][]::new);
        return new Case(text, p -> new double[] {derivative.applyAsDouble(p[0])}, points);
    }

    private interface Gradient2 {
        double[] at(double x, double y);
    }

    private static Case two(String text, Gradient2 gradient, double[]... points) {
        return new Case(text, p -> gradient.at(p[0], p[1]), points);
    }

    private static double[] p(double a, double b) {
        return new double[] {a, b};
    }
}
