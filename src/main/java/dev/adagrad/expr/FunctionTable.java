package dev.adagrad.expr;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.function.Functions;

/**
 * The functions an objective may call: exp4j's built-ins plus the ones this project adds, each with its value and its
 * derivative in one place.
 *
 * <p>A function is one {@link #define} line in {@link #DEFINITIONS} plus static methods below it, found by name:
 * {@code NAME(x)} and {@code NAMEDerivative(x, y)} for one argument (y is the value NAME(x)), or {@code NAME(a, b)},
 * {@code NAMEPartialA(a, b, y)} and {@code NAMEPartialB(a, b, y)} for two. The compiled evaluator calls them
 * directly ({@link BytecodeCompiler}), so they must compute exactly what exp4j 0.4.8's {@code Functions} class
 * computes; the corpus test holds them to it bit for bit. A function that exp4j makes throw (cot where tan x = 0)
 * also has {@code NAMEUndefined(x)}: where it is true the whole expression is NaN, as exp4j's exception makes it.
 *
 * <p>Where a derivative is not defined, the exact gradient uses the value each definition's note states: |x| and the
 * step functions give 0 at their kinks and jumps, max/min split a tie ½/½, and √x, ∛x, asin, acos give the one-sided
 * limit (±∞) at the ends of their domain.
 *
 * <p>For losses: {@code sigmoid}, {@code softplus} and {@code relu}, written to stay finite and accurate for large |z|
 * (see {@link #sigmoid} and {@link #softplus}).
 */
public final class FunctionTable {

    /**
     * One function: its name, its number of arguments, whether exp4j has it built in, and how its derivative is
     * chosen where that is a matter of choice.
     */
    public record Definition(String name, int arity, boolean exp4jBuiltIn, boolean canBeUndefined,
                             String derivative) {

        /** This definition as an exp4j function: exp4j's own for its built-ins, else one calling the methods here. */
        public Function asExp4j() {
            return exp4jBuiltIn ? Functions.getBuiltinFunction(name) : new StaticFunction(this);
        }
    }

    private static final List<Definition> DEFINITIONS = List.of(
            define("sin", 1, "cos x"),
            define("cos", 1, "−sin x"),
            define("tan", 1, "1 + tan²x"),
            defineUndefinedAt("cot", 1, "−(1 + cot²x); cot is NaN where tan x = 0, as exp4j throws there"),
            define("asin", 1, "1/√(1 − x²), +∞ at ±1"),
            define("acos", 1, "−1/√(1 − x²), −∞ at ±1"),
            define("atan", 1, "1/(1 + x²)"),
            define("sinh", 1, "cosh x"),
            define("cosh", 1, "sinh x"),
            define("tanh", 1, "1 − tanh²x"),
            define("abs", 1, "sign(x), and 0 at x = 0"),
            define("log", 1, "1/x"),
            define("log10", 1, "1/(x·ln 10)"),
            define("log2", 1, "1/(x·ln 2)"),
            define("log1p", 1, "1/(1 + x)"),
            define("ceil", 1, "0 (also at the jumps)"),
            define("floor", 1, "0 (also at the jumps)"),
            define("sqrt", 1, "1/(2√x), +∞ at x = 0"),
            define("cbrt", 1, "1/(3∛x²), +∞ at x = 0"),
            define("pow", 2, "∂a = b·a^(b−1) (0 when b = 0); ∂b = a^b·ln a (0 when a = 0 and b ≥ 0)"),
            define("exp", 1, "exp x"),
            define("expm1", 1, "exp x"),
            define("signum", 1, "0 (also at x = 0)"),
            defineExtra("max", 2, "1 for the larger argument, 0 for the other, ½ each at a tie"),
            defineExtra("min", 2, "1 for the smaller argument, 0 for the other, ½ each at a tie"),
            defineExtra("sigmoid", 1, "sigmoid x · (1 − sigmoid x)"),
            defineExtra("softplus", 1, "sigmoid x"),
            defineExtra("relu", 1, "1 above 0, 0 at and below 0"));

    /** Constants exp4j defines; each is a constant unless the user gives it a start value by name. */
    public static final List<String> CONSTANTS = List.of("e", "pi", "π", "φ");

    private static final Map<String, Definition> BY_NAME = new TreeMap<>();
    private static final Map<String, Function> EXP4J = new TreeMap<>();

    static {
        for (Definition definition : DEFINITIONS) {
            BY_NAME.put(definition.name(), definition);
        }
    }

    private FunctionTable() {
    }

    private static Definition define(String name, int arity, String derivative) {
        return new Definition(name, arity, true, false, derivative);
    }

    private static Definition defineUndefinedAt(String name, int arity, String derivative) {
        return new Definition(name, arity, true, true, derivative);
    }

    private static Definition defineExtra(String name, int arity, String derivative) {
        return new Definition(name, arity, false, false, derivative);
    }

