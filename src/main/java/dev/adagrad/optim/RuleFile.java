package dev.adagrad.optim;

import dev.adagrad.expr.CompiledStep;
import dev.adagrad.expr.ExpressionException;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.FunctionTable;
import dev.adagrad.expr.ParsedExpression;
import dev.adagrad.expr.StepCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An optimizer written by its user in a small text file, element-wise per variable, in the expression language of
 * {@code --f}:
 * <pre>
 * # AdaGrad, written by hand
 * name: my-adagrad
 * hyper: lr = 0.1, eps = 1e-10
 * state: G = 0
 * step:
 *   G = G + g^2
 *   x = x - lr / (sqrt(G) + eps) * g
 * report: lr = lr / (sqrt(G) + eps)
 * </pre>
 * The names a step may read are {@code g} (this step's gradient), {@code x}, {@code t} (the 1-based step), the
 * hyperparameters (each an option of the optimizer: {@code --eps 1e-8}) and the states (each a column of the
 * output). The step's assignments run in order, each seeing the ones before it, and must end by assigning {@code x};
 * {@code report} lines are extra columns computed after the step. When the step assigns {@code x = x − E}, the update
 * column is E as computed, as the built-ins report it; otherwise it is xₜ₋₁ − xₜ.
 *
 * <p>Every error names the file, line and column: a syntax error, an unknown name, a rule that never assigns x, and a
 * first step that divides by zero (a state starting at 0 in a denominator), found by trying step 1 at g = x = 1.
 */
public final class RuleFile {

    /** The names every step can read, in slot order before the hyperparameters and states. */
    static final List<String> BUILT_IN_NAMES = List.of("g", "x", "t");

    /** Compiled when a rule file is read, not at every start: {@link #isPath} runs for every optimizer named. */
    private static final class Patterns {
        static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_\\p{L}][A-Za-z0-9_\\p{L}]*");
    }

    /** One assignment {@code target = expression}, at its line and the column where the expression starts. */
    record Assignment(String target, String expression, ParsedExpression parsed, int line, int column,
                      String subtracted) {
    }

    private final String file;
    private final String name;
    private final Map<String, Double> hyperparameters;
    private final Map<String, Double> states;
    private final List<Assignment> steps;
    private final List<Assignment> reports;
    private final String text;
    /** The whole step in one method, compiled on first use and shared by every optimizer of this rule. */
    private Optional<CompiledStep> compiledStep;

    private RuleFile(String file, String name, Map<String, Double> hyperparameters, Map<String, Double> states,
                     List<Assignment> steps, List<Assignment> reports, String text) {
        this.file = file;
        this.name = name;
        this.hyperparameters = hyperparameters;
        this.states = states;
        this.steps = steps;
        this.reports = reports;
        this.text = text;
    }

    /** Whether an optimizer name is a rule file's path rather than a built-in's name. */
    public static boolean isPath(String optimizer) {
        return optimizer.endsWith(".opt") || optimizer.contains("/");
    }

    /**
     * Reads, checks and compiles the rule file at {@code path} into a registry entry.
     *
     * @throws IllegalArgumentException with "file:line:column: problem" for anything wrong in it, or "cannot read …"
     */
    public static OptimizerSpec load(String path) {
        String text;
        try {
            text = Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("cannot read optimizer rule file " + path + ": no such file");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read optimizer rule file " + path + ": "
                    + (e.getMessage() == null ? "unreadable" : e.getMessage()));
        }
        return parse(path, text).spec();
    }

    /** Parses a rule file's text; {@code file} names it in messages. */
    static RuleFile parse(String file, String text) {
        String name = null;
        Map<String, Double> hyperparameters = new LinkedHashMap<>();
        Map<String, Double> states = new LinkedHashMap<>();
        List<Assignment> steps = new ArrayList<>();
        List<Assignment> reports = new ArrayList<>();
        List<Assignment> section = null;
        String[] lines = text.split("\r?\n", -1);
        for (int number = 1; number <= lines.length; number++) {
            String raw = lines[number - 1];
            int hash = raw.indexOf('#');
            String line = hash < 0 ? raw : raw.substring(0, hash);
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String content = line.strip();
            Matcher heading = Pattern.compile("^(name|hyper|state|step|report)\\s*:(.*)$").matcher(content);
            if (indent == 0 && heading.matches()) {
                String key = heading.group(1);
                String rest = heading.group(2);
                int restColumn = raw.indexOf(':') + 2;
                switch (key) {
                    case "name" -> {
                        name = rest.strip();
                        if (!name.matches("[a-z][a-z0-9-]*")) {
                            throw error(file, number, restColumn, "name must be lower-case letters, digits and "
                                    + "hyphens (got '" + name + "')");
                        }
                        section = null;
                    }
                    case "hyper" -> {
                        declarations(file, number, raw, rest, restColumn, hyperparameters, hyperparameters, states);
                        section = null;
                    }
                    case "state" -> {
                        declarations(file, number, raw, rest, restColumn, states, hyperparameters, states);
                        section = null;
                    }
                    case "step", "report" -> {
                        section = key.equals("step") ? steps : reports;
                        if (!rest.isBlank()) {
                            section.add(assignment(file, number, raw, rest, restColumn));
                        }
                    }
                    default -> throw new IllegalStateException(key);
                }
                continue;
            }
            if (section == null) {
                throw error(file, number, indent + 1, "expected name:, hyper:, state:, step: or report: (or an "
                        + "indented assignment after step:)");
            }
            section.add(assignment(file, number, raw, content, indent + 1));
        }
        if (name == null) {
            String base = Path.of(file).getFileName().toString().replaceFirst("\\.opt$", "");
            name = base.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        }
        RuleFile rule = new RuleFile(file, name, hyperparameters, states, List.copyOf(steps), List.copyOf(reports),
                text);
        int last = lines.length;
        while (last > 1 && lines[last - 1].isBlank()) {
            last--;
        }
        rule.check(last);
        return rule;
    }

    private static void declarations(String file, int line, String raw, String rest, int column,
                                     Map<String, Double> into, Map<String, Double> hyperparameters,
                                     Map<String, Double> states) {
        int offset = column - 1;
        for (String part : rest.split(",", -1)) {
            int at = offset + (part.length() - part.stripLeading().length()) + 1;
            offset += part.length() + 1;
            String[] pair = part.split("=", -1);
            if (pair.length != 2 || part.isBlank()) {
                throw error(file, line, at, "expected NAME = NUMBER (got '" + part.strip() + "')");
            }
            String declared = pair[0].strip();
            if (!Patterns.NAME.matcher(declared).matches()) {
                throw error(file, line, at, "'" + declared + "' is not a name");
            }
            if (BUILT_IN_NAMES.contains(declared) || FunctionTable.CONSTANTS.contains(declared)
                    || FunctionTable.definition(declared) != null) {
                throw error(file, line, at, "'" + declared + "' is taken (g, x, t, the constants and the functions "
                        + "are built in)");
            }
            if (hyperparameters.containsKey(declared) || states.containsKey(declared)) {
                throw error(file, line, at, "'" + declared + "' is declared twice");
            }
            double value;
            try {
                value = Double.parseDouble(pair[1].strip());
            } catch (NumberFormatException e) {
                throw error(file, line, at, declared + " must start at a number (got '" + pair[1].strip() + "')");
            }
            if (!Double.isFinite(value)) {
                throw error(file, line, at, declared + " must start at a finite number (got '" + pair[1].strip()
                        + "')");
            }
            into.put(declared, value);
        }
    }

    private static Assignment assignment(String file, int line, String raw, String content, int column) {
        int equals = content.indexOf('=');
        if (equals < 0) {
            throw error(file, line, column, "expected NAME = EXPRESSION (got '" + content + "')");
        }
        String target = content.substring(0, equals).strip();
        String expression = content.substring(equals + 1);
        int expressionColumn = column + equals + 1 + (expression.length() - expression.stripLeading().length());
        expression = expression.strip();
        if (!Patterns.NAME.matcher(target).matches()) {
            throw error(file, line, column, "'" + target + "' is not a name to assign");
        }
        ParsedExpression parsed;
        try {
            parsed = ExpressionSyntax.check(expression);
        } catch (ExpressionException e) {
            throw error(file, line, expressionColumn + Math.max(0, e.position()), e.problem());
        }
        return new Assignment(target, expression, parsed, line, expressionColumn,
                target.equals("x") ? subtracted(expression) : null);
    }

    /**
     * For {@code x − E} at the top level, E's text; else null. The minus is top level when E holds no binary + or −
     * outside brackets ({@code x − a + b} is (x − a) + b, not x − (a + b)).
     */
    static String subtracted(String expression) {
        Matcher form = Pattern.compile("^x\\s*-(.+)$").matcher(expression);
        if (!form.matches()) {
            return null;
        }
        String rest = form.group(1);
        int depth = 0;
        char previous = '-';
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if ((c == '+' || c == '-') && depth == 0 && binary(rest, i, previous)) {
                return null;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        return rest.strip();
    }

    /** Whether the sign at {@code i} joins two operands (not a unary sign, not the exponent of 1e-8). */
    private static boolean binary(String text, int i, char previous) {
        if (!(Character.isLetterOrDigit(previous) || previous == ')' || previous == '.' || previous == '_')) {
            return false;
        }
        if (previous == 'e' || previous == 'E') {
            int j = i - 2;
            while (j >= 0 && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
                j--;
            }
            boolean numberBefore = j < i - 2 && (j < 0 || !Character.isLetter(text.charAt(j)));
            return !numberBefore;
        }
        return true;
    }

    /** The checks that need the whole file: names known, x assigned, step 1 finite. */
    private void check(int lastLine) {
        List<String> names = names();
        for (Assignment a : steps) {
            if (!a.target().equals("x") && !states.containsKey(a.target())) {
                throw error(file, a.line(), a.column(), "assigns '" + a.target() + "', which is not a state (declare "
                        + "it with state: " + a.target() + " = 0) or x");
            }
            unknownNames(a, names);
        }
        for (Assignment a : reports) {
            // A report is a column, never a slot, so it may share a hyperparameter's name (lr, as the built-ins).
            if (states.containsKey(a.target()) || BUILT_IN_NAMES.contains(a.target())) {
                throw error(file, a.line(), a.column(), "report '" + a.target() + "' has the name of a "
                        + (states.containsKey(a.target()) ? "state, which is reported already" : "value a step reads"));
            }
            unknownNames(a, names);
        }
        if (steps.stream().noneMatch(a -> a.target().equals("x"))) {
            throw error(file, lastLine, 1, "the step never assigns x (add a line such as x = x - lr * g under step:)");
        }
        RuleOptimizer trial = new RuleOptimizer(this, 1, hyperparameterValues(Map.of()));
        trial.tryFirstStep();
    }

    private void unknownNames(Assignment a, List<String> names) {
        for (String identifier : a.parsed().identifiers()) {
            if (!names.contains(identifier) && !FunctionTable.CONSTANTS.contains(identifier)) {
                Matcher m = Patterns.IDENTIFIER.matcher(a.expression());
                int at = 0;
                while (m.find()) {
                    if (m.group().equals(identifier)) {
                        at = m.start();
                        break;
                    }
                }
                throw error(file, a.line(), a.column() + at, "unknown name '" + identifier + "' (a step reads g, x, t"
                        + (hyperparameters.isEmpty() ? "" : ", " + String.join(", ", hyperparameters.keySet()))
                        + (states.isEmpty() ? "" : ", " + String.join(", ", states.keySet())) + ")");
            }
        }
    }

    /** Slot order of the values a step reads: g, x, t, the hyperparameters, the states. */
    List<String> names() {
        List<String> names = new ArrayList<>(BUILT_IN_NAMES);
        names.addAll(hyperparameters.keySet());
        names.addAll(states.keySet());
        return names;
    }

    double[] hyperparameterValues(Map<String, Double> given) {
        double[] values = new double[hyperparameters.size()];
        int k = 0;
        for (Map.Entry<String, Double> entry : hyperparameters.entrySet()) {
            values[k++] = given.getOrDefault(entry.getKey(), entry.getValue());
        }
        return values;
    }

    static IllegalArgumentException error(String file, int line, int column, String problem) {
        return new IllegalArgumentException(file + ":" + line + ":" + column + ": " + problem);
    }

    /** The registry entry: its hyperparameters are options with the file's defaults; its algorithm is the file. */
    OptimizerSpec spec() {
        String rule = steps.stream().map(a -> a.target() + " = " + a.expression())
                .reduce((a, b) -> a + "; " + b).orElse("");
        OptimizerSpec.Builder builder = OptimizerSpec.builder(name, rule, text.strip() + "\n");
        for (Map.Entry<String, Double> entry : hyperparameters.entrySet()) {
            builder.number(entry.getKey(), entry.getValue(), "from " + file);
        }
        for (Compat compat : Compat.values()) {
            if (compat != Compat.torch) {
                builder.preset(compat, OptimizerSpec.Preset.unavailable(name + " is a rule file: it has no "
                        + compat + " preset"));
            }
        }
        return builder.build((dimension, settings) -> {
            Map<String, Double> given = new LinkedHashMap<>();
            for (String h : hyperparameters.keySet()) {
                given.put(h, settings.number(h));
            }
            return new RuleOptimizer(this, dimension, hyperparameterValues(given));
        });
    }

    /**
     * The step block and the reports as one generated method ({@link StepCompiler}); empty if they do not fit in one
     * method HotSpot will JIT-compile. Stateless, so one serves every optimizer of the rule on every thread.
     */
    synchronized Optional<CompiledStep> compiledStep() {
        if (compiledStep == null) {
            List<String> names = names();
            List<StepCompiler.Assignment> lines = new ArrayList<>();
            for (Assignment a : steps) {
                boolean minus = a.subtracted() != null;
                lines.add(new StepCompiler.Assignment(minus ? ExpressionSyntax.check(a.subtracted()) : a.parsed(),
                        names.indexOf(a.target()), minus));
            }
            compiledStep = StepCompiler.compile(names, hyperparameters.size(), lines,
                    reports.stream().map(Assignment::parsed).toList());
        }
        return compiledStep;
    }

    String file() {
        return file;
    }

    String name() {
        return name;
    }

    Map<String, Double> hyperparameters() {
        return hyperparameters;
    }

    Map<String, Double> states() {
        return states;
    }

    List<Assignment> steps() {
        return steps;
    }

    List<Assignment> reports() {
        return reports;
    }
}
