package dev.adagrad.expr;

import dev.adagrad.expr.ExpressionTree.Kind;
import dev.adagrad.expr.ExpressionTree.Node;
import java.util.Arrays;
import java.util.List;

/**
 * The exact Hessian ∇²f(x) of a compiled expression, by forward-over-reverse automatic differentiation over the same
 * tree the {@link ExactGradient} differentiates: for each variable j, one forward pass carries every node's value and
 * its derivative along eⱼ, and one reverse pass carries the adjoints and their derivatives along eⱼ; the derivatives
 * of the variables' adjoints are column j of the Hessian. n passes of about the cost of a gradient each, and no
 * allocation after construction.
 *
 * <p>Each operation needs its second partial derivatives besides the first ones of {@link FunctionTable}: they are
 * here, one line per function in {@link #second}, with the same choices at kinks and jumps (0 for |x|, the step
 * functions, max, min and relu). Where f is undefined (division by zero, cot where tan x = 0) every entry is NaN.
 *
 * <p>Holds scratch arrays, so it is not thread-safe: one per run ({@link #of}).
 */
public final class ExactHessian {

    private final List<Node> nodes;
    private final int dimension;
    private final double[] value;
    private final double[] tangent;
    private final double[] adjoint;
    private final double[] adjointTangent;
    private final double[] variableAdjoint;
    private final double[] column;

    private ExactHessian(ExpressionTree tree) {
        this.nodes = tree.nodes();
        this.dimension = tree.dimension();
        int size = nodes.size();
        value = new double[size];
        tangent = new double[size];
        adjoint = new double[size];
        adjointTangent = new double[size];
        variableAdjoint = new double[dimension];
        column = new double[dimension];
    }

    /** Whether {@code f} has an exact Hessian: a compiled expression (as for the exact gradient). */
    public static boolean supports(Objective f) {
        return f instanceof CompiledObjective;
    }

    /**
     * A Hessian evaluator for {@code f}, with its own scratch arrays.
     *
     * @throws IllegalArgumentException if {@code f} is not {@linkplain #supports supported}
     */
    public static ExactHessian of(Objective f) {
        if (f instanceof CompiledObjective compiled) {
            return new ExactHessian(compiled.tree());
        }
        throw new IllegalArgumentException("no exact Hessian for " + f.text());
    }

    /** Writes ∇²f(x) into {@code hessian}, row-major n × n (symmetric up to rounding); NaN where f is undefined. */
    public void hessian(double[] x, double[] hessian) {
        for (int j = 0; j < dimension; j++) {
            if (!forward(x, j)) {
                Arrays.fill(hessian, Double.NaN);
                return;
            }
            backward();
            for (int i = 0; i < dimension; i++) {
                hessian[i * dimension + j] = column[i];
            }
        }
    }

