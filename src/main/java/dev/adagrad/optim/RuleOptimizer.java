package dev.adagrad.optim;

import dev.adagrad.expr.CompiledObjective;
import dev.adagrad.expr.CompiledStep;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.RuleFile.Assignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link RuleFile}'s optimizer. Its step is the rule's whole step block and reports compiled into one method with
 * the loop over the variables inside ({@link dev.adagrad.expr.StepCompiler}): the state arrays and hyperparameters
 * passed in, what depends only on t and the hyperparameters computed once per step. {@code explain}'s narration, and
 * the first-step check, take the assignments one by one instead: each assignment's expression is compiled to bytecode
 * once, by the compiler that compiles {@code --f}, as a function of the slots g, x, t, the hyperparameters and the
 * states, and a step fills the slots for one variable at a time and runs the assignments in order. Both compute the
 * same operations in the same order, so they give the same bits. Nothing is allocated per step.
 */
final class RuleOptimizer extends TabledOptimizer {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_\\p{L}][A-Za-z0-9_\\p{L}]*");
    /** The slot of the first hyperparameter, after g, x and t. */
    private static final int FIRST_HYPERPARAMETER = RuleFile.BUILT_IN_NAMES.size();

    private final RuleFile rule;
    private final double[] slots;
    private final Objective[] stepCode;
    private final int[] stepTarget;
    /** Per assignment of x in the form {@code x = x − E}: E compiled, whose value is the update column; else null. */
    private final Objective[] minusCode;
    private final Objective[] reportCode;
    private final double[][] stateArrays;
    private final double[][] reportArrays;
    private final int lrSlot;
    /** The slot of the hyperparameter beta1, else momentum, that OneCycleLR cycles; -1 if neither is declared. */
    private final int momentumSlot;
    private final String momentumName;
    private final int firstState;
    /** The whole step in one method, shared by every optimizer of the rule; null if it is too large for one. */
    private final CompiledStep compiled;
    /** The hyperparameters' values as {@link #compiled} reads them, lr set from {@link #learningRate} each step. */
    private final double[] hyperparameters;

    RuleOptimizer(RuleFile rule, int dimension, double[] hyperparameters) {
        super(dimension);
        this.rule = rule;
        List<String> names = rule.names();
        this.slots = new double[names.size()];
        int firstHyper = FIRST_HYPERPARAMETER;
        System.arraycopy(hyperparameters, 0, slots, firstHyper, hyperparameters.length);
        this.hyperparameters = hyperparameters.clone();
        this.firstState = firstHyper + hyperparameters.length;
        this.lrSlot = names.indexOf("lr");
        if (lrSlot >= 0) {
            learningRate = slots[lrSlot];
        }
        int beta1 = names.indexOf("beta1");
        int momentum = names.indexOf("momentum");
        this.momentumSlot = beta1 >= firstHyper && beta1 < firstState ? beta1
                : momentum >= firstHyper && momentum < firstState ? momentum : -1;
        this.momentumName = momentumSlot < 0 ? null : names.get(momentumSlot);
        List<Assignment> steps = rule.steps();
        stepCode = new Objective[steps.size()];
        stepTarget = new int[steps.size()];
        minusCode = new Objective[steps.size()];
        for (int k = 0; k < steps.size(); k++) {
            Assignment a = steps.get(k);
            stepCode[k] = CompiledObjective.compile(a.parsed(), names);
            stepTarget[k] = names.indexOf(a.target());
            if (a.subtracted() != null) {
                minusCode[k] = CompiledObjective.compile(ExpressionSyntax.check(a.subtracted()), names);
            }
        }
        stateArrays = new double[rule.states().size()][];
        int s = 0;
        for (var declared : rule.states().entrySet()) {
            stateArrays[s] = state.add(new StateColumn(declared.getKey(), declared.getKey(), 4, "state "
                    + declared.getKey() + " of " + rule.file()));
            Arrays.fill(stateArrays[s], declared.getValue());
            s++;
        }
        reportCode = new Objective[rule.reports().size()];
        reportArrays = new double[reportCode.length][];
        for (int k = 0; k < reportCode.length; k++) {
            Assignment a = rule.reports().get(k);
            reportCode[k] = CompiledObjective.compile(a.parsed(), names);
            reportArrays[k] = state.add(a.target().equals("lr") ? StateColumn.learningRate(a.expression())
                    : new StateColumn(a.target(), a.target(), 4, a.expression()));
            Arrays.fill(reportArrays[k], Double.NaN);
        }
        compiled = rule.compiledStep().orElse(null);
    }

    /**
     * The step in one generated method ({@link StepCompiler}) when there is no narrator; with one (explain), or for a
     * rule too large for one method, {@link #stepPerAssignment}. The two give the same bits.
     */
    @Override
    public void step(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                     int count) {
        if (narrator != null || compiled == null) {
            stepPerAssignment(t, x, gradient, update, narrator, active, count);
            return;
        }
        if (lrSlot >= 0) {
            hyperparameters[lrSlot - FIRST_HYPERPARAMETER] = learningRate;
        }
        compiled.step(t, hyperparameters, x, gradient, update, stateArrays, reportArrays, active, count);
    }

    /** Whether steps without a narrator run in one generated method (for tests). */
    boolean compiledWhole() {
        return compiled != null;
    }

    /**
     * The step assignment by assignment: the slots filled for one variable at a time, each assignment's compiled
     * expression called in order, each narrated when there is a narrator.
     */
    void stepPerAssignment(long t, double[] x, double[] gradient, double[] update, Narrator narrator, int[] active,
                           int count) {
        if (lrSlot >= 0) {
            slots[lrSlot] = learningRate;
        }
        slots[2] = t;
        for (int k = 0; k < count; k++) {
            int i = active == null ? k : active[k];
            slots[0] = gradient[k];
            double before = x[i];
            slots[1] = before;
            for (int s = 0; s < stateArrays.length; s++) {
                slots[firstState + s] = stateArrays[s][i];
            }
            double change = Double.NaN; // E of the last x = x − E, which the built-ins report as the update
            boolean subtracted = false;
            for (int a = 0; a < stepCode.length; a++) {
                double value;
                if (minusCode[a] != null) {
                    change = minusCode[a].value(slots);
                    value = slots[1] - change; // what the compiled x − E computes, bit for bit
                    subtracted = true;
                } else {
                    value = stepCode[a].value(slots);
                    subtracted &= stepTarget[a] != 1;
                }
                if (narrator != null) {
                    narrate(narrator, i, rule.steps().get(a), value);
                }
                slots[stepTarget[a]] = value;
            }
            for (int s = 0; s < stateArrays.length; s++) {
                stateArrays[s][i] = slots[firstState + s];
            }
            x[i] = slots[1];
            update[k] = subtracted ? change : before - x[i];
            for (int r = 0; r < reportCode.length; r++) {
                reportArrays[r][i] = reportCode[r].value(slots);
            }
        }
    }

    /** One line per assignment: the target, its expression, and the expression with the slots' values in it. */
    private void narrate(Narrator narrator, int i, Assignment a, double value) {
        StringBuilder substituted = new StringBuilder();
        List<Double> arguments = new ArrayList<>();
        List<String> names = rule.names();
        Matcher m = IDENTIFIER.matcher(a.expression());
        int end = 0;
        while (m.find()) {
            int slot = names.indexOf(m.group());
            boolean call = m.end() < a.expression().length() && a.expression().substring(m.end()).stripLeading()
                    .startsWith("(");
            if (slot < 0 || call) {
                continue;
            }
            substituted.append(a.expression(), end, m.start()).append("{}");
            arguments.add(slots[slot]);
            end = m.end();
        }
        substituted.append(a.expression().substring(end));
        String symbol = a.target().equals("x") ? "θₜ" : a.target() + "ₜ";
        narrator.line(i, symbol, a.expression(), substituted.toString(), value,
                arguments.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Step 1 at g = x = 1 with the file's defaults: a non-finite result is the file's error, with its place. */
    void tryFirstStep() {
        slots[0] = 1;
        slots[1] = 1;
        slots[2] = 1;
        for (int s = 0; s < stateArrays.length; s++) {
            slots[firstState + s] = stateArrays[s][0];
        }
        for (int a = 0; a < stepCode.length; a++) {
            double value = stepCode[a].value(slots);
            if (!Double.isFinite(value)) {
                Assignment line = rule.steps().get(a);
                throw RuleFile.error(rule.file(), line.line(), line.column(), line.target() + " is not finite at "
                        + "step 1 (g = x = 1): " + line.expression() + " gives " + value + "; does it divide by a "
                        + "state that starts at 0?");
            }
            slots[stepTarget[a]] = value;
        }
    }

    @Override
    public boolean skipsZeroGradients() {
        return false;
    }

    /**
     * As torch picks betas before momentum: a rule's hyperparameter {@code beta1} if it declares one, else its
     * {@code momentum}, else none.
     */
    @Override
    public String cycledMomentum() {
        return momentumName;
    }

    @Override
    public double momentum() {
        return momentumSlot < 0 ? Double.NaN : slots[momentumSlot];
    }

    @Override
    public void momentum(double value) {
        if (momentumSlot < 0) {
            throw new UnsupportedOperationException("no hyperparameter beta1 or momentum to set");
        }
        slots[momentumSlot] = value; // the per-assignment path (explain) reads the slots,
        hyperparameters[momentumSlot - FIRST_HYPERPARAMETER] = value; // the whole-step method its arguments
    }

    /** Only a rule with a hyperparameter {@code lr} has a rate for a schedule to set. */
    @Override
    public boolean hasLearningRate() {
        return lrSlot >= 0;
    }
}
