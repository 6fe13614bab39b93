package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adversarial sums for the interleaved layout and the backward segments without poison checks: terms that poison
 * (division by zero, cot where tan x = 0, % 0) at some points and not others, -0.0, infinities, nested sums inside
 * terms, sums under a unary minus, constant subtrees divided by in a later segment, one huge term, and enough terms
 * for the group methods; cut aligned and anywhere, interleaved or not, at budgets 1 to 100, against the old
 * sequential layout, the one-method code and exp4j (value), bit for bit, with the points visited forwards and then
 * backwards so each call finds the tapes of another point; and the generated whole central differences against the
 * loop over exp4j's f.
 */
class InterleavedSegmentsTest {

    static final double[][] POINTS = {
        {0.5, 2, -0.5}, {0, 0, 0}, {-0.0, -0.0, -0.0}, {1, -1, 3}, {Math.PI, 0, 1}, {0, 1, 2},
        {Double.POSITIVE_INFINITY, 1, 2}, {1, Double.NEGATIVE_INFINITY, 0.25}, {Double.NaN, 1, 1},
        {1e300, -1e300, 1e-300}, {-2.5, 3, 0}, {Double.MIN_VALUE, 7, -7},
    };

    static List<String> expressions() {
        List<String> list = new ArrayList<>(List.of(
                "x/y+y/z+z/x+x*y*z",
                "cot(x)+sin(y)*z+x^2+cot(y)",
                "x%y+y%z+z%x-x*y",
                "-(x*y+y*z)-(z*x-x)+-(-(y/z))",
                "x*(y+z)+(x-y)*(y-z)*(z+x)+sin(x+y+z)",
                "x/(2*3-6)+y*z+z",
                "y+z+x/(1+2+3+4+5+6+7+8+9)+x*y",
                "(1/x)*0+y+z",
                "signum(1/x)+y^0+z*z",
                "pow(x/y, 0)+(y/z)^0+x",
                "exp(x)*exp(y)*exp(z)*sin(x*y*z)*cos(x+y)*tanh(z-x)/(1+x^2+y^2+z^2)+x+y+z",
                "x+y+z+x*y*z*x*y*z*x*y*z*x*y*z*x*y*z*x*y*z*x*y*z*x*y*z",
                "log(x)+log(y)+sqrt(z)+abs(x-y)",
                "max(x,y)*min(y,z)+relu(x-z)+softplus(-y*x)+sigmoid(z)",
                "-x-y-z-x*y-y*z",
                "x*y-x*y+z*0+0*x",
                "(x+y)^3+(y+z)^2+(z-x)^-1",
                "x"));
        StringBuilder many = new StringBuilder("x*y");
        for (int i = 0; i < 450; i++) { // over 200 segments at budget 1: the group methods
            many.append(i % 3 == 0 ? "+x/y" : i % 3 == 1 ? "-cot(z)*x" : "+y%z");
        }
        list.add(many.toString());
        return list;
    }

    @ParameterizedTest
    @MethodSource("expressions")
    void interleavedSegmentsGiveTheSequentialBits(String text) {
        ParsedExpression parsed = ExpressionSyntax.check(text);
        List<String> variables = List.of("x", "y", "z");
        ExpressionTree tree = ExpressionTree.parse(parsed, variables);
        ExpressionObjective exp4j = ExpressionObjective.compile(parsed, variables);
        CompiledObjective one = CompiledObjective.compile(parsed, variables);
        for (int budget : new int[] {1, 2, 5, 20, 100}) {
            CompiledObjective reference = CompiledObjective.of(parsed, variables,
                    BytecodeCompiler.compileSegmented(tree, budget, false, false));
            List<CompiledObjective> candidates = List.of(
                    CompiledObjective.of(parsed, variables, BytecodeCompiler.compileSegmented(tree, budget, true, true)),
                    CompiledObjective.of(parsed, variables, BytecodeCompiler.compileSegmented(tree, budget, false, true)),
                    CompiledObjective.of(parsed, variables, BytecodeCompiler.compileSegmented(tree, budget, true, false)));
            List<double[]> order = new ArrayList<>(Arrays.asList(POINTS));
            List<double[]> reversed = new ArrayList<>(order);
            java.util.Collections.reverse(reversed);
            order.addAll(reversed);
            for (double[] point : order) {
                String where = text.substring(0, Math.min(60, text.length())) + " budget " + budget + " at "
                        + Arrays.toString(point);
                double[] expected = new double[3];
                double value = reference.valueAndGradient(point, expected);
                double[] single = new double[3];
                assertBits(one.valueAndGradient(point, single), value, where + " (one method)");
                assertBits(exp4j.value(point), value, where + " (exp4j)");
                for (int i = 0; i < 3; i++) {
                    assertBits(single[i], expected[i], where + " (one method), component " + i);
                }
                for (CompiledObjective candidate : candidates) {
                    double[] gradient = {42, 42, 42};
                    assertBits(value, candidate.valueAndGradient(point, gradient), where);
                    for (int i = 0; i < 3; i++) {
                        assertBits(expected[i], gradient[i], where + ", component " + i);
                    }
                    assertBits(exp4j.value(point), candidate.value(point), where + " value()");
                }
            }
        }
        for (double[] point : POINTS) {
            for (double h : new double[] {Double.NaN, 1e-3, 0.5}) {
                double[] loop = new double[3];
                double[] generated = new double[3];
                CentralDifference method = Double.isNaN(h) ? CentralDifference.scaled() : CentralDifference.withStep(h);
                method.gradient(exp4j, point.clone(), loop);
                method.gradient(one, point.clone(), generated);
                for (int i = 0; i < 3; i++) {
                    assertBits(loop[i], generated[i], text + " differences, h " + h + " at " + Arrays.toString(point)
                            + ", component " + i);
                }
            }
        }
    }

    private static void assertBits(double expected, double actual, String where) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> where + ": expected " + expected + ", got " + actual);
    }
}