    /** The value exp4j 0.4.8 gives a constant ({@code Expression.createDefaultVariables}). */
    static double constant(String name) {
        return switch (name) {
            case "pi", "π" -> Math.PI;
            case "e" -> Math.E;
            case "φ" -> 1.61803398874;
            default -> throw new IllegalArgumentException("not a constant: " + name);
        };
    }

    /** The function with this name, or {@code null} if there is none. */
    public static Function lookup(String name) {
        Definition definition = BY_NAME.get(name);
        if (definition == null) {
            return null;
        }
        synchronized (EXP4J) {
            Function function = EXP4J.get(name);
            if (function == null) {
                function = definition.asExp4j();
                EXP4J.put(name, function);
            }
            return function;
        }
    }

    /** The definition with this name, or {@code null}. */
    public static Definition definition(String name) {
        return BY_NAME.get(name);
    }

    /** Every definition, sorted by name. */
    public static List<Definition> definitions() {
        return List.copyOf(BY_NAME.values());
    }

    /** Functions exp4j does not know and must be given when building an expression. */
    static List<Function> extraFunctions() {
        // loops rather than streams and lambdas here and below: this runs at every start, before the JIT has compiled
        List<Function> extra = new ArrayList<>();
        for (Definition definition : DEFINITIONS) {
            if (!definition.exp4jBuiltIn()) {
                extra.add(lookup(definition.name()));
            }
        }
        return List.copyOf(extra);
    }

    /** Every function name, sorted, with its number of arguments, for help texts. */
    public static Map<String, Integer> arities() {
        Map<String, Integer> arities = new TreeMap<>();
        for (Map.Entry<String, Definition> entry : BY_NAME.entrySet()) {
            arities.put(entry.getKey(), entry.getValue().arity());
        }
        return Collections.unmodifiableMap(arities);
    }

    /** The static method implementing a definition's value or one of its partial derivatives. */
    static MethodHandle method(String methodName, int doubles, Class<?> returnType) {
        Class<?>[] parameters = new Class<?>[doubles];
        java.util.Arrays.fill(parameters, double.class);
        try {
            return MethodHandles.lookup().findStatic(FunctionTable.class, methodName,
                    MethodType.methodType(returnType, parameters));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("FunctionTable lacks " + methodName + " with " + doubles + " arguments", e);
        }
    }

    /** An exp4j function that calls a definition's static method; for the functions exp4j lacks. */
    private static final class StaticFunction extends Function {
        /**
         * Looked up when exp4j first evaluates it: every start parses --f with these functions declared, but only
         * exp4j's own evaluation calls them (a method handle's look-up runs interpreted there, a few hundred µs each).
         */
        private MethodHandle value;

        StaticFunction(Definition definition) {
            super(definition.name(), definition.arity());
        }

