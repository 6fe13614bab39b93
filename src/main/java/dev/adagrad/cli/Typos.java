package dev.adagrad.cli;

import dev.adagrad.expr.FunctionTable;
import dev.adagrad.expr.TestFunction;
import dev.adagrad.expr.TestFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names in {@code --f} that are valid but probably not what was meant: {@code sinx} (one variable, where sin(x) was
 * meant) and {@code rosenbrok} (one variable, where the test function rosenbrock was meant). Each is worth a note, not
 * a refusal: a variable may be called {@code cost}.
 */
final class Typos {

    /** A note; {@code nearTestFunction} when --f is one name close to a test function's (an error without --x0). */
    record Note(String text, boolean nearTestFunction) {
    }

    /** Compiled when first needed (a name that starts with a function's), not at every start. */
    private static final class Name {
        static final Pattern PATTERN = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");
    }

    private Typos() {
    }

    /**
     * The notes for an expression whose candidate variables are {@code identifiers}; names in {@code meant} (given by
     * name in --x0) are never questioned.
     */
    static List<Note> inExpression(String expression, List<String> identifiers, List<String> meant) {
        List<Note> notes = new ArrayList<>();
        if (identifiers.size() == 1 && expression.equals(identifiers.get(0)) && !meant.contains(expression)) {
            List<String> near = Suggestions.near(expression, TestFunctions.all().stream().map(TestFunction::name)
                    .toList());
            if (!near.isEmpty()) {
                notes.add(new Note("'" + Errors.shorten(expression) + "' is no test function (did you mean "
                        + String.join(" or ", near) + "?); 'adagrad functions' lists them", true));
                return notes;
            }
        }
        for (String identifier : identifiers) {
            String function = gluedFunction(identifier, identifiers);
            if (function != null && !meant.contains(identifier)) {
                String argument = identifier.substring(function.length());
                notes.add(new Note("'" + identifier + "' is one variable; for the function write " + function
                        + "(" + argument + ")", false));
            }
        }
        return notes;
    }

    /**
     * The one-argument function {@code identifier} starts with, when the rest reads as a variable: a name of one or
     * two characters ({@code sinx}, {@code expxy}) or another variable of the expression ({@code lograte} beside
     * {@code rate}). The longest such function, so {@code sinhx} is sinh(x); null when there is none.
     */
    static String gluedFunction(String identifier, List<String> identifiers) {
        String best = null;
        for (var entry : FunctionTable.arities().entrySet()) {
            String function = entry.getKey();
            if (entry.getValue() != 1 || !identifier.startsWith(function) || identifier.equals(function)) {
                continue;
            }
            String rest = identifier.substring(function.length());
            if (Name.PATTERN.matcher(rest).matches() && (rest.length() <= 2 || identifiers.contains(rest))
                    && (best == null || function.length() > best.length())) {
                best = function;
            }
        }
        return best;
    }
}