    /** Values and their derivatives along e_j; false where exp4j would throw (the expression is undefined). */
    private boolean forward(double[] x, int j) {
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            int[] args = node.arguments();
            double a = args.length > 0 ? value[args[0]] : 0;
            double da = args.length > 0 ? tangent[args[0]] : 0;
            double b = args.length > 1 ? value[args[1]] : 0;
            double db = args.length > 1 ? tangent[args[1]] : 0;
            double v;
            double dv;
            switch (node.kind()) {
                case CONSTANT -> {
                    v = node.constant();
                    dv = 0;
                }
                case VARIABLE -> {
                    v = x[node.variable()];
                    dv = node.variable() == j ? 1 : 0;
                }
                case NEGATE -> {
                    v = -a;
                    dv = -da;
                }
                case PLUS -> {
                    v = a;
                    dv = da;
                }
                case ADD -> {
                    v = a + b;
                    dv = da + db;
                }
                case SUBTRACT -> {
                    v = a - b;
                    dv = da - db;
                }
                case MULTIPLY -> {
                    v = a * b;
                    dv = da * b + a * db;
                }
                case DIVIDE -> {
                    if (b == 0d) {
                        return false;
                    }
                    v = a / b;
                    dv = (da - v * db) / b;
                }
                case REMAINDER -> {
                    if (b == 0d) {
                        return false;
                    }
                    v = a % b;
                    dv = da + BytecodeCompiler.remainderPartialB(a, b, v) * db;
                }
                case CALL -> {
                    String name = node.function().name();
                    if (args.length == 1) {
                        if (name.equals("cot") && FunctionTable.cotUndefined(a)) {
                            return false;
                        }
                        v = unary(name, a);
                        dv = node.active() ? first(name, a, v) * da : 0;
                    } else {
                        v = binary(name, a, b);
                        dv = (active(args[0]) ? partialA(name, a, b, v) * da : 0)
                                + (active(args[1]) ? partialB(name, a, b, v) * db : 0);
                    }
                }
                default -> throw new IllegalStateException(node.kind().toString());
            }
            value[i] = v;
            tangent[i] = dv;
        }
        return true;
    }

    /** Adjoints and their derivatives along e_j, from the root down; the variables' collect in the column. */
    private void backward() {
        Arrays.fill(adjoint, 0);
        Arrays.fill(adjointTangent, 0);
        Arrays.fill(variableAdjoint, 0);
        Arrays.fill(column, 0);
        int root = nodes.size() - 1;
        adjoint[root] = 1;
        for (int i = root; i >= 0; i--) {
            Node node = nodes.get(i);
            if (!node.active()) {
                continue;
            }
            double w = adjoint[i];
            double dw = adjointTangent[i];
            int[] args = node.arguments();
            switch (node.kind()) {
                case VARIABLE -> {
                    variableAdjoint[node.variable()] += w;
                    column[node.variable()] += dw;
                }
                case NEGATE -> pass(args[0], w, dw, -1, 0);
                case PLUS -> pass(args[0], w, dw, 1, 0);
                case ADD -> {
                    pass(args[0], w, dw, 1, 0);
                    pass(args[1], w, dw, 1, 0);
                }
                case SUBTRACT -> {
                    pass(args[0], w, dw, 1, 0);
                    pass(args[1], w, dw, -1, 0);
                }
                case MULTIPLY -> {
                    pass(args[0], w, dw, value[args[1]], tangent[args[1]]);
                    pass(args[1], w, dw, value[args[0]], tangent[args[0]]);
                }
                case DIVIDE -> {
                    double b = value[args[1]];
                    double db = tangent[args[1]];
                    double v = value[i];
                    double dv = tangent[i];
                    pass(args[0], w, dw, 1 / b, -db / (b * b));      // ∂/∂a = 1/b
                    pass(args[1], w, dw, -v / b, -(dv * b - v * db) / (b * b)); // ∂/∂b = −(a/b)/b
                }
                case REMAINDER -> {
                    pass(args[0], w, dw, 1, 0);
                    pass(args[1], w, dw, BytecodeCompiler.remainderPartialB(value[args[0]], value[args[1]],
                            value[i]), 0);
                }
                case CALL -> {
                    String name = node.function().name();
                    double a = value[args[0]];
                    double da = tangent[args[0]];
                    if (args.length == 1) {
                        pass(args[0], w, dw, first(name, a, value[i]), second(name, a, value[i]) * da);
                    } else {
                        double b = value[args[1]];
                        double db = tangent[args[1]];
                        boolean aActive = active(args[0]);
                        boolean bActive = active(args[1]);
                        double[] q = secondPartials(name, a, b);
                        if (aActive) {
                            pass(args[0], w, dw, partialA(name, a, b, value[i]),
                                    q[0] * da + (bActive ? q[1] * db : 0));
                        }
                        if (bActive) {
                            pass(args[1], w, dw, partialB(name, a, b, value[i]),
                                    (aActive ? q[1] * da : 0) + q[2] * db);
                        }
                    }
                }
                default -> throw new IllegalStateException(node.kind().toString());
            }
        }
    }

    /** Hands adjoint·p and its derivative (dw·p + w·dp) to an argument that depends on a variable. */
    private void pass(int argument, double w, double dw, double partial, double partialTangent) {
        if (!active(argument)) {
            return;
        }
        adjoint[argument] += w * partial;
        adjointTangent[argument] += dw * partial + (w == 0 ? 0 : w * partialTangent);
    }

    private boolean active(int node) {
        return nodes.get(node).active();
    }

    private static double unary(String name, double x) {
        return switch (name) {
            case "sin" -> FunctionTable.sin(x);
            case "cos" -> FunctionTable.cos(x);
            case "tan" -> FunctionTable.tan(x);
            case "cot" -> FunctionTable.cot(x);
            case "asin" -> FunctionTable.asin(x);
            case "acos" -> FunctionTable.acos(x);
            case "atan" -> FunctionTable.atan(x);
            case "sinh" -> FunctionTable.sinh(x);
            case "cosh" -> FunctionTable.cosh(x);
            case "tanh" -> FunctionTable.tanh(x);
            case "abs" -> FunctionTable.abs(x);
            case "log" -> FunctionTable.log(x);
            case "log10" -> FunctionTable.log10(x);
            case "log2" -> FunctionTable.log2(x);
            case "log1p" -> FunctionTable.log1p(x);
            case "ceil" -> FunctionTable.ceil(x);
            case "floor" -> FunctionTable.floor(x);
            case "sqrt" -> FunctionTable.sqrt(x);
            case "cbrt" -> FunctionTable.cbrt(x);
            case "exp" -> FunctionTable.exp(x);
            case "expm1" -> FunctionTable.expm1(x);
            case "signum" -> FunctionTable.signum(x);
            case "sigmoid" -> FunctionTable.sigmoid(x);
            case "softplus" -> FunctionTable.softplus(x);
            case "relu" -> FunctionTable.relu(x);
            default -> throw new IllegalStateException("no Hessian for " + name);
        };
    }

    private static double first(String name, double x, double y) {
        return switch (name) {
            case "sin" -> FunctionTable.sinDerivative(x, y);
            case "cos" -> FunctionTable.cosDerivative(x, y);
            case "tan" -> FunctionTable.tanDerivative(x, y);
            case "cot" -> FunctionTable.cotDerivative(x, y);
            case "asin" -> FunctionTable.asinDerivative(x, y);
            case "acos" -> FunctionTable.acosDerivative(x, y);
            case "atan" -> FunctionTable.atanDerivative(x, y);
            case "sinh" -> FunctionTable.sinhDerivative(x, y);
            case "cosh" -> FunctionTable.coshDerivative(x, y);
            case "tanh" -> FunctionTable.tanhDerivative(x, y);
            case "abs" -> FunctionTable.absDerivative(x, y);
            case "log" -> FunctionTable.logDerivative(x, y);
            case "log10" -> FunctionTable.log10Derivative(x, y);
            case "log2" -> FunctionTable.log2Derivative(x, y);
            case "log1p" -> FunctionTable.log1pDerivative(x, y);
            case "ceil" -> FunctionTable.ceilDerivative(x, y);
            case "floor" -> FunctionTable.floorDerivative(x, y);
            case "sqrt" -> FunctionTable.sqrtDerivative(x, y);
            case "cbrt" -> FunctionTable.cbrtDerivative(x, y);
            case "exp" -> FunctionTable.expDerivative(x, y);
            case "expm1" -> FunctionTable.expm1Derivative(x, y);
            case "signum" -> FunctionTable.signumDerivative(x, y);
            case "sigmoid" -> FunctionTable.sigmoidDerivative(x, y);
            case "softplus" -> FunctionTable.softplusDerivative(x, y);
            case "relu" -> FunctionTable.reluDerivative(x, y);
            default -> throw new IllegalStateException("no Hessian for " + name);
        };
    }

    /** f''(x), given y = f(x): each the derivative of {@link FunctionTable}'s first derivative. */
    static double second(String name, double x, double y) {
        return switch (name) {
            case "sin", "cos" -> -y;                                   // −sin x, −cos x
            case "tan", "cot" -> 2 * y * (1 + y * y);                  // (1 + tan²)' = 2 tan (1 + tan²); cot alike
            case "asin" -> x / Math.pow(1 - x * x, 1.5);
            case "acos" -> -x / Math.pow(1 - x * x, 1.5);
            case "atan" -> -2 * x / ((1 + x * x) * (1 + x * x));
            case "sinh", "cosh" -> y;
            case "tanh" -> -2 * y * (1 - y * y);
            case "abs", "ceil", "floor", "signum", "relu" -> 0;
            case "log" -> -1 / (x * x);
            case "log10" -> -1 / (x * x * Math.log(10));
            case "log2" -> -1 / (x * x * Math.log(2d));
            case "log1p" -> -1 / ((1 + x) * (1 + x));
            case "sqrt" -> y == 0 ? Double.NEGATIVE_INFINITY : -0.25 / (y * y * y);   // −¼·x^(−3/2)
            case "cbrt" -> y == 0 ? Double.NEGATIVE_INFINITY : -2 / (9 * Math.pow(y, 5)); // −(2/9)·x^(−5/3)
            case "exp" -> y;
            case "expm1" -> Math.exp(x);
            case "sigmoid" -> y * (1 - y) * (1 - 2 * y);
            case "softplus" -> {
                double s = FunctionTable.sigmoid(x);
                yield s * (1 - s);
            }
            default -> throw new IllegalStateException("no Hessian for " + name);
        };
    }

    private static double binary(String name, double a, double b) {
        return switch (name) {
            case "pow" -> FunctionTable.pow(a, b);
            case "max" -> FunctionTable.max(a, b);
            case "min" -> FunctionTable.min(a, b);
            default -> throw new IllegalStateException("no Hessian for " + name);
        };
    }

    private static double partialA(String name, double a, double b, double y) {
        return switch (name) {
            case "pow" -> FunctionTable.powPartialA(a, b, y);
            case "max" -> FunctionTable.maxPartialA(a, b, y);
            case "min" -> FunctionTable.minPartialA(a, b, y);
            default -> throw new IllegalStateException("no Hessian for " + name);
        };
    }

    private static double partialB(String name, double a, double b, double y) {
        return switch (name) {
            case "pow" -> FunctionTable.powPartialB(a, b, y);
            case "max" -> FunctionTable.maxPartialB(a, b, y);
            case "min" -> FunctionTable.minPartialB(a, b, y);
            default -> throw new IllegalStateException("no Hessian for " + name);
        };
    }

    /**
     * ∂²/∂a², ∂²/∂a∂b, ∂²/∂b² of a two-argument function. For a^b: b(b−1)·a^(b−2) (0 when b is 0 or 1),
     * a^(b−1)·(1 + b·ln a) and a^b·ln²a; max and min are piecewise linear: 0.
     */
    private final double[] partials = new double[3];

    private double[] secondPartials(String name, double a, double b) {
        if (name.equals("pow")) {
            partials[0] = b == 0 || b == 1 ? 0 : b * (b - 1) * Math.pow(a, b - 2);
            double log = Math.log(a);
            partials[1] = Math.pow(a, b - 1) * (1 + b * log);
            partials[2] = Math.pow(a, b) * log * log;
        } else {
            partials[0] = 0;
            partials[1] = 0;
            partials[2] = 0;
        }
        return partials;
    }

    /** The names of the functions with second derivatives here, for the test that none is missing. */
    static boolean covers(String name) {
        try {
            if (FunctionTable.definition(name).arity() == 1) {
                second(name, 0.5, unary(name, 0.5));
            } else {
                binary(name, 0.5, 0.5);
            }
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
