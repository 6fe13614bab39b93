package dev.adagrad.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The variables of a run, in order of first appearance in the expression, and their start values.
 *
 * <p>Every identifier that is not a function is a variable, except exp4j's constants {@code e}, {@code pi},
 * {@code π} and {@code φ}: those keep their constant value unless the start point names them ({@code e=1}), which
 * makes them variables. A positional start point never turns a constant into a variable, so {@code x*e} with
 * {@code --x0 2} has one variable.
 */
public record StartPoint(List<String> variables, double[] values) {

    public StartPoint {
        variables = List.copyOf(variables);
        values = values.clone();
    }

    /** Start values given by name ({@code w=1,b=-2}); every variable must be named, and nothing else. */
    public static StartPoint byName(ParsedExpression expression, Map<String, Double> named) {
        for (String name : named.keySet()) {
            if (!expression.identifiers().contains(name)) {
                throw new IllegalArgumentException("--x0 names '" + name + "', which is not a variable of the expression"
                        + variablesHint(expression));
            }
        }
        List<String> variables = new ArrayList<>();
        for (String identifier : expression.identifiers()) {
            boolean constant = FunctionTable.CONSTANTS.contains(identifier);
            if (named.containsKey(identifier) || !constant) {
                variables.add(identifier);
            }
        }
        // loops rather than streams: this runs at every start, before the JIT has compiled anything
        List<String> missing = new ArrayList<>();
        double[] values = new double[variables.size()];
        for (int i = 0; i < values.length; i++) {
            Double value = named.get(variables.get(i));
            if (value == null) {
                missing.add(variables.get(i));
            } else {
                values[i] = value;
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--x0 gives no start value for " + String.join(", ", missing));
        }
        return new StartPoint(variables, values);
    }

    /** Start values in the order the variables first appear in the expression ({@code 1,-2}). */
    public static StartPoint byPosition(ParsedExpression expression, double[] values) {
        List<String> variables = expression.nonConstants();
        if (variables.isEmpty()) {
            throw new IllegalArgumentException(noVariables(expression));
        }
        if (values.length != variables.size()) {
            throw new IllegalArgumentException("--x0 has " + plural(values.length, "value") + " but the expression has "
                    + plural(variables.size(), "variable") + " (" + String.join(", ", variables) + ")");
        }
        return new StartPoint(variables, values);
    }

    /** The message for an expression without variables, mentioning constants that could be made variables. */
    public static String noVariables(ParsedExpression expression) {
        List<String> constants = expression.identifiers();
        if (constants.isEmpty()) {
            return "the expression has no variables, so there is nothing to optimize";
        }
        String first = constants.get(0);
        String are = constants.size() == 1 ? " is a constant" : " are constants";
        return "the expression has no variables (" + String.join(", ", constants) + are
                + "; to optimize one, name it: --x0 " + first + "=1)";
    }

    public int dimension() {
        return variables.size();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    private static String variablesHint(ParsedExpression expression) {
        List<String> variables = expression.nonConstants();
        return variables.isEmpty() ? "" : " (its variables: " + String.join(", ", variables) + ")";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
