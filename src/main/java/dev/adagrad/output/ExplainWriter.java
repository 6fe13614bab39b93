package dev.adagrad.output;

import dev.adagrad.expr.DifferenceListener;
import dev.adagrad.optim.Narrator;
import dev.adagrad.run.Divergence;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code adagrad explain}: for each step, the gradient's central differences and then every line of the
 * optimizer's algorithm with its numbers, in the manner of seed 000's manual calculation ({@code G = 0 + 8² = 64}).
 *
 * <p>The gradient and the optimizer hand their lines over as they compute the step ({@link DifferenceListener},
 * {@link Narrator}); this writer keeps them until the step's row arrives, then prints the step aligned:
 * <pre>
 * Step 1 from θ₀: x = 4
 *   gₜ ← ∇f(θₜ₋₁)      ≈ (f(4.000024222) − f(3.999975778)) / (4.000024222 − 3.999975778) = 8
 *   Gₜ ← Gₜ₋₁ + gₜ²    = 0 + 8² = 64
 * </pre>
 * Numbers are shown to {@value #DIGITS} significant digits with trailing zeros dropped (so a central difference of
 * 7.99999999996 reads 8); the points f is evaluated at, to {@value #POINT_DIGITS}, since they differ from θ only in
 * the sixth digit. A negative number is put in parentheses where it follows an operator or is squared. Writers never
 * compute: every number here was computed by the step.
 */
public final class ExplainWriter implements RunWriter, Narrator, DifferenceListener {

    /** Significant digits of the numbers in the arithmetic. */
    public static final int DIGITS = 6;
    /** Significant digits of the points x ± h at which the gradient evaluates f. */
    public static final int POINT_DIGITS = 10;
    /** Significant digits of the summary's final x and f, as in {@code run}'s summary. */
    private static final int SUMMARY_DIGITS = 10;

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";

    /** One printed line: who it is about, what is assigned, the formula, how it is related to the numbers. */
    private record Line(String label, String symbol, String formula, String relation, String substituted,
                        String value) {
    }

    private final Writer out;
    private final List<String> variables;
    private final String title;
    private final int labelWidth;
    private final List<Line> pending = new ArrayList<>();
    private final double[] previous;

    /**
     * @param out       where to write
     * @param variables the variables, in the order of the point's coordinates
     * @param title     the first line: the optimizer, its settings and the objective
     */
    public ExplainWriter(Writer out, List<String> variables, String title) {
        this.out = out;
        this.variables = List.copyOf(variables);
        this.title = title;
        this.labelWidth = variables.size() == 1 ? 0
                : variables.stream().mapToInt(ExplainWriter::width).max().orElse(0) + 2;
        this.previous = new double[variables.size()];
    }

    @Override
    public void begin() {
        write(title + "\n");
        write("Numbers to " + DIGITS + " significant digits; the points where f is evaluated to " + POINT_DIGITS
                + (variables.size() > 1 ? ", each with the other variables held at θₜ₋₁" : "") + ".\n");
    }

    @Override
    public void partial(int variable, double forward, double backward, double value) {
        String name = variables.get(variable);
        String formula = variables.size() == 1 ? "∇f(θₜ₋₁)" : "∂f/∂" + name + "(θₜ₋₁)";
        String at = variables.size() == 1 ? "" : name + "=";
        String plus = NumberText.compact(forward, POINT_DIGITS);
        String minus = NumberText.compact(backward, POINT_DIGITS);
        String subtracted = backward < 0 ? "(" + minus + ")" : minus;
        String substituted = "(f(" + at + plus + ") − f(" + at + minus + ")) / (" + plus + " − " + subtracted + ")";
        pending.add(new Line(label(variable), "gₜ", formula, "≈", substituted, number(value)));
    }

    @Override
    public void exact(int variable, double value) {
        String formula = variables.size() == 1 ? "∇f(θₜ₋₁)" : "∂f/∂" + variables.get(variable) + "(θₜ₋₁)";
        pending.add(new Line(label(variable), "gₜ", formula, "=", "exact (reverse-mode differentiation)",
                number(value)));
    }

    @Override
    public void line(int variable, String symbol, String formula, String substituted, double value,
                     double... arguments) {
        String numbers = substitute(substituted, arguments);
        String result = number(value);
        pending.add(new Line(label(variable), symbol, formula, "=", numbers.equals(result) ? null : numbers, result));
    }

    @Override
    public void onStep(StepRecord row) {
        if (!row.isStart()) {
            writeStep(row.step(), null);
            write("  f(θₜ) = " + number(row.f()) + "\n");
        }
        for (int i = 0; i < previous.length; i++) {
            previous[i] = row.x(i);
        }
    }

    /**
     * Forgets the lines reported since the last row; the next step is narrated as starting from {@code row}'s point
     * ({@code adagrad step} after it replays the steps before a change of learning rate).
     */
    public void resume(StepRecord row) {
        pending.clear();
        for (int i = 0; i < previous.length; i++) {
            previous[i] = row.x(i);
        }
    }

    @Override
    public void end(RunResult result) {
        Divergence divergence = result.divergence();
        if (divergence != null && divergence.step() > 0 && !pending.isEmpty()) {
            writeStep(divergence.step(), "the step that went non-finite");
        }
        pending.clear();
        String last = point(result.x()) + ", f = " + NumberText.significant(result.f(), SUMMARY_DIGITS);
        String steps = result.steps() + " step" + (result.steps() == 1 ? "" : "s");
        if (divergence == null) {
            write("\nAfter " + steps + ": " + last + "\n");
        } else if (divergence.step() == 0) {
            write("\nStopped: f is not finite at the start point " + point(divergence.x()) + "\n");
        } else {
            write("\nStopped at step " + divergence.step() + ": a value became non-finite; after " + steps + ": "
                    + last + "\n");
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeStep(long step, String note) {
        int symbolWidth = 0;
        int formulaWidth = 0;
        for (Line line : pending) {
            symbolWidth = Math.max(symbolWidth, width(line.symbol()));
            formulaWidth = Math.max(formulaWidth, width(line.formula()));
        }
        StringBuilder text = new StringBuilder("\nStep ").append(step).append(" from θ")
                .append(digits(step - 1, SUBSCRIPTS)).append(": ").append(point(previous))
                .append(note == null ? "" : " (" + note + ")").append('\n');
        for (Line line : pending) {
            text.append("  ").append(pad(line.label(), labelWidth)).append(pad(line.symbol(), symbolWidth))
                    .append(" ← ").append(pad(line.formula(), formulaWidth)).append(' ').append(line.relation());
            if (line.substituted() != null) {
                text.append(' ').append(line.substituted()).append(" =");
            }
            text.append(' ').append(line.value()).append('\n');
        }
        pending.clear();
        write(text);
    }

    private String label(int variable) {
        return variable == Narrator.WHOLE_STEP || variables.size() == 1 ? "" : variables.get(variable) + ": ";
    }

    /** The template with {@code {}} replaced by numbers and {@code {t}} by superscript whole numbers. */
    static String substitute(String template, double... arguments) {
        StringBuilder text = new StringBuilder();
        int next = 0;
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("{t}", i)) {
                text.append(digits((long) arguments[next++], SUPERSCRIPTS));
                i += 3;
            } else if (template.startsWith("{}", i)) {
                String number = number(arguments[next++]);
                boolean negative = number.startsWith("-");
                char before = i == 0 ? '(' : template.charAt(i - 1);
                boolean raised = i + 2 < template.length()
                        && (template.charAt(i + 2) == '²' || template.startsWith("{t}", i + 2));
                boolean wrap = negative && (raised || "(|,".indexOf(before) < 0 && !template.startsWith(", ", i - 2));
                text.append(wrap ? "(" + number + ")" : number);
                i += 2;
            } else {
                text.append(template.charAt(i++));
            }
        }
        if (next != arguments.length) {
            throw new IllegalArgumentException("'" + template + "' has " + next + " placeholders for "
                    + arguments.length + " numbers");
        }
        return text.toString();
    }

    static String number(double value) {
        return NumberText.compact(value, DIGITS);
    }

    private static String digits(long value, String glyphs) {
        String decimal = Long.toString(value);
        StringBuilder text = new StringBuilder(decimal.length());
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            text.append(c == '-' ? (glyphs.equals(SUPERSCRIPTS) ? '⁻' : '₋') : glyphs.charAt(c - '0'));
        }
        return text.toString();
    }

    private String point(double[] x) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < x.length; i++) {
            text.append(i == 0 ? "" : ", ").append(variables.get(i)).append(" = ")
                    .append(NumberText.significant(x[i], SUMMARY_DIGITS));
        }
        return text.toString();
    }

    /** Columns the text takes: combining marks (the hat of η̂) take none. */
    static int width(String text) {
        return (int) text.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).count();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - width(text)));
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
