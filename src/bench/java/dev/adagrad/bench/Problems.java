package dev.adagrad.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's three objectives as expressions, with their start points. */
final class Problems {

    static final String TOY = "w^2+10*b^2";
    static final String ROSENBROCK = "(1-x)^2+100*(y-x^2)^2";
    static final List<String> QUADRATIC_10_VARIABLES = variables();
    static final String QUADRATIC_10 = quadratic();

    private Problems() {
    }

    static String expression(String name) {
        return switch (name) {
            case "toy" -> TOY;
            case "rosenbrock" -> ROSENBROCK;
            case "quadratic10" -> QUADRATIC_10;
            default -> throw new IllegalArgumentException(name);
        };
    }

    static double[] start(String name) {
        return switch (name) {
            case "toy" -> new double[] {1, 1};
            case "rosenbrock" -> new double[] {-1.2, 1};
            case "quadratic10" -> new double[] {1, -1, 2, -2, 3, -3, 4, -4, 5, -5};
            default -> throw new IllegalArgumentException(name);
        };
    }

    static HandWritten.JavaObjective handWritten(String name) {
        return switch (name) {
            case "toy" -> new HandWritten.Toy();
            case "rosenbrock" -> new HandWritten.Rosenbrock();
            case "quadratic10" -> new HandWritten.Quadratic10();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static List<String> variables() {
        return variables(10);
    }

    /** x1 … xn. */
    static List<String> variables(int n) {
        List<String> variables = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            variables.add("x" + i);
        }
        return List.copyOf(variables);
    }

    /** x1^2+2*x2^2+…+n*xn^2+x1*x2+…+x(n−1)*xn. */
    static String quadratic(int n) {
        StringBuilder text = new StringBuilder("x1^2");
        for (int i = 2; i <= n; i++) {
            text.append('+').append(i).append("*x").append(i).append("^2");
        }
        for (int i = 1; i < n; i++) {
            text.append("+x").append(i).append("*x").append(i + 1);
        }
        return text.toString();
    }

    /** (1-x1)^2+100*(x2-x1^2)^2+…: Rosenbrock's chain over n variables. */
    static String chain(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < n; i++) {
            text.append(i > 1 ? "+" : "").append("(1-x").append(i).append(")^2+100*(x").append(i + 1).append("-x")
                    .append(i).append("^2)^2");
        }
        return text.toString();
    }

    /** The start of the scaling problems: xᵢ = −1.2 at odd i, 1 at even i (Rosenbrock's usual start, repeated). */
    static double[] chainStart(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return x;
    }

    /** x1^2+2*x2^2+…+10*x10^2+x1*x2+…+x9*x10. */
    private static String quadratic() {
        return quadratic(10);
    }
}
