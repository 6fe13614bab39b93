package dev.adagrad.expr;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.function.Functions;

/**
 * The functions an objective may call: exp4j's built-ins plus the ones this project adds.
 *
 * <p>exp4j 0.4.8 has no {@code max}/{@code min}; they are added here with {@link Math#max}/{@link Math#min} semantics
 * (NaN if either argument is NaN). For losses: {@code sigmoid}, {@code softplus} and {@code relu}, written to stay
 * finite and accurate for large |z| (see {@link #sigmoid} and {@link #softplus}).
 */
public final class FunctionTable {

    /** Names of exp4j 0.4.8's built-in functions, as listed in its {@code Functions} class. */
    private static final List<String> EXP4J_BUILTINS = List.of(
            "sin", "cos", "tan", "cot", "asin", "acos", "atan", "sinh", "cosh", "tanh",
            "abs", "log", "log10", "log2", "log1p", "ceil", "floor", "sqrt", "cbrt", "pow",
            "exp", "expm1", "signum");

    private static final List<Function> EXTRA = List.of(
            new Function("max", 2) {
                @Override
                public double apply(double... args) {
                    return Math.max(args[0], args[1]);
                }
            },
            new Function("min", 2) {
                @Override
                public double apply(double... args) {
                    return Math.min(args[0], args[1]);
                }
            },
            new Function("sigmoid", 1) {
                @Override
                public double apply(double... args) {
                    return sigmoid(args[0]);
                }
            },
            new Function("softplus", 1) {
                @Override
                public double apply(double... args) {
                    return softplus(args[0]);
                }
            },
            new Function("relu", 1) {
                @Override
                public double apply(double... args) {
                    return Math.max(0, args[0]);
                }
            });

    /** Constants exp4j defines; each is a constant unless the user gives it a start value by name. */
    public static final List<String> CONSTANTS = List.of("e", "pi", "π", "φ");

    private static final Map<String, Function> ALL = new TreeMap<>();

    static {
        for (String name : EXP4J_BUILTINS) {
            ALL.put(name, Functions.getBuiltinFunction(name));
        }
        for (Function function : EXTRA) {
            ALL.put(function.getName(), function);
        }
    }

    private FunctionTable() {
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

    /**
     * log(1 + e^z) = max(z, 0) + log1p(e^−|z|): e^−|z| ≤ 1 never overflows, and log1p keeps the digits that
     * log(1 + tiny) would lose. softplus(1000) is 1000, not ∞; softplus(−1000) is e^−1000 ≈ 0, not log(1) − rounding.
     */
    public static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** The function with this name, or {@code null} if there is none. */
    public static Function lookup(String name) {
        return ALL.get(name);
    }

    /** Functions exp4j does not know and must be given when building an expression. */
    static List<Function> extraFunctions() {
        return EXTRA;
    }

    /** Every function name, sorted, with its number of arguments, for help texts. */
    public static Map<String, Integer> arities() {
        Map<String, Integer> arities = new TreeMap<>();
        ALL.forEach((name, function) -> arities.put(name, function.getNumArguments()));
        return arities;
    }
}
