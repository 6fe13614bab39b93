package dev.adagrad.output;

import dev.adagrad.expr.TestFunction;
import java.util.List;

/** The text of {@code adagrad functions}: each named test function with its formula, start, box and minima. */
public final class FunctionListing {

    private FunctionListing() {
    }

    public static String list(List<TestFunction> functions) {
        int width = functions.stream().mapToInt(function -> function.name().length()).max().orElse(0) + 2;
        String indent = " ".repeat(width);
        StringBuilder text = new StringBuilder();
        for (TestFunction function : functions) {
            text.append(function.name()).append(" ".repeat(width - function.name().length()))
                    .append("f(").append(String.join(", ", function.variables())).append(") = ")
                    .append(function.formula()).append('\n');
            text.append(indent).append("start ").append(NumberText.tuple(function.start(), 6))
                    .append("; box ").append(box(function)).append('\n');
            text.append(indent).append(function.minima().size() == 1 ? "minimum " : "minima ")
                    .append("f = ").append(NumberText.significant(function.minimumValue(), 10)).append(" at ");
            for (int i = 0; i < function.minima().size(); i++) {
                text.append(i == 0 ? "" : ", ").append(NumberText.tuple(function.minima().get(i), 7));
            }
            text.append('\n').append(indent).append(function.note()).append("\n\n");
        }
        text.append("Use a name wherever an expression goes: adagrad run --f rosenbrock --optimizer adam --lr 0.01\n")
                .append("Without --x0 a run starts from the start point above.\n");
        return text.toString();
    }

    private static String box(TestFunction function) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < function.dimension(); i++) {
            text.append(i == 0 ? "" : " × ").append(function.variables().get(i)).append(" ∈ [")
                    .append(NumberText.significant(function.lower()[i], 6)).append(", ")
                    .append(NumberText.significant(function.upper()[i], 6)).append(']');
        }
        return text.toString();
    }
}
