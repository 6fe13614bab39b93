package dev.adagrad.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.objecthunter.exp4j.function.Function;

/**
 * Checks an expression's syntax before exp4j sees it, so that every mistake is reported with the character where it
 * is, and discovers the variables (exp4j needs them declared up front).
 *
 * <p>exp4j's own errors carry no usable position, and with implicit multiplication off it accepts some inputs that
 * only fail later ({@code 2 x}) or fail with a {@link NullPointerException} (an operator character such as {@code !}
 * that has no operator). This check accepts exactly the grammar below, which is a subset of what exp4j evaluates, and
 * scans numbers and names the way exp4j's {@code Tokenizer} does so both agree on where tokens end:
 *
 * <pre>
 *   expr    := unary (("+" | "-" | "*" | "/" | "%" | "^") unary)*
 *   unary   := ("+" | "-")* operand
 *   operand := number | name | function "(" expr ("," expr)* ")" | "(" expr ")"
 * </pre>
 *
 * {@code [ ]} and {@code { }} work as parentheses, as in exp4j, but must be closed by their own kind. Precedence is
 * exp4j's: {@code ^} binds tighter than unary minus ({@code -x^2 = -(x^2)}) and is right-associative
 * ({@code 2^3^2 = 2^9}).
 *
 * <p>The check is iterative, so thousands of nested parentheses cannot overflow the stack. What a person types
 * ({@link #checkTyped}) is also held to limits no real objective comes near, so that a pasted accident is refused with
 * a message rather than compiled: {@value #MAX_LENGTH} characters, {@value #MAX_DEPTH} levels of brackets and
 * {@value #MAX_VARIABLES} variables.
 */
public final class ExpressionSyntax {

    private static final Pattern NUMBER = Pattern.compile("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** An open bracket, and the function it belongs to (null for plain grouping). */
    private record Group(char open, int position, Function function, int nameStart, int separators) {
        Group withSeparator() {
            return new Group(open, position, function, nameStart, separators + 1);
        }
    }

    /** The longest expression {@link #checkTyped} accepts, in characters. */
    public static final int MAX_LENGTH = 100_000;

    /** The deepest nesting of brackets {@link #checkTyped} accepts. */
    public static final int MAX_DEPTH = 100;

    /** The most distinct names (variables and constants) {@link #checkTyped} accepts. */
    public static final int MAX_VARIABLES = 10_000;

    private final String text;
    private final boolean limited;
    private final Set<String> identifiers = new LinkedHashSet<>();
    private final Deque<Group> groups = new ArrayDeque<>();

    private ExpressionSyntax(String text, boolean limited) {
        this.text = text;
        this.limited = limited;
    }

    /**
     * Checks an expression a person typed ({@code --f}, {@code --loss}): as {@link #check}, and within
     * {@link #MAX_LENGTH}, {@link #MAX_DEPTH} and {@link #MAX_VARIABLES}.
     *
     * @throws ExpressionException naming the first mistake or the limit, and where it is
     */
    public static ParsedExpression checkTyped(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException("the expression is " + text.length() + " characters long, above the limit "
                    + "of " + MAX_LENGTH, text, MAX_LENGTH);
        }
        return new ExpressionSyntax(text, true).run();
    }

    /**
     * Checks {@code text} and returns it with its identifiers.
     *
     * @throws ExpressionException naming the first mistake and where it is
     */
    public static ParsedExpression check(String text) {
        return new ExpressionSyntax(text, false).run();
    }

    private void open(Group group) {
        if (limited && groups.size() >= MAX_DEPTH) {
            throw error("brackets nested more than " + MAX_DEPTH + " deep, the limit", group.position());
        }
        groups.push(group);
    }

