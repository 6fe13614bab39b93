package dev.adagrad.expr;

import java.util.List;

/**
 * An expression that passed the syntax check, with the identifiers that are not function names, in order of first
 * appearance. Those are the candidate variables: the constants among them ({@link FunctionTable#CONSTANTS}) become
 * variables only when the user names them in the start point.
 */
public record ParsedExpression(String text, List<String> identifiers) {

    public ParsedExpression {
        identifiers = List.copyOf(identifiers);
    }
}
