package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compiled evaluator against exp4j itself, bit for bit, on a corpus covering every operator, every function,
 * precedence, unary minus and exp4j's throwing cases, at points including 0, −0, negatives, huge and tiny values.
 * The reference is exp4j's own {@code Expression.evaluate()}, built here directly, with an ArithmeticException
 * standing for NaN (what {@link ExpressionObjective} reports for it).
 */
class CompiledEvaluationTest {

    static final List<String> CORPUS = List.of(
            // operators, precedence and unary minus
            "x+y", "x-y", "x*y", "x/y", "x%y", "x^y", "-x", "+x", "--x", "-+-x", "-x^2", "2^-2", "2^3^2",
            "x^-y", "-x^-y", "x^y^2", "(-x)^2", "x*-y", "x/-y", "x--y", "x-+y", "x-y-1", "x/y/2", "x%y%3",
            "2*x+3*y-4/x", "x+y*2^x", "(x+y)*(x-y)", "x*y%2", "-x%y", "1-x^2*y", "x^2/y^2",
            // exp4j's throwing cases and NaN that would be swallowed
            "1/0", "x/0", "0/0", "x%0", "x/(y-y)", "signum(1/x)", "pow(x/y, 0)", "(x/y)^0", "max(x/0, 1)",
            "x^0", "0^x", "x^0.5", "(-8)^(1/3)", "y^x",
            // every function
            "sin(x)", "cos(x)", "tan(x)", "cot(x)", "cot(y-y)", "asin(x)", "acos(x)", "atan(x)", "sinh(x)",
            "cosh(x)", "tanh(x)", "abs(x)", "log(x)", "log10(x)", "log2(x)", "log1p(x)", "ceil(x)", "floor(x)",
            "sqrt(x)", "cbrt(x)", "pow(x,y)", "pow(y,x)", "exp(x)", "expm1(x)", "signum(x)", "signum(x-x)",
            "max(x,y)", "min(x,y)", "max(x,-x)", "min(x,0)", "sigmoid(x)", "softplus(x)", "relu(x)",
            "softplus(-y*x)", "relu(1-y*x)", "sigmoid(x*y)-0.5",
            // constants, literals, brackets, nesting
            "e*x", "pi+y", "π*x", "φ-x", "x*e^y", "1e-3*x", "2.5e+2*y", ".5*x", "3.*x", "[x+{y}]*2",
            "sin(cos(tan(x)))", "exp(-x^2/2)/sqrt(2*pi)", "(1-x)^2+100*(y-x^2)^2", "atan(y/x)", "log(1+exp(x))",
            "sqrt(abs(x))*signum(x)", "max(min(x,y),0)", "log2(abs(x)+1)^2", "x*y*sin(x*y)/(1+x^2)",
            "pow(abs(x), y/2)-cbrt(y)", "-(x-1)^2-(y+1)^2", "tanh(x)*cosh(y)-sinh(x*y)");

    static final double[] XS = {0.0, -0.0, 1, -1, 0.5, -2.5, 3, Math.PI, 1e-300, -1e300, 1e10, 700, Double.MIN_VALUE};
    static final double[] YS = {0.0, 2, -0.5, 3.5, -7};

    static Stream<String> corpus() {
        return CORPUS.stream();
    }

    @Test
    void theCorpusIsLargeEnough() {
        assertTrue(CORPUS.size() >= 60, CORPUS.size() + " expressions");
        for (FunctionTable.Definition definition : FunctionTable.definitions()) {
            assertTrue(CORPUS.stream().anyMatch(text -> text.contains(definition.name() + "(")),
                    definition.name() + " is not in the corpus");
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void equalsExp4jBitForBit(String text) {
        ParsedExpression parsed = ExpressionSyntax.check(text);
        List<String> variables = parsed.identifiers().stream()
                .filter(identifier -> !FunctionTable.CONSTANTS.contains(identifier)).toList();
        Objective compiled = Objective.compile(parsed, variables);
        assertInstanceOf(CompiledObjective.class, compiled);
        Expression exp4j = new ExpressionBuilder(text)
                .implicitMultiplication(false)
                .functions(FunctionTable.extraFunctions())
                .variables(parsed.identifiers().toArray(String[]::new))
                .build();
        double[] gradient = new double[variables.size()];
        for (double[] point : points(variables.size())) {
            for (int i = 0; i < variables.size(); i++) {
                exp4j.setVariable(variables.get(i), point[i]);
            }
            double expected;
            try {
                expected = exp4j.evaluate();
            } catch (ArithmeticException e) {
                expected = Double.NaN;
            }
            String where = text + " at " + java.util.Arrays.toString(point);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(compiled.value(point)),
                    () -> where + ": exp4j " + exp4j.evaluate());
            double withGradient = ((DifferentiableObjective) compiled).valueAndGradient(point, gradient);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(withGradient), where);
            if (Double.isNaN(expected) && isThrowing(exp4j)) {
                for (double component : gradient) {
                    assertTrue(Double.isNaN(component), where + ": gradient should be NaN");
                }
            }
        }
    }

    @Test
    void aConstantNamedInTheStartPointIsAVariable() {
        ParsedExpression parsed = ExpressionSyntax.check("x*e+pi");
        Objective compiled = Objective.compile(parsed, List.of("x", "e"));
        assertEquals(2 * 5 + Math.PI, compiled.value(new double[] {2, 5}));
        assertEquals(2 * Math.E + Math.PI, Objective.compile(parsed, List.of("x")).value(new double[] {2}));
    }

    @Test
    void theGoldenRatioIsExp4jsRoundedOne() {
        assertEquals(1.61803398874, Objective.of("φ+x").value(new double[] {0}));
    }

    @Test
    void aCompiledObjectiveIsSharedAcrossThreads() {
        Objective compiled = Objective.of("x^2");
        assertSame(compiled, compiled.copy());
    }

    @Test
    void deepNestingCompiles() {
        String text = "(".repeat(2000) + "x" + "+1)".repeat(2000);
        Objective compiled = Objective.of(text);
        assertInstanceOf(CompiledObjective.class, compiled);
        assertEquals(2001.5, compiled.value(new double[] {1.5}));
    }

    private static boolean isThrowing(Expression exp4j) {
        try {
            exp4j.evaluate();
            return false;
        } catch (ArithmeticException e) {
            return true;
        }
    }

    private static List<double[]> points(int dimension) {
        List<double[]> points = new ArrayList<>();
        if (dimension == 0) {
            points.add(new double[0]);
        } else if (dimension == 1) {
            for (double x : XS) {
                points.add(new double[] {x});
            }
            for (double y : YS) {
                points.add(new double[] {y});
            }
        } else {
            for (double x : XS) {
                for (double y : YS) {
                    points.add(new double[] {x, y});
                }
            }
        }
        return points;
    }
}
