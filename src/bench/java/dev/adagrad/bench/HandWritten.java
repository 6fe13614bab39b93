package dev.adagrad.bench;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import java.util.List;

/**
 * The benchmark's baselines: each objective written as a Java method, and its gradient in closed form, as a person
 * would write them by hand.
 */
final class HandWritten {

    private HandWritten() {
    }

    /** A Java objective with its closed-form gradient. */
    abstract static class JavaObjective implements Objective {
        private final String text;
        private final List<String> variables;

        JavaObjective(String text, List<String> variables) {
            this.text = text;
            this.variables = variables;
        }

        abstract void gradient(double[] x, double[] gradient);

        @Override
        public List<String> variables() {
            return variables;
        }

        @Override
        public String text() {
            return text;
        }

        @Override
        public Objective copy() {
            return this;
        }
    }

    /** The closed-form gradient of a {@link JavaObjective}. */
    static final GradientMethod CLOSED_FORM = (f, x, gradient) -> ((JavaObjective) f).gradient(x, gradient);

    /** w² + 10b². */
    static final class Toy extends JavaObjective {
        Toy() {
            super(Problems.TOY, List.of("w", "b"));
        }

        @Override
        public double value(double[] x) {
            double w = x[0];
            double b = x[1];
            return w * w + 10 * b * b;
        }

        @Override
        void gradient(double[] x, double[] gradient) {
            gradient[0] = 2 * x[0];
            gradient[1] = 20 * x[1];
        }
    }

    /** (1 − x)² + 100(y − x²)². */
    static final class Rosenbrock extends JavaObjective {
        Rosenbrock() {
            super(Problems.ROSENBROCK, List.of("x", "y"));
        }

        @Override
        public double value(double[] p) {
            double x = p[0];
            double y = p[1];
            double a = 1 - x;
            double b = y - x * x;
            return a * a + 100 * b * b;
        }

        @Override
        void gradient(double[] p, double[] gradient) {
            double x = p[0];
            double y = p[1];
            double b = y - x * x;
            gradient[0] = -2 * (1 - x) - 400 * x * b;
            gradient[1] = 200 * b;
        }
    }

    /** Σ i·xᵢ² + Σ xᵢxᵢ₊₁ over x1 … x10. */
    static final class Quadratic10 extends JavaObjective {
        Quadratic10() {
            super(Problems.QUADRATIC_10, Problems.QUADRATIC_10_VARIABLES);
        }

        @Override
        public double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < 10; i++) {
                sum += (i + 1) * x[i] * x[i];
            }
            for (int i = 0; i < 9; i++) {
                sum += x[i] * x[i + 1];
            }
            return sum;
        }

        @Override
        void gradient(double[] x, double[] gradient) {
            for (int i = 0; i < 10; i++) {
                double g = 2 * (i + 1) * x[i];
                if (i > 0) {
                    g += x[i - 1];
                }
                if (i < 9) {
                    g += x[i + 1];
                }
                gradient[i] = g;
            }
        }
    }

    /** Σ i·xᵢ² + Σ xᵢxᵢ₊₁ over n variables, as loops. */
    static final class QuadraticN extends JavaObjective {
        private final int n;

        QuadraticN(int n) {
            super(Problems.quadratic(n), Problems.variables(n));
            this.n = n;
        }

        @Override
        public double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (i + 1) * x[i] * x[i];
            }
            for (int i = 0; i < n - 1; i++) {
                sum += x[i] * x[i + 1];
            }
            return sum;
        }

        @Override
        void gradient(double[] x, double[] gradient) {
            for (int i = 0; i < n; i++) {
                double g = 2 * (i + 1) * x[i];
                if (i > 0) {
                    g += x[i - 1];
                }
                if (i < n - 1) {
                    g += x[i + 1];
                }
                gradient[i] = g;
            }
        }
    }

    /** Σ (1 − xᵢ)² + 100(xᵢ₊₁ − xᵢ²)² over i = 1 … n−1, as loops. */
    static final class RosenbrockChain extends JavaObjective {
        private final int n;

        RosenbrockChain(int n) {
            super(Problems.chain(n), Problems.variables(n));
            this.n = n;
        }

        @Override
        public double value(double[] x) {
            double sum = 0;
            for (int i = 0; i < n - 1; i++) {
                double a = 1 - x[i];
                double b = x[i + 1] - x[i] * x[i];
                sum += a * a + 100 * b * b;
            }
            return sum;
        }

        @Override
        void gradient(double[] x, double[] gradient) {
            gradient[0] = 0;
            for (int i = 0; i < n - 1; i++) {
                double b = x[i + 1] - x[i] * x[i];
                gradient[i] += -2 * (1 - x[i]) - 400 * x[i] * b;
                gradient[i + 1] = 200 * b;
            }
        }
    }
}
