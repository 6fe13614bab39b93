package dev.adagrad.expr;

import java.util.ArrayList;
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

    /**
     * The identifiers that are not constants, in order: the variables, unless the start point names a constant. A
     * loop, not a stream: every run asks for them before the JIT has compiled anything.
     */
    public List<String> nonConstants() {
        List<String> variables = new ArrayList<>();
        for (String identifier : identifiers) {
            if (!FunctionTable.CONSTANTS.contains(identifier)) {
                variables.add(identifier);
            }
        }
        return List.copyOf(variables);
    }

    /**
     * The text as exp4j is given it: each run of two or more unary signs replaced by the one sign it amounts to
     * ({@code ---x} is {@code -x}, {@code --x} is {@code x}), padded with spaces so every other character keeps its
     * place. Negation is exact, so the value is the same; but exp4j's tokenizer looks at a whole run of operator
     * characters for each sign in it, and 9,999 minus signs took 42 s to read.
     */
    public String exp4jText() {
        char[] chars = text.toCharArray();
        int i = 0;
        while (i < chars.length) {
            if (!isSign(chars[i])) {
                i++;
                continue;
            }
            int start = i;
            if (endsOperand(chars, start)) {
                start++; // the first sign after an operand is a binary + or -, and stays
            }
            int end = start;
            int minuses = 0;
            while (end < chars.length && (isSign(chars[end]) || chars[end] == ' ')) {
                minuses += chars[end] == '-' ? 1 : 0;
                end++;
            }
            while (end > start && chars[end - 1] == ' ') {
                end--;
            }
            if (end - start >= 2) {
                java.util.Arrays.fill(chars, start, end, ' ');
                chars[end - 1] = minuses % 2 == 1 ? '-' : '+';
            }
            i = Math.max(end, i + 1);
        }
        return new String(chars);
    }

    private static boolean isSign(char c) {
        return c == '+' || c == '-';
    }

    /** Whether the character before {@code at} (spaces skipped) ends an operand: a digit, letter, '.', ')' or ']'. */
    private static boolean endsOperand(char[] chars, int at) {
        int i = at - 1;
        while (i >= 0 && chars[i] == ' ') {
            i--;
        }
        return i >= 0 && (Character.isLetterOrDigit(chars[i]) || chars[i] == '.' || chars[i] == '_'
                || chars[i] == ')' || chars[i] == ']' || chars[i] == '}');
    }
}
