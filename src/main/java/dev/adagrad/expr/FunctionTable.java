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
 * (NaN if either argument is NaN).
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
