package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestFunctionsTest {

    static List<TestFunction> functions() {
        return TestFunctions.all();
    }

    @Test
    void theTenFunctionsTheIssueNamesAreThere() {
        assertEquals(List.of("toy", "rosenbrock", "beale", "himmelblau", "booth", "matyas", "rastrigin", "ackley",
                        "styblinski-tang", "goldstein-price"),
                functions().stream().map(TestFunction::name).toList());
    }

    @ParameterizedTest
    @MethodSource("functions")
    void eachEvaluatesToItsMinimumValueAtEachStatedMinimum(TestFunction function) {
        Objective objective = Objective.compile(ExpressionSyntax.check(function.formula()), function.variables());
        for (double[] minimum : function.minima()) {
            assertEquals(function.minimumValue(), objective.value(minimum), 1e-12 * Math.max(1, Math.abs(
                    function.minimumValue())), function.name());
        }
    }

    @ParameterizedTest
    @MethodSource("functions")
    void eachStatedMinimumIsAStationaryPointAndNoNearbyPointIsLower(TestFunction function) {
        Objective objective = Objective.compile(ExpressionSyntax.check(function.formula()), function.variables());
        for (double[] minimum : function.minima()) {
            for (double dx : new double[] {-1e-3, 0, 1e-3}) {
                for (double dy : new double[] {-1e-3, 0, 1e-3}) {
                    double[] near = {minimum[0] + dx, minimum[1] + dy};
                    assertTrue(objective.value(near) >= function.minimumValue() - 1e-12,
                            function.name() + " is lower near its minimum at " + dx + ", " + dy);
                }
            }
        }
    }

    /** Values at simple points, worked out by hand from each formula's usual definition. */
    @Test
    void valuesAtSimplePointsMatchTheTextbookFormulas() {
        Map<String, double[]> pointAndValue = Map.of(
                "toy", new double[] {1, 1, 11},                       // 1 + 10
                "rosenbrock", new double[] {0, 0, 1},                 // (1−0)² + 100·0²
                "beale", new double[] {0, 0, 14.203125},              // 1.5² + 2.25² + 2.625²
                "himmelblau", new double[] {0, 0, 170},               // 121 + 49
                "booth", new double[] {0, 0, 74},                     // 49 + 25
                "matyas", new double[] {1, 1, 0.04},                  // 0.26·2 − 0.48
                "rastrigin", new double[] {1, 1, 2},                  // 20 + 1 − 10 + 1 − 10
                "styblinski-tang", new double[] {1, 1, -10},          // (1 − 16 + 5)·2 / 2
                "goldstein-price", new double[] {0, 0, 600});         // (1 + 1·19)·(30 + 0)
        pointAndValue.forEach((name, expected) -> {
            TestFunction function = TestFunctions.named(name).orElseThrow();
            Objective objective = Objective.compile(ExpressionSyntax.check(function.formula()), function.variables());
            assertEquals(expected[2], objective.value(new double[] {expected[0], expected[1]}), 1e-12, name);
        });
        // Ackley at (1, 0): −20·exp(−0.2·√0.5) − exp(1) + e + 20 = 20 − 20·exp(−0.2·√0.5)
        TestFunction ackley = TestFunctions.named("ackley").orElseThrow();
        assertEquals(20 - 20 * Math.exp(-0.2 * Math.sqrt(0.5)),
                Objective.compile(ExpressionSyntax.check(ackley.formula()), ackley.variables())
                        .value(new double[] {1, 0}), 1e-12);
    }

    @Test
    void namesAreFoundCaseInsensitivelyAndExpressionsAreNotNames() {
        assertEquals("rosenbrock", TestFunctions.named(" Rosenbrock ").orElseThrow().name());
        assertTrue(TestFunctions.named("x^2").isEmpty());
    }

    @Test
    void distanceIsToTheNearestOfSeveralMinima() {
        TestFunction himmelblau = TestFunctions.named("himmelblau").orElseThrow();
        double[] x = {3.3, 2.4}; // 0.3 and 0.4 from (3, 2): distance 0.5
        assertEquals(0.5, himmelblau.distanceToNearestMinimum(x), 1e-12);
        assertEquals(3, himmelblau.nearestMinimum(x)[0]);
    }
}
