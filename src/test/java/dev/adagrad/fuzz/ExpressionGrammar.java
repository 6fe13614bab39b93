package dev.adagrad.fuzz;

import dev.adagrad.expr.FunctionTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random expressions from a small grammar, each with what the program must make of it: {@link Validity#VALID} ones
 * parse and have at least one variable, {@link Validity#INVALID} ones are refused as usage errors (an unknown
 * function, an unbalanced bracket, a stray or non-ASCII symbol, a missing operand, nesting past the limit, …), and
 * {@link Validity#UNKNOWN} ones are random damage whose fate the generator does not claim to know.
 */
final class ExpressionGrammar {

    enum Validity { VALID, INVALID, UNKNOWN }

    /**
     * An expression and its variables in order of first appearance (empty unless valid).
     *
     * @param why for an invalid one, how it was broken; shown in failure reports
     */
    record Expr(String text, List<String> variables, Validity validity, String why) {
    }

    /** Names that are neither functions nor constants; non-ASCII letters are names too. */
    private static final List<String> VARIABLES = List.of("x", "y", "w", "b", "z1", "x_2", "é", "θ", "alpha");
    private static final List<String> UNKNOWN_FUNCTIONS = List.of("foo", "Sin", "ln", "sinn", "exp2", "e", "pi", "x");
    private static final List<String> STRAY = List.of("!", "#", "$", "&", ";", "?", "~", "`", "'", "\"", "@", "\\",
            "|", "=", "<", ">", ":", "²", "×", "√", "−", "∞", "😀", "\u0000", "·");
    private static final String[][] BRACKETS = {{"(", ")"}, {"[", "]"}, {"{", "}"}};
    private static final String[] OPERATORS = {"+", "-", "*", "/", "^", "%"};
    private static final Map<String, Integer> ARITIES = FunctionTable.arities();
    private static final List<String> FUNCTIONS = List.copyOf(ARITIES.keySet());

    private final SplittableRandom random;
    private final LinkedHashSet<String> used = new LinkedHashSet<>();
    private List<String> pool;

    ExpressionGrammar(SplittableRandom random) {
        this.random = random;
    }

    /** A valid expression with one to three variables, small enough for --grad exact. */
    Expr valid() {
        return valid(1 + random.nextInt(3), 1 + random.nextInt(4));
    }

    Expr valid(int variableCount, int depth) {
        used.clear();
        pool = pick(VARIABLES, variableCount);
        String text = expression(depth);
        if (used.isEmpty()) {
            String name = pool.get(0);
            text = text + " + " + name + "^2";
            used.add(name);
        }
        return new Expr(text, List.copyOf(used), Validity.VALID, "valid");
    }

    /** A long sum, or deep but legal nesting: valid. */
    Expr large() {
        used.clear();
        pool = pick(VARIABLES, 1 + random.nextInt(2));
        String text;
        if (random.nextBoolean()) {
            int terms = 50 + random.nextInt(random.nextInt(10) == 0 ? 2500 : 400);
            StringBuilder sum = new StringBuilder(leafVariable());
            for (int i = 1; i < terms && sum.length() < 9_900; i++) { // far below the limit of 100,000 characters
                sum.append(random.nextBoolean() ? " + " : "+").append(random.nextBoolean() ? leafVariable()
                        : leafNumber());
            }
            text = sum.toString();
        } else {
            text = nested(1 + random.nextInt(100), leafVariable() + "^2");
        }
        return new Expr(text, List.copyOf(used), Validity.VALID, "valid (large)");
    }

    /** Brackets and one-argument calls around {@code core}, {@code depth} deep in all. */
    private String nested(int depth, String core) {
        StringBuilder open = new StringBuilder();
        StringBuilder close = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            String[] bracket = BRACKETS[random.nextInt(BRACKETS.length)];
            boolean call = random.nextInt(3) == 0;
            open.append(call ? randomOf(List.of("abs", "sqrt", "exp", "tanh", "softplus")) + "(" : bracket[0]);
            close.insert(0, call ? ")" : bracket[1]);
        }
        return open + core + close;
    }

    /** An expression broken in one way that the program must refuse with a usage error. */
    Expr invalid() {
        Expr base = valid();
        String text = base.text();
        switch (random.nextInt(13)) {
            case 0:
                return bad(random.nextBoolean() ? "" : " ".repeat(1 + random.nextInt(3)), "empty");
            case 1: {
                String name = randomOf(UNKNOWN_FUNCTIONS);
                return bad(insertOperand(text, name + "(" + leafVariable() + ")"), "unknown function " + name);
            }
            case 2:
                return bad(random.nextBoolean() ? text + ")" : "(" + text, "unbalanced bracket");
            case 3:
                return bad("(" + text + "]", "mismatched brackets");
            case 4: {
                String stray = randomOf(STRAY);
                return bad(insertAtBoundary(text, " " + stray + " "), "stray character " + escape(stray));
            }
            case 5:
                return bad(text + " " + randomOf(List.of("+", "*", "/", "^", "-")), "trailing operator");
            case 6:
                return bad(randomOf(List.of("*", "/", "^", ")")) + " " + text, "leading operator");
            case 7:
                return bad(insertOperand(text, (1 + random.nextInt(9)) + leafVariable()), "missing operator");
            case 8: {
                String function = randomOf(FUNCTIONS);
                return bad(insertOperand(text, function), "function " + function + " used as a variable");
            }
            case 9: {
                String function = randomOf(FUNCTIONS);
                int wrong = ARITIES.get(function) == 1 ? 2 : 1;
                String arguments = wrong == 1 ? leafVariable() : leafVariable() + ", " + leafNumber();
                return bad(insertOperand(text, function + "(" + arguments + ")"), "wrong arity of " + function);
            }
            case 10:
                return bad(nested(101 + random.nextInt(200), leafVariable()), "nesting past 100");
            case 11:
                return bad(text + " + " + "x + ".repeat(25_000 + random.nextInt(10_000)) + "x", "longer than 100000");
            default:
                return bad(insertOperand(text, randomOf(List.of("1.2.3", "1..2", "1e+", ".")) ), "malformed number");
        }
    }

    /** Random damage: deleted, doubled or foreign characters, or a string of random symbols. */
    Expr junk() {
        String text = valid().text();
        StringBuilder damaged = new StringBuilder(text);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(damaged.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (at < damaged.length()) {
                        damaged.deleteCharAt(at);
                    }
                }
                case 1 -> damaged.insert(at, randomOf(List.of("(", ")", ",", "-", "e", "1", "x", " ", "\t", "é")));
                case 2 -> damaged.insert(at, randomOf(STRAY));
                default -> damaged.insert(at, randomOf(FUNCTIONS));
            }
        }
        if (random.nextInt(8) == 0) {
            String alphabet = "xy01e.+-*/^%()[]{},  éπ²\t";
            damaged.setLength(0);
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                damaged.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return new Expr(damaged.toString(), List.of(), Validity.UNKNOWN, "random damage");
    }

    private Expr bad(String text, String why) {
        return new Expr(text, List.of(), Validity.INVALID, why);
    }

    private String expression(int depth) {
        if (depth <= 0 || random.nextInt(4) == 0) {
            return operand(0);
        }
        int terms = 2 + random.nextInt(random.nextInt(6) == 0 ? 12 : 3);
        StringBuilder text = new StringBuilder(operand(depth - 1));
        for (int i = 1; i < terms; i++) {
            String operator = random.nextInt(3) == 0 ? OPERATORS[random.nextInt(OPERATORS.length)]
                    : randomOf(List.of("+", "-", "*"));
            text.append(space()).append(operator).append(space()).append(operand(depth - 1));
        }
        return text.toString();
    }

    private String operand(int depth) {
        int kind = depth <= 0 ? random.nextInt(3) : random.nextInt(7);
        switch (kind) {
            case 0:
            case 1:
                return leafVariable();
            case 2:
                return random.nextInt(4) == 0 ? randomOf(List.of("pi", "e")) : leafNumber();
            case 3:
            case 4: {
                String[] bracket = BRACKETS[random.nextInt(BRACKETS.length)];
                return (random.nextInt(4) == 0 ? "-" : "") + bracket[0] + expression(depth) + bracket[1];
            }
            default: {
                String function = randomOf(FUNCTIONS);
                StringBuilder call = new StringBuilder(function).append('(').append(expression(depth - 1));
                for (int i = 1; i < ARITIES.get(function); i++) {
                    call.append(',').append(space()).append(expression(depth - 1));
                }
                return call.append(')').toString();
            }
        }
    }

    private String leafVariable() {
        String name = randomOf(pool);
        used.add(name);
        return name;
    }

    private String leafNumber() {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(10));
            case 1 -> random.nextInt(100) + "." + random.nextInt(100);
            case 2 -> (1 + random.nextInt(9)) + "e" + (random.nextBoolean() ? "-" : "") + random.nextInt(5);
            case 3 -> "0." + random.nextInt(1000);
            case 4 -> (1 + random.nextInt(9)) + "E+" + random.nextInt(3);
            default -> "." + (1 + random.nextInt(9));
        };
    }

    private String space() {
        return random.nextInt(3) == 0 ? " " : "";
    }

    /** Adds an operand to a valid expression, keeping it valid if the operand were. */
    private String insertOperand(String text, String operand) {
        return switch (random.nextInt(3)) {
            case 0 -> operand + " + " + text;
            case 1 -> text + " * " + operand;
            default -> "(" + text + ") - " + operand;
        };
    }

    /** Inserts at the start, the end or around the expression, never inside a name or number. */
    private String insertAtBoundary(String text, String inserted) {
        return switch (random.nextInt(3)) {
            case 0 -> inserted.strip() + text;
            case 1 -> text + inserted;
            default -> "(" + text + ")" + inserted + "2";
        };
    }

    private List<String> pick(List<String> from, int count) {
        List<String> copy = new ArrayList<>(from);
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count && !copy.isEmpty(); i++) {
            picked.add(copy.remove(random.nextInt(copy.size())));
        }
        return picked;
    }

    private <T> T randomOf(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
