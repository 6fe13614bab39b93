package dev.adagrad.cli;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.GradientCheck;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.Objective;
import dev.adagrad.expr.ParsedExpression;
import dev.adagrad.expr.StartPoint;
import dev.adagrad.expr.TestFunction;
import dev.adagrad.expr.TestFunctions;
import dev.adagrad.output.GradientCheckReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The problem: what to minimise, where to start, how to take the gradient. */
public final class ProblemOptions {

    @Option(names = "--f", required = true, paramLabel = "EXPR", completionCandidates = FunctionNames.class,
            description = "The objective, in exp4j syntax: + - * / ^ %%, parentheses, exp4j's functions "
                    + "(sin, exp, log, sqrt, abs, …) and max(a,b), min(a,b). Every other name is a variable; "
                    + "e and pi are constants unless --x0 names them. Or a named test function such as "
                    + "rosenbrock (see 'adagrad functions'), whose usual start is used when --x0 is omitted.")
    String expression;

    /** The named test functions, for tab completion of --f. */
    static final class FunctionNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TestFunctions.all().stream().map(TestFunction::name).iterator();
        }
    }

    @Option(names = "--x0", paramLabel = "VALUES",
            description = "Start point: 4 for one variable, w=1,b=-2 by name, or 1,-2 in the order the variables "
                    + "first appear in --f.")
    String startPoint;

    @Option(names = "--h", paramLabel = "H", converter = Numbers.FiniteDouble.class,
            description = "Fixed step for the central-difference gradient. Default: ∛ε·max(1,|xᵢ|) ≈ 6.06e-6·max(1,|xᵢ|).")
    Double step;

    /** How the gradient is taken. */
    enum Gradient { central, exact }

    @Option(names = "--grad", paramLabel = "METHOD", defaultValue = "central",
            description = "How to take the gradient: central (central differences, the default) or exact "
                    + "(reverse-mode automatic differentiation of the expression).")
    Gradient gradient;

    @Option(names = "--check-grad",
            description = "Print the central-difference and the exact gradient at x0, per variable, with their "
                    + "relative difference, then exit without running.")
    boolean checkGradient;

    /**
     * The checked expression, the variables with their start values, the compiled objective, and the named test
     * function {@code --f} named ({@code null} for an expression).
     */
    public record Problem(ParsedExpression expression, StartPoint start, Objective objective,
                          TestFunction testFunction) {

        /** What to call the objective in titles: the function's name and formula, or the expression. */
        public String title() {
            return testFunction == null ? expression.text() : testFunction.name() + ": " + testFunction.formula();
        }
    }

    /** The command this mixin belongs to: its stderr gets the notes on likely typos. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Checks --f and --x0 and builds the objective. Throws ExpressionException or UsageException. Names that look
     * like typos get a note on stderr, and the run goes on: they may be meant.
     */
    Problem problem() {
        TestFunction testFunction = TestFunctions.named(expression).orElse(null);
        ParsedExpression parsed = testFunction == null ? ExpressionSyntax.checkTyped(expression)
                : ExpressionSyntax.check(testFunction.formula());
        if (testFunction == null) {
            for (Typos.Note note : Typos.inExpression(expression.strip(), parsed.identifiers(),
                    namedInStartPoint())) {
                if (startPoint == null && note.nearTestFunction()) {
                    throw new UsageException("--f: " + note.text());
                }
                command.commandLine().getErr().println(Errors.prefix(command) + "note: --f: " + note.text());
            }
        }
        StartPoint start = testFunction != null && startPoint == null
                ? new StartPoint(testFunction.variables(), testFunction.start().clone())
                : startPoint(parsed);
        Objective objective = Objective.compile(parsed, start.variables());
        if ((gradient == Gradient.exact || checkGradient) && !ExactGradient.supports(objective)) {
            throw new UsageException((checkGradient ? "--check-grad" : "--grad exact")
                    + " needs the exact gradient, but the expression is too large to compile; use --grad central");
        }
        return new Problem(parsed, start, objective, testFunction);
    }

    /** Whether {@code --check-grad} asks to print the gradient check instead of running. */
    boolean checkGradientOnly() {
        return checkGradient;
    }

    /**
     * Prints the gradient check at x₀ ({@code --check-grad}).
     *
     * @return the exit code: OK, or NON_FINITE when f or a gradient component is not finite there
     */
    int printGradientCheck(Problem problem, CommandSpec spec) {
        GradientCheck check = GradientCheck.at(problem.objective(), centralDifference(), problem.start().values());
        String h = step == null ? "h = cbrt(eps)*max(1,|xi|)" : "h = " + step;
        GradientCheckReport.write(spec.commandLine().getOut(), check, h);
        if (!check.finite()) {
            spec.commandLine().getErr().println(Errors.prefix(spec)
                    + "f or a gradient component is not finite at x0 (see the check above)");
            return ExitCode.NON_FINITE;
        }
        return ExitCode.OK;
    }

    private StartPoint startPoint(ParsedExpression parsed) {
        try {
            if (startPoint == null) {
                if (parsed.nonConstants().isEmpty()) {
                    throw new IllegalArgumentException(StartPoint.noVariables(parsed));
                }
                throw new IllegalArgumentException("missing --x0: give a start value for each variable, e.g. --x0 "
                        + example(parsed));
            }
            List<String> items = List.of(startPoint.split(",", -1));
            if (startPoint.contains("=")) { // some item names its variable
                return StartPoint.byName(parsed, named(items));
            }
            double[] values = new double[items.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(items.get(i));
            }
            return StartPoint.byPosition(parsed, values);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The variables --x0 names (w=1,b=2), which are meant whatever they look like. */
    private List<String> namedInStartPoint() {
        List<String> names = new ArrayList<>();
        if (startPoint != null) {
            for (String item : startPoint.split(",", -1)) {
                if (item.contains("=")) {
                    names.add(item.substring(0, item.indexOf('=')).strip());
                }
            }
        }
        return names;
    }

    private static Map<String, Double> named(List<String> items) {
        return NamedValues.parse("--x0", "variable", items, item -> "--x0 mixes named and positional values ('"
                + item + "'): give every value as name=value, or none");
    }

    private static double value(String text) {
        try {
            return dev.adagrad.cli.Numbers.parseFinite(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--x0: " + e.getMessage());
        }
    }

    private static String example(ParsedExpression parsed) {
        List<String> parts = new ArrayList<>();
        for (String variable : parsed.nonConstants()) {
            parts.add(variable + "=1");
        }
        return String.join(",", parts);
    }

    /** The --grad method: central differences (with the --h step if given), or the exact gradient. */
    GradientMethod gradientMethod() {
        if (gradient == Gradient.exact) {
            if (step != null) {
                throw new UsageException("--h sets the central-difference step; it cannot be used with --grad exact");
            }
            return ExactGradient.instance();
        }
        return centralDifference();
    }

    private GradientMethod centralDifference() {
        if (step == null) {
            return CentralDifference.scaled();
        }
        try {
            return CentralDifference.withStep(step);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--h must be > 0 (got " + Numbers.text(step) + ")");
        }
    }
}
