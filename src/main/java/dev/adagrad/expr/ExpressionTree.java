package dev.adagrad.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.shuntingyard.ShuntingYard;
import net.objecthunter.exp4j.tokenizer.FunctionToken;
import net.objecthunter.exp4j.tokenizer.NumberToken;
import net.objecthunter.exp4j.tokenizer.OperatorToken;
import net.objecthunter.exp4j.tokenizer.Token;
import net.objecthunter.exp4j.tokenizer.VariableToken;

/**
 * An expression as exp4j parses it, turned into a tree whose nodes are listed in evaluation order (exp4j's reverse
 * Polish order: every node after its arguments, the root last). This is what {@link BytecodeCompiler} compiles: exp4j
 * stays the parser, so precedence, unary minus ({@code -x^2 = -(x^2)}, {@code 2^-2}) and right-associative {@code ^}
 * are exactly exp4j's.
 *
 * <p>Built without recursion, so deep nesting cannot overflow the stack.
 */
final class ExpressionTree {

    /** What a node computes. */
    enum Kind {
        CONSTANT, VARIABLE, NEGATE, PLUS, ADD, SUBTRACT, MULTIPLY, DIVIDE, REMAINDER, CALL
    }

    /**
     * One node.
     *
     * @param kind      what it computes ({@code ^} is a CALL of pow, which computes the same Math.pow)
     * @param constant  the value of a CONSTANT
     * @param variable  the coordinate of a VARIABLE
     * @param function  the function a CALL calls
     * @param arguments indices of the argument nodes, all smaller than this node's
     * @param active    whether the node depends on a variable (only those need derivatives)
     */
    record Node(Kind kind, double constant, int variable, FunctionTable.Definition function, int[] arguments,
                boolean active) {
    }

    private final List<Node> nodes;
    private final int dimension;

    private ExpressionTree(List<Node> nodes, int dimension) {
        this.nodes = List.copyOf(nodes);
        this.dimension = dimension;
    }

    /** The nodes in evaluation order; the last is the root. */
    List<Node> nodes() {
        return nodes;
    }

    int dimension() {
        return dimension;
    }

    /**
     * Parses {@code parsed} with exp4j's shunting-yard algorithm; {@code variables} are the coordinates, and the other
     * identifiers must be exp4j's constants.
     *
     * @throws ExpressionException if exp4j cannot parse it
     */
    static ExpressionTree parse(ParsedExpression parsed, List<String> variables) {
        Map<String, Function> extras = new HashMap<>();
        for (Function function : FunctionTable.extraFunctions()) {
            extras.put(function.getName(), function);
        }
        Set<String> names = new TreeSet<>(parsed.identifiers());
        names.addAll(FunctionTable.CONSTANTS);
        Token[] tokens;
        try {
            tokens = ShuntingYard.convertToRPN(parsed.exp4jText(), extras, Map.of(), names, false);
        } catch (RuntimeException e) {
            throw new ExpressionException("exp4j cannot parse it: " + e.getMessage(), parsed.text(), 0);
        }
        List<Node> nodes = new ArrayList<>(tokens.length);
        int[] stack = new int[tokens.length];
        int depth = 0;
        for (Token token : tokens) {
            Node node;
            if (token instanceof NumberToken number) {
                node = new Node(Kind.CONSTANT, number.getValue(), -1, null, new int[0], false);
            } else if (token instanceof VariableToken variable) {
                int index = variables.indexOf(variable.getName());
                node = index >= 0
                        ? new Node(Kind.VARIABLE, Double.NaN, index, null, new int[0], true)
                        : new Node(Kind.CONSTANT, FunctionTable.constant(variable.getName()), -1, null, new int[0],
                        false);
            } else if (token instanceof OperatorToken operator) {
                int arity = operator.getOperator().getNumOperands();
                String symbol = operator.getOperator().getSymbol();
                Kind kind = kind(symbol, arity);
                FunctionTable.Definition function = kind == Kind.CALL ? FunctionTable.definition("pow") : null;
                node = operation(kind, function, arity, stack, depth, nodes, parsed);
            } else if (token instanceof FunctionToken call) {
                FunctionTable.Definition function = FunctionTable.definition(call.getFunction().getName());
                node = operation(Kind.CALL, function, function.arity(), stack, depth, nodes, parsed);
            } else {
                throw new ExpressionException("exp4j cannot parse it: unexpected " + token.getClass().getSimpleName(),
                        parsed.text(), 0);
            }
            depth -= node.arguments().length;
            stack[depth++] = nodes.size();
            nodes.add(node);
        }
        if (depth != 1) {
            throw new ExpressionException("exp4j cannot parse it: " + depth + " values left over", parsed.text(), 0);
        }
        return new ExpressionTree(nodes, variables.size());
    }

    private static Node operation(Kind kind, FunctionTable.Definition function, int arity, int[] stack, int depth,
                                  List<Node> nodes, ParsedExpression parsed) {
        if (depth < arity) {
            throw new ExpressionException("exp4j cannot parse it: too few operands", parsed.text(), 0);
        }
        int[] arguments = new int[arity];
        System.arraycopy(stack, depth - arity, arguments, 0, arity);
        boolean active = false;
        for (int argument : arguments) {
            active |= nodes.get(argument).active();
        }
        return new Node(kind, Double.NaN, -1, function, arguments, active);
    }

    private static Kind kind(String symbol, int arity) {
        return switch (symbol + arity) {
            case "-1" -> Kind.NEGATE;
            case "+1" -> Kind.PLUS;
            case "+2" -> Kind.ADD;
            case "-2" -> Kind.SUBTRACT;
            case "*2" -> Kind.MULTIPLY;
            case "/2" -> Kind.DIVIDE;
            case "%2" -> Kind.REMAINDER;
            case "^2" -> Kind.CALL;
            default -> throw new IllegalArgumentException("unknown operator " + symbol + " with " + arity
                    + " operands");
        };
    }
}