    private ParsedExpression run() {
        if (text.isBlank()) {
            throw error("the expression is empty", 0);
        }
        boolean expectOperand = true;
        int lastOperator = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c) || c == '.') {
                if (!expectOperand) {
                    throw missingOperator(i);
                }
                i = number(i);
                expectOperand = false;
            } else if (Character.isLetter(c) || c == '_') {
                if (!expectOperand) {
                    throw missingOperator(i);
                }
                int groupsBefore = groups.size();
                i = name(i);
                expectOperand = groups.size() > groupsBefore; // a function call opened its argument list
            } else if (isOpen(c)) {
                if (!expectOperand) {
                    throw missingOperator(i);
                }
                open(new Group(c, i, null, -1, 0));
                i++;
            } else if (isClose(c)) {
                close(c, i, expectOperand);
                expectOperand = false;
                i++;
            } else if (c == ',') {
                Group group = groups.peek();
                if (group == null || group.function() == null) {
                    throw error("',' outside a function's argument list", i);
                }
                if (expectOperand) {
                    throw error("missing argument before ','", i);
                }
                groups.pop();
                groups.push(group.withSeparator());
                expectOperand = true;
                i++;
            } else if (c == '+' || c == '-') {
                // After an operator, '(' or ',' these are unary signs, exactly where exp4j treats them as unary.
                lastOperator = i;
                expectOperand = true;
                i++;
            } else if (c == '*' || c == '/' || c == '%' || c == '^') {
                if (expectOperand) {
                    throw misplacedOperator(c, i, lastOperator);
                }
                lastOperator = i;
                expectOperand = true;
                i++;
            } else {
                throw error("unexpected character " + describe(text.codePointAt(i)), i);
            }
        }
        if (expectOperand) {
            throw error("the expression ends where a number, variable or '(' was expected", n);
        }
        if (!groups.isEmpty()) {
            Group group = groups.peek();
            throw error("'" + group.open() + "' is never closed", group.position());
        }
        return new ParsedExpression(text, List.copyOf(identifiers));
    }

    /** Scans a number as exp4j's tokenizer does (digits, '.', 'e', a sign after 'e'), then insists it is well formed. */
    private int number(int start) {
        int end = start + 1;
        while (end < text.length() && isNumberChar(text.charAt(end), text.charAt(end - 1))) {
            end++;
        }
        char last = text.charAt(end - 1);
        if (end - start > 1 && (last == 'e' || last == 'E')) {
            end--; // exp4j gives a trailing 'e' back: "2e" is the number 2 followed by the name e
        }
        String literal = text.substring(start, end);
        if (!NUMBER.matcher(literal).matches()) {
            throw error("malformed number '" + literal + "'", start);
        }
        return end;
    }

    private static boolean isNumberChar(char c, char previous) {
        boolean afterExponent = previous == 'e' || previous == 'E';
        return Character.isDigit(c) || c == '.' || c == 'e' || c == 'E' || (afterExponent && (c == '+' || c == '-'));
    }

    /** Scans a name; a name followed by a bracket is a function call, any other name a variable or constant. */
    private int name(int start) {
        int end = start + 1;
        while (end < text.length() && isNameChar(text.charAt(end))) {
            end++;
        }
        String name = text.substring(start, end);
        int next = end;
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        Function function = FunctionTable.lookup(name);
        if (next < text.length() && isOpen(text.charAt(next))) {
            if (function == null) {
                throw error("unknown function '" + name + "'", start);
            }
            open(new Group(text.charAt(next), next, function, start, 0));
            return next + 1;
        }
        if (function != null) {
            throw error("'" + name + "' is a function: call it as " + name + "(...)", start);
        }
        if (identifiers.add(name) && limited && identifiers.size() > MAX_VARIABLES) {
            throw error("more than " + MAX_VARIABLES + " different names, the limit for variables", start);
        }
        return end;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetter(c) || Character.isDigit(c) || c == '_';
    }

    private void close(char c, int i, boolean expectOperand) {
        if (groups.isEmpty()) {
            throw error("'" + c + "' has no matching opening bracket", i);
        }
        Group group = groups.peek();
        if (expectOperand) {
            boolean empty = group.position() == lastNonSpaceBefore(i);
            if (empty && group.function() != null) {
                throw error(group.function().getName() + " takes " + count(group.function().getNumArguments())
                        + " but is given none", group.nameStart());
            }
            throw error(empty ? "empty brackets" : "missing operand before '" + c + "'", i);
        }
        if (c != closing(group.open())) {
            throw error("'" + c + "' does not match the '" + group.open() + "' at character "
                    + (group.position() + 1), i);
        }
        groups.pop();
        Function function = group.function();
        if (function != null) {
            int arguments = group.separators() + 1;
            if (arguments != function.getNumArguments()) {
                throw error(function.getName() + " takes " + count(function.getNumArguments()) + " but is given "
                        + arguments, group.nameStart());
            }
        }
    }

    private int lastNonSpaceBefore(int i) {
        int j = i - 1;
        while (j >= 0 && Character.isWhitespace(text.charAt(j))) {
            j--;
        }
        return j;
    }

    private ExpressionException missingOperator(int i) {
        return error("missing operator: write 2*x, not 2x or 2 x", i);
    }

    private ExpressionException misplacedOperator(char c, int i, int lastOperator) {
        if (c == '*' && lastOperator >= 0 && lastOperator == i - 1 && text.charAt(lastOperator) == '*') {
            return error("'**' is not an operator: write x^2 for a power", lastOperator);
        }
        return error("'" + c + "' needs a number, variable or ')' before it", i);
    }

    private static String count(int arguments) {
        return arguments == 1 ? "1 argument" : arguments + " arguments";
    }

    private static boolean isOpen(char c) {
        return c == '(' || c == '[' || c == '{';
    }

    private static boolean isClose(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    private static char closing(char open) {
        return switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            default -> '}';
        };
    }

    private static String describe(int codePoint) {
        String hex = String.format(Locale.ROOT, "U+%04X", codePoint);
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return hex;
        }
        return "'" + new String(Character.toChars(codePoint)) + "' (" + hex + ")";
    }

    private ExpressionException error(String problem, int position) {
        return new ExpressionException(problem, text, position);
    }
}
