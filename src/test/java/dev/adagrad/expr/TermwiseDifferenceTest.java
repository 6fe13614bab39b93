package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Central differences term by term (from 100 variables on): each component is exactly
 * Σ ±(t(x+) − t(x−)) / (x+ − x−) over the terms that contain the variable, with every term evaluated by exp4j on its
 * own here; below 100 variables the difference is of the whole f, as exp4j evaluates it, bit for bit (in generated
 * code when f is small).
 */
class TermwiseDifferenceTest {

    /** A sum written as its terms and their signs. */
    record Sum(List<String> terms, List<Boolean> subtracted, List<String> variables) {
        String text() {
            StringBuilder text = new StringBuilder(terms.get(0));
            for (int j = 1; j < terms.size(); j++) {
                text.append(subtracted.get(j) ? " - " : " + ").append(terms.get(j));
            }
            return text.toString();
        }
    }

    /** Rosenbrock's chain, with every third coupling subtracted and unary minus and brackets mixed in. */
    static Sum mixed(int n) {
        List<String> terms = new ArrayList<>();
        List<Boolean> subtracted = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            variables.add("x" + i);
        }
        for (int i = 1; i < n; i++) {
            terms.add("(1-x" + i + ")^2");
            subtracted.add(false);
            terms.add(i % 3 == 0 ? "(x" + (i + 1) + "*sin(x" + i + "))" : "100*(x" + (i + 1) + "-x" + i + "^2)^2");
            subtracted.add(i % 3 == 0);
        }
        terms.add("exp(x1/10)*cos(x" + n + ")");
        subtracted.add(false);
        return new Sum(terms, subtracted, variables);
    }

    static double[] point(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.5 * Math.sin(0.7 * i) + (i % 4 == 0 ? 30 : 0);
        }
        return x;
    }

    @Test
    void fromAHundredVariablesEachComponentIsTheDifferenceOfItsTerms() {
        for (double step : new double[] {Double.NaN, 1e-3}) {
            CentralDifference method = Double.isNaN(step) ? CentralDifference.scaled() : CentralDifference.withStep(step);
            Sum sum = mixed(120);
            CompiledObjective compiled = CompiledObjective.compile(ExpressionSyntax.check(sum.text()),
                    sum.variables());
            double[] x = point(120);
            double[] gradient = new double[120];
            method.gradient(compiled, x, gradient);
            double[] expected = termByTerm(sum, x, step);
            for (int i = 0; i < 120; i++) {
                assertEquals(Double.doubleToLongBits(expected[i]), Double.doubleToLongBits(gradient[i]),
                        "component " + i + ": " + expected[i] + " " + gradient[i]);
            }
        }
    }

    @Test
    void belowAHundredVariablesTheWholeFIsDifferenced() {
        Sum sum = mixed(99);
        ParsedExpression parsed = ExpressionSyntax.check(sum.text());
        CompiledObjective compiled = CompiledObjective.compile(parsed, sum.variables());
        ExpressionObjective exp4j = ExpressionObjective.compile(parsed, sum.variables());
        double[] x = point(99);
        double[] gradient = new double[99];
        CentralDifference.scaled().gradient(compiled, x, gradient);
        for (int i = 0; i < 99; i++) {
            double xi = x[i];
            double h = CentralDifference.DEFAULT_RELATIVE_STEP * Math.max(1, Math.abs(xi));
            x[i] = xi + h;
            double forward = exp4j.value(x);
            x[i] = xi - h;
            double backward = exp4j.value(x);
            x[i] = xi;
            double expected = (forward - backward) / ((xi + h) - (xi - h));
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(gradient[i]), "component " + i);
        }
    }

    /**
     * A small f's differences are generated code too (no call of {@code value} per evaluation): across the evaluation
     * corpus, at every point of its grid (poles and undefined points included), with scaled and fixed steps, bit for
     * bit the loop over exp4j's values.
     */
    @Test
    void aSmallWholeFHasGeneratedDifferencesWithTheLoopsBits() {
        int generated = 0;
        for (String text : CompiledEvaluationTest.CORPUS) {
            ParsedExpression parsed = ExpressionSyntax.check(text);
            List<String> variables = parsed.identifiers().stream()
                    .filter(identifier -> !FunctionTable.CONSTANTS.contains(identifier)).toList();
            CompiledObjective compiled = CompiledObjective.compile(parsed, variables);
            ExpressionObjective exp4j = ExpressionObjective.compile(parsed, variables);
            for (double step : new double[] {Double.NaN, 1e-3}) {
                for (double a : CompiledEvaluationTest.XS) {
                    for (double b : CompiledEvaluationTest.YS) {
                        double[] x = variables.size() == 2 ? new double[] {a, b}
                                : variables.size() == 1 ? new double[] {a} : new double[0];
                        double[] gradient = new double[x.length];
                        if (!compiled.centralDifferences(x, step, gradient)) {
                            continue;
                        }
                        generated++;
                        for (int i = 0; i < x.length; i++) {
                            double xi = x[i];
                            double h = CentralDifference.step(xi, step);
                            x[i] = xi + h;
                            double forward = exp4j.value(x);
                            x[i] = xi - h;
                            double backward = exp4j.value(x);
                            x[i] = xi;
                            double expected = (forward - backward) / ((xi + h) - (xi - h));
                            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(gradient[i]),
                                    text + " at " + java.util.Arrays.toString(x) + ", component " + i);
                        }
                    }
                }
            }
        }
        assertTrue(generated > CompiledEvaluationTest.CORPUS.size(), generated + " points");
    }

    @Test
    void atAThousandVariablesTermByTermIsCloserToTheExactGradient() {
        for (String text : List.of(SegmentedCodeTest.quadratic(1000), SegmentedCodeTest.rosenbrockChain(1000))) {
            ParsedExpression parsed = ExpressionSyntax.checkTyped(text);
            List<String> variables = parsed.identifiers();
            CompiledObjective compiled = CompiledObjective.compile(parsed, variables);
            double[] x = SegmentedCodeTest.wave(1000);
            double[] exact = new double[1000];
            compiled.valueAndGradient(x, exact);
            double[] termwise = new double[1000];
            CentralDifference.scaled().gradient(compiled, x, termwise);
            double[] whole = new double[1000]; // the difference of whole sums, through exp4j
            ExpressionObjective exp4j = ExpressionObjective.compile(parsed, variables);
            CentralDifference.scaled().gradient(exp4j, x, whole);
            double termwiseError = 0;
            double wholeError = 0;
            for (int i = 0; i < 1000; i++) {
                double scale = Math.max(1, Math.abs(exact[i]));
                termwiseError = Math.max(termwiseError, Math.abs(termwise[i] - exact[i]) / scale);
                wholeError = Math.max(wholeError, Math.abs(whole[i] - exact[i]) / scale);
            }
            assertTrue(termwiseError < 1e-8, text.substring(0, 20) + ": " + termwiseError);
            assertTrue(wholeError > 10 * termwiseError, wholeError + " against " + termwiseError);
        }
    }

    @Test
    void aTermThatDividesByZeroMakesOnlyItsVariablesNaNAsTheWholeFWould() {
        Sum sum = mixed(120);
        List<String> terms = new ArrayList<>(sum.terms());
        List<Boolean> subtracted = new ArrayList<>(sum.subtracted());
        terms.add("1/(x5-1)");
        subtracted.add(false);
        Sum poisoned = new Sum(terms, subtracted, sum.variables());
        CompiledObjective compiled = CompiledObjective.compile(ExpressionSyntax.check(poisoned.text()),
                poisoned.variables());
        double[] x = point(120);
        x[4] = 0.5; // x5 + h = 1 with h = 0.5
        double[] gradient = new double[120];
        CentralDifference.withStep(0.5).gradient(compiled, x, gradient);
        for (int i = 0; i < 120; i++) {
            assertEquals(i == 4, Double.isNaN(gradient[i]), "component " + i + ": " + gradient[i]);
        }
    }

    @Test
    void theListenerHearsEachVariablesPoints() {
        Sum sum = mixed(100);
        CompiledObjective compiled = CompiledObjective.compile(ExpressionSyntax.check(sum.text()), sum.variables());
        double[] x = point(100);
        double[] gradient = new double[100];
        List<String> heard = new ArrayList<>();
        CentralDifference.scaled().gradient(compiled, x, gradient,
                (i, forward, backward, value) -> heard.add(i + " " + forward + " " + backward + " " + value));
        assertEquals(100, heard.size());
        double h = CentralDifference.DEFAULT_RELATIVE_STEP * Math.max(1, Math.abs(x[7]));
        assertEquals(7 + " " + (x[7] + h) + " " + (x[7] - h) + " " + gradient[7], heard.get(7));
    }

    @Test
    void oneTermIsNotCutIntoTerms() {
        StringBuilder product = new StringBuilder("x1");
        List<String> variables = new ArrayList<>(List.of("x1"));
        for (int i = 2; i <= 120; i++) {
            product.append("*x").append(i);
            variables.add("x" + i);
        }
        CompiledObjective compiled = CompiledObjective.compile(ExpressionSyntax.check(product.toString()), variables);
        assertFalse(compiled.centralDifferences(new double[120], Double.NaN, new double[120]));
    }

    /** Σ ±(t(x+) − t(x−)) / (x+ − x−) over the terms that contain xᵢ, each term evaluated by exp4j alone. */
    private static double[] termByTerm(Sum sum, double[] x, double fixedStep) {
        List<ExpressionObjective> terms = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        for (String term : sum.terms()) {
            ParsedExpression parsed = ExpressionSyntax.check(term);
            terms.add(ExpressionObjective.compile(parsed, sum.variables()));
            names.add(parsed.identifiers());
        }
        double[] expected = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double h = Double.isNaN(fixedStep) ? CentralDifference.DEFAULT_RELATIVE_STEP * Math.max(1, Math.abs(xi))
                    : fixedStep;
            double difference = 0;
            boolean first = true;
            for (int j = 0; j < terms.size(); j++) {
                if (!names.get(j).contains(sum.variables().get(i))) {
                    continue;
                }
                x[i] = xi + h;
                double forward = terms.get(j).value(x);
                x[i] = xi - h;
                double backward = terms.get(j).value(x);
                x[i] = xi;
                double d = sum.subtracted().get(j) ? backward - forward : forward - backward;
                difference = first ? d : d + difference;
                first = false;
            }
            expected[i] = difference / ((xi + h) - (xi - h));
        }
        return expected;
    }
}