        @Override
        public double apply(double... args) {
            MethodHandle value = this.value;
            if (value == null) { // a race makes the same immutable handle twice
                value = method(getName(), getNumArguments(), double.class);
                this.value = value;
            }
            try {
                return args.length == 1 ? (double) value.invokeExact(args[0])
                        : (double) value.invokeExact(args[0], args[1]);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- The functions. Values exactly as exp4j 0.4.8's Functions class computes them. ----

    static double sin(double x) {
        return Math.sin(x);
    }

    static double sinDerivative(double x, double y) {
        return Math.cos(x);
    }

    static double cos(double x) {
        return Math.cos(x);
    }

    static double cosDerivative(double x, double y) {
        return -Math.sin(x);
    }

    static double tan(double x) {
        return Math.tan(x);
    }

    static double tanDerivative(double x, double y) {
        return 1 + y * y;
    }

    /** exp4j: throws "Division by zero in cotangent!" where tan x = 0. */
    static boolean cotUndefined(double x) {
        return Math.tan(x) == 0d;
    }

    static double cot(double x) {
        return 1d / Math.tan(x);
    }

    static double cotDerivative(double x, double y) {
        return -(1 + y * y);
    }

    static double asin(double x) {
        return Math.asin(x);
    }

    static double asinDerivative(double x, double y) {
        return 1 / Math.sqrt(1 - x * x);
    }

    static double acos(double x) {
        return Math.acos(x);
    }

    static double acosDerivative(double x, double y) {
        return -1 / Math.sqrt(1 - x * x);
    }

    static double atan(double x) {
        return Math.atan(x);
    }

    static double atanDerivative(double x, double y) {
        return 1 / (1 + x * x);
    }

    static double sinh(double x) {
        return Math.sinh(x);
    }

    static double sinhDerivative(double x, double y) {
        return Math.cosh(x);
    }

    static double cosh(double x) {
        return Math.cosh(x);
    }

    static double coshDerivative(double x, double y) {
        return Math.sinh(x);
    }

    static double tanh(double x) {
        return Math.tanh(x);
    }

    static double tanhDerivative(double x, double y) {
        return 1 - y * y;
    }

    static double abs(double x) {
        return Math.abs(x);
    }

    /** sign(x); 0 at x = 0 (and −0). */
    static double absDerivative(double x, double y) {
        return x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : Double.NaN;
    }

    static double log(double x) {
        return Math.log(x);
    }

    static double logDerivative(double x, double y) {
        return 1 / x;
    }

    static double log10(double x) {
        return Math.log10(x);
    }

    static double log10Derivative(double x, double y) {
        return 1 / (x * Math.log(10));
    }

    /** exp4j computes log₂ as ln x / ln 2. */
    static double log2(double x) {
        return Math.log(x) / Math.log(2d);
    }

    static double log2Derivative(double x, double y) {
        return 1 / (x * Math.log(2d));
    }

    static double log1p(double x) {
        return Math.log1p(x);
    }

    static double log1pDerivative(double x, double y) {
        return 1 / (1 + x);
    }

    static double ceil(double x) {
        return Math.ceil(x);
    }

    static double ceilDerivative(double x, double y) {
        return 0;
    }

    static double floor(double x) {
        return Math.floor(x);
    }

    static double floorDerivative(double x, double y) {
        return 0;
    }

    static double sqrt(double x) {
        return Math.sqrt(x);
    }

    /** 1/(2√x); +∞ at 0 (also at −0, whose square root is −0), the limit from the right. */
    static double sqrtDerivative(double x, double y) {
        return y == 0 ? Double.POSITIVE_INFINITY : 0.5 / y;
    }

    static double cbrt(double x) {
        return Math.cbrt(x);
    }

    /** 1/(3∛x²); +∞ at 0. */
    static double cbrtDerivative(double x, double y) {
        return y == 0 ? Double.POSITIVE_INFINITY : 1 / (3 * y * y);
    }

    /** Also the operator {@code ^}. */
    static double pow(double a, double b) {
        return Math.pow(a, b);
    }

    /** b·a^(b−1), and 0 when b = 0 (a⁰ is the constant 1, even at a = 0), as PyTorch does. */
    static double powPartialA(double a, double b, double y) {
        return b == 0 ? 0 : b * Math.pow(a, b - 1);
    }

    /** a^b·ln a, and 0 when a = 0 and b ≥ 0 (the limit of a^b·ln a as a → 0⁺), as PyTorch does. */
    static double powPartialB(double a, double b, double y) {
        return a == 0 && b >= 0 ? 0 : y * Math.log(a);
    }

    static double exp(double x) {
        return Math.exp(x);
    }

    static double expDerivative(double x, double y) {
        return y;
    }

    static double expm1(double x) {
        return Math.expm1(x);
    }

    static double expm1Derivative(double x, double y) {
        return Math.exp(x);
    }

    /** exp4j's signum: 1 above 0, −1 below, 0 otherwise (also for NaN, unlike Math.signum). */
    static double signum(double x) {
        return x > 0 ? 1 : x < 0 ? -1 : 0;
    }

    static double signumDerivative(double x, double y) {
        return 0;
    }

    static double max(double a, double b) {
        return Math.max(a, b);
    }

    static double maxPartialA(double a, double b, double y) {
        return a > b ? 1 : a < b ? 0 : 0.5;
    }

    static double maxPartialB(double a, double b, double y) {
        return b > a ? 1 : b < a ? 0 : 0.5;
    }

    static double min(double a, double b) {
        return Math.min(a, b);
    }

    static double minPartialA(double a, double b, double y) {
        return a < b ? 1 : a > b ? 0 : 0.5;
    }

    static double minPartialB(double a, double b, double y) {
        return b < a ? 1 : b > a ? 0 : 0.5;
    }

    /**
     * 1 / (1 + e^−z), computed as e^z / (1 + e^z) for z < 0 so that e^−z never overflows: sigmoid(−800) is e^−800
     * (a subnormal 0), not 1/∞ by way of an overflow, and sigmoid(800) is 1.
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    static double sigmoidDerivative(double z, double y) {
        return y * (1 - y);
    }

    /**
     * log(1 + e^z) = max(z, 0) + log1p(e^−|z|): e^−|z| ≤ 1 never overflows, and log1p keeps the digits that
     * log(1 + tiny) would lose. softplus(1000) is 1000, not ∞; softplus(−1000) is e^−1000 ≈ 0, not log(1) − rounding.
     */
    public static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    static double softplusDerivative(double z, double y) {
        return sigmoid(z);
    }

    /** max(0, z), NaN for NaN. */
    static double relu(double z) {
        return Math.max(0, z);
    }

    static double reluDerivative(double z, double y) {
        return z > 0 ? 1 : 0;
    }
}
