package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** sigmoid, softplus and relu in expressions: the textbook values, and finite where the naive formula overflows. */
class LossFunctionsTest {

    private static double f(String expression, double x) {
        return Objective.of(expression).value(new double[] {x});
    }

    @Test
    void sigmoidHasItsTextbookValuesAndNeverOverflows() {
        assertEquals(0.5, f("sigmoid(x)", 0));
        assertEquals(1 / (1 + Math.exp(-2)), f("sigmoid(x)", 2), 1e-16);
        assertEquals(1 / (1 + Math.exp(3)), f("sigmoid(x)", -3), 1e-16);
        assertEquals(1.0, f("sigmoid(x)", 800));
        // 1/(1+e^800) by way of e^800 = ∞ would be 0 too, but e^-40 must keep its digits: 4.248354255291589e-18
        assertEquals(4.248354255291589e-18, f("sigmoid(x)", -40), 1e-30);
    }

    @Test
    void softplusIsLogOnePlusExpAndStaysFiniteAndAccurate() {
        assertEquals(Math.log(2), f("softplus(x)", 0), 1e-16);
        assertEquals(Math.log(1 + Math.E), f("softplus(x)", 1), 1e-15);
        assertEquals(1000.0, f("softplus(x)", 1000), "log(1+e^1000) is 1000 to double precision, not ∞");
        double tiny = f("softplus(x)", -50); // log(1 + e^-50) = e^-50 − e^-100/2 + … ≈ 1.9287498479639178e-22
        assertEquals(1.9287498479639178e-22, tiny, 1e-36);
        assertTrue(f("softplus(x)", -1000) >= 0);
    }

    @Test
    void reluIsTheMaximumWithZero() {
        assertEquals(0.0, f("relu(x)", -2));
        assertEquals(3.0, f("relu(x)", 3));
        assertTrue(Double.isNaN(f("relu(x)", Double.NaN)));
    }

    @Test
    void theNewFunctionsAreKnownToTheSyntaxCheck() {
        assertEquals(1, FunctionTable.arities().get("sigmoid"));
        assertEquals(1, FunctionTable.arities().get("softplus"));
        assertEquals(1, FunctionTable.arities().get("relu"));
    }
}
