package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Central differences where x is tiny: the step h = ∛ε·max(1, |x|) is ≈ 6.06e-6 whatever the subnormal x, so x ± h
 * rounds to ±h and the difference quotient is that of f at ±h. The point is restored bitwise afterwards.
 */
class CentralDifferenceEdgeTest {

    private static double gradientAt(String expression, double x) {
        double[] point = {x};
        double[] gradient = new double[1];
        CentralDifference.scaled().gradient(Objective.of(expression), point, gradient);
        assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(point[0]), "x is restored");
        return gradient[0];
    }

    @Test
    void theStepAtASubnormalIsTheStepAtZero() {
        double h = Math.cbrt(Math.ulp(1.0));
        assertEquals(h, CentralDifference.DEFAULT_RELATIVE_STEP, 0);
        // x + h and x − h are exactly ±h next to x = 2⁻¹⁰⁷⁴ or 1e-310 (both far below ulp(h)/2 ≈ 4e-22)
        assertEquals(h, Double.MIN_VALUE + h, 0);
        assertEquals(h, 1e-310 + h, 0);
    }

    @Test
    void xSquaredIsFlatAndXHasSlopeOneAtSubnormals() {
        for (double x : new double[] {Double.MIN_VALUE, -Double.MIN_VALUE, 1e-310, 0.0, -0.0}) {
            // (h² − (−h)²)/(h − (−h)) = 0 and (h − (−h))/(2h) = 1, exactly
            assertEquals(0.0, gradientAt("x^2", x), 0, "x² at " + x);
            assertEquals(1.0, gradientAt("x", x), 0, "x at " + x);
            // 1e300·x: (1e300·h + 1e300·h)/(2h) = 1e300 to rounding
            assertEquals(1e300, gradientAt("1e300*x", x), 1e300 * 1e-15, "1e300·x at " + x);
        }
    }

    @Test
    void aNeighbourWhereFOverflowsMakesTheGradientInfinite() {
        // x = 1.34078e154: x² ≈ 1.7976910e308 is just below the largest double (1.7976931e308), but with
        // h = ∛ε·x ≈ 8.1e148, (x + h)² ≈ x²·(1 + 1.2e-5) overflows while (x − h)² does not: (∞ − finite)/(2h) = +∞.
        // The runner turns that into exit code 3 naming the gradient.
        double x = 1.34078e154;
        assertTrue(Double.isFinite(x * x));
        assertEquals(Double.POSITIVE_INFINITY, gradientAt("x^2", x), 0);
    }
}
