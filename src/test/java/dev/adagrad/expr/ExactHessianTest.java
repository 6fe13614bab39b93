package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exact Hessian against second derivatives worked out by hand, and each function's second derivative against a
 * central difference of its first derivative (the table of first derivatives is checked elsewhere).
 */
class ExactHessianTest {

    private static double[] hessian(String expression, List<String> variables, double... x) {
        Objective f = Objective.compile(ExpressionSyntax.check(expression), variables);
        double[] h = new double[x.length * x.length];
        ExactHessian.of(f).hessian(x, h);
        return h;
    }

    private static void assertMatrix(double[] expected, double[] actual) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12 * Math.max(1, Math.abs(expected[i])), "entry " + i);
        }
    }

    @Test
    void rosenbrock() {
        // f = (1−x)² + 100(y − x²)²: fxx = 2 − 400y + 1200x², fxy = −400x, fyy = 200; at (−1.2, 1)
        double x = -1.2;
        double y = 1;
        assertMatrix(new double[] {2 - 400 * y + 1200 * x * x, -400 * x, -400 * x, 200},
                hessian("(1-x)^2+100*(y-x^2)^2", List.of("x", "y"), x, y));
    }

    @Test
    void productsQuotientsAndFunctions() {
        // f = sin(x·y) + x/y: fxx = −y²·sin(xy), fxy = cos(xy) − xy·sin(xy) − 1/y², fyy = −x²·sin(xy) + 2x/y³
        double x = 0.7;
        double y = 1.3;
        double s = Math.sin(x * y);
        double c = Math.cos(x * y);
        double fxy = c - x * y * s - 1 / (y * y);
        assertMatrix(new double[] {-y * y * s, fxy, fxy, -x * x * s + 2 * x / (y * y * y)},
                hessian("sin(x*y)+x/y", List.of("x", "y"), x, y));
        // f = x^y: fxx = y(y−1)x^(y−2), fxy = x^(y−1)(1 + y ln x), fyy = x^y ln²x
        double p = Math.pow(x, y);
        double l = Math.log(x);
        double pxy = Math.pow(x, y - 1) * (1 + y * l);
        assertMatrix(new double[] {y * (y - 1) * Math.pow(x, y - 2), pxy, pxy, p * l * l},
                hessian("x^y", List.of("x", "y"), x, y));
        // f = exp(x)·y³ − 2·x: fxx = eˣy³, fxy = 3eˣy², fyy = 6eˣy
        double e = Math.exp(x);
        assertMatrix(new double[] {e * y * y * y, 3 * e * y * y, 3 * e * y * y, 6 * e * y},
                hessian("exp(x)*y^3-2*x", List.of("x", "y"), x, y));
    }

    @Test
    void aDivisionByZeroMakesEveryEntryNaN() {
        for (double value : hessian("x^2/(y-1)", List.of("x", "y"), 1, 1)) {
            assertTrue(Double.isNaN(value));
        }
    }

    @Test
    void everyFunctionsSecondDerivativeIsTheSlopeOfItsFirst() {
        for (FunctionTable.Definition definition : FunctionTable.definitions()) {
            assertTrue(ExactHessian.covers(definition.name()), definition.name() + " has no second derivative");
            if (definition.arity() != 1) {
                continue;
            }
            String name = definition.name();
            double x = 0.3; // inside every domain, away from every kink
            double h = 1e-5;
            double[] gradient = new double[1];
            Objective f = Objective.compile(ExpressionSyntax.check(name + "(x)"), List.of("x"));
            DifferentiableObjective d = (DifferentiableObjective) f;
            d.valueAndGradient(new double[] {x + h}, gradient);
            double above = gradient[0];
            d.valueAndGradient(new double[] {x - h}, gradient);
            double below = gradient[0];
            double slope = (above - below) / (2 * h);
            double[] hessian = hessian(name + "(x)", List.of("x"), x);
            assertEquals(slope, hessian[0], 1e-6 * Math.max(1, Math.abs(slope)), name);
        }
    }
}
