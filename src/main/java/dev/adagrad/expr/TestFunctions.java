package dev.adagrad.expr;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of named test functions. Formulas, boxes and minima follow the usual references (Surjanovic and
 * Bingham's Virtual Library of Simulation Experiments; Jamil and Yang, "A literature survey of benchmark functions
 * for global optimization problems", 2013); minima given to 16 digits were polished by Newton's method on the exact
 * gradient.
 */
public final class TestFunctions {

    private static final Map<String, TestFunction> BY_NAME = new LinkedHashMap<>();

    static {
        add("toy", "w^2+10*b^2", List.of("w", "b"), p(4, 1), p(-5, -2), p(5, 2), List.of(p(0, 0)), 0,
                "the seed's 2-D example: b is 10x steeper than w, so one shared learning rate fits neither");
        add("rosenbrock", "(1-x)^2+100*(y-x^2)^2", List.of("x", "y"), p(-1.2, 1), p(-2, -1), p(2, 3),
                List.of(p(1, 1)), 0, "a curved, flat-bottomed valley: easy to find, slow to follow");
        add("beale", "(1.5-x+x*y)^2+(2.25-x+x*y^2)^2+(2.625-x+x*y^3)^2", List.of("x", "y"), p(1, 1.5),
                p(-4.5, -4.5), p(4.5, 4.5), List.of(p(3, 0.5)), 0, "flat plateaus and steep ridges at the corners");
        add("himmelblau", "(x^2+y-11)^2+(x+y^2-7)^2", List.of("x", "y"), p(0, 0), p(-5, -5), p(5, 5),
                List.of(p(3, 2), p(-2.805118086952745, 3.131312518250573),
                        p(-3.779310253377747, -3.283185991286169), p(3.5844283403304917, -1.8481265269644034)),
                0, "four equal minima: which one a run reaches depends on the start and the optimizer");
        add("booth", "(x+2*y-7)^2+(2*x+y-5)^2", List.of("x", "y"), p(-5, -5), p(-10, -10), p(10, 10),
                List.of(p(1, 3)), 0, "a plain tilted bowl (a quadratic)");
        add("matyas", "0.26*(x^2+y^2)-0.48*x*y", List.of("x", "y"), p(8, 6), p(-10, -10), p(10, 10),
                List.of(p(0, 0)), 0, "a long shallow valley along x = y");
        add("rastrigin", "20+x^2-10*cos(2*pi*x)+y^2-10*cos(2*pi*y)", List.of("x", "y"), p(3.2, 2.1),
                p(-5.12, -5.12), p(5.12, 5.12), List.of(p(0, 0)), 0,
                "a bowl covered in regularly spaced local minima");
        add("ackley", "-20*exp(-0.2*sqrt(0.5*(x^2+y^2)))-exp(0.5*(cos(2*pi*x)+cos(2*pi*y)))+e+20",
                List.of("x", "y"), p(-3, 2.5), p(-5, -5), p(5, 5), List.of(p(0, 0)), 0,
                "a nearly flat outer region full of local minima around one deep hole");
        add("styblinski-tang", "(x^4-16*x^2+5*x+y^4-16*y^2+5*y)/2", List.of("x", "y"), p(0, 0), p(-5, -5),
                p(5, 5), List.of(p(-2.903534027771177, -2.903534027771177)), -78.33233140754282,
                "four basins of different depth; the deepest is at (−2.9035, −2.9035)");
        add("goldstein-price", "(1+(x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2))"
                        + "*(30+(2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))",
                List.of("x", "y"), p(-0.5, 0.5), p(-2, -2), p(2, 2), List.of(p(0, -1)), 3,
                "values spanning six decades, with several local minima");
    }

    private TestFunctions() {
    }

    private static double[] p(double a, double b) {
        return new double[] {a, b};
    }

    private static void add(String name, String formula, List<String> variables, double[] start, double[] lower,
                            double[] upper, List<double[]> minima, double minimumValue, String note) {
        BY_NAME.put(name, new TestFunction(name, formula, variables, start, lower, upper, minima, minimumValue, note));
    }

    /** The function with this name (case-insensitive), if there is one. */
    public static Optional<TestFunction> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Every function, in the order {@code adagrad functions} lists them. */
    public static List<TestFunction> all() {
        return List.copyOf(BY_NAME.values());
    }
}
