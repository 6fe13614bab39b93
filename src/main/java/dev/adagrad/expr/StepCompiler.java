package dev.adagrad.expr;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IALOAD;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFNONNULL;
import static org.objectweb.asm.Opcodes.IF_ICMPGE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.V17;

import dev.adagrad.expr.ExpressionTree.Kind;
import dev.adagrad.expr.ExpressionTree.Node;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles a rule file's step ({@code dev.adagrad.optim.RuleFile}) into one method, {@link CompiledStep#step}: a loop
 * over the variables with every assignment and report in it, each the code {@link BytecodeCompiler} writes for an
 * expression in one method, reading and writing locals (g, x and the states are read from the arrays once per
 * variable and written back once). No interface call per assignment, nothing allocated.
 *
 * <p><b>Hoisting.</b> A subexpression whose leaves are only t, hyperparameters and constants (β₁ᵗ, 1 − β₂ᵗ,
 * lr / (1 − β₁ᵗ)) is the same for every variable: it is computed once per step, before the loop, by the same
 * operations in the same order, so every result is bitwise what the expression computes whole. The largest such
 * subtrees are hoisted, each distinct one once (the same operations on the same leaves, wherever they appear, in the
 * step or in a report). Where computing one meets exp4j's throw (division by zero), an int flag is set, and every
 * expression that reads it is NaN, as it would be whole.
 *
 * <p><b>Sharing.</b> Inside the loop, a per-variable subexpression that a later assignment or report computes again
 * from the same values (none of the slots it reads assigned in between) is computed once, into a local both read:
 * AdaGrad's rate lr / (√G + ε) in the step and in its report, as the built-in computes it once (the per-assignment
 * path computed its root and division twice).
 *
 * <p>The slots are those of the rule: g, x, t, then the hyperparameters, then the states. A step that does not fit in
 * one method under HotSpot's {@value BytecodeCompiler#HUGE_METHOD_LIMIT}-byte limit is not compiled this way
 * ({@link #compile} returns empty, and the rule runs assignment by assignment).
 */
public final class StepCompiler {

    private static final String SELF = "dev/adagrad/expr/CompiledRuleStep";
    private static final String INTERFACE = "dev/adagrad/expr/CompiledStep";
    private static final String STEP = "(D[D[D[D[D[[D[[D[II)V";

    // The step method's arguments, by local: this 0, t 1–2, then the arrays, the active list and the count.
    private static final int T = 1;
    private static final int HYPERPARAMETERS = 3;
    private static final int X = 4;
    private static final int GRADIENT = 5;
    private static final int UPDATE = 6;
    private static final int STATES = 7;
    private static final int REPORTS = 8;
    private static final int ACTIVE = 9;
    private static final int COUNT = 10;
    private static final int FIRST_FREE = 11;

    /**
     * One assignment of the step: its expression, the slot it assigns, and whether it is x = x − E, in which case
     * {@code expression} is E, x becomes x − E, and the last such E is the update.
     */
    public record Assignment(ParsedExpression expression, int target, boolean minus) {
    }

    /**
     * The generated class; how many subexpressions it computes once per step rather than per variable, and how many
     * per variable it computes once for two or more places.
     */
    record Program(byte[] classFile, int hoisted, int shared) {
    }

    /** A subexpression computed once in a variable's iteration: its local, its flag (or −1), the slots it reads. */
    private record Shared(int value, int flag, boolean[] reads) {
    }

    private StepCompiler() {
    }

    /**
     * The step compiled, or empty when it does not fit in one method that HotSpot will JIT-compile.
     *
     * @param slots           the names g, x, t, the hyperparameters, the states, in that order
     * @param hyperparameters how many hyperparameters there are
     * @param steps           the assignments in order (targets: x, slot 1, or a state)
     * @param reports         the reports, computed after the step
     * @throws ExpressionException if exp4j cannot parse what the syntax check let through
     */
    public static Optional<CompiledStep> compile(List<String> slots, int hyperparameters, List<Assignment> steps,
                                                 List<ParsedExpression> reports) {
        Program program = generate(slots, hyperparameters, steps, reports);
        return program == null ? Optional.empty() : Optional.of(load(program.classFile()));
    }

    /** The class for {@link #compile}, or null if it would not fit (for tests). */
    static Program generate(List<String> slots, int hyperparameters, List<Assignment> steps,
                            List<ParsedExpression> reports) {
        List<ExpressionTree> trees = new ArrayList<>();
        int total = 0;
        for (Assignment a : steps) {
            trees.add(ExpressionTree.parse(a.expression(), slots));
        }
        for (ParsedExpression report : reports) {
            trees.add(ExpressionTree.parse(report, slots));
        }
        for (ExpressionTree tree : trees) {
            total += tree.nodes().size();
        }
        if (total > BytecodeCompiler.MOST_NODES_IN_ONE_METHOD) {
            return null;
        }
        Program program = new StepCompiler.Writer(slots, hyperparameters, steps, trees).write();
        return ClassFileSizes.withinLimit(program.classFile(), BytecodeCompiler.HUGE_METHOD_LIMIT) ? program : null;
    }

    private static CompiledStep load(byte[] classFile) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(classFile, true);
            return (CompiledStep) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the compiled step", e);
        }
    }

    /** One generation: the class, its step method, and the locals it has handed out. */
    private static final class Writer {
        private final int slotCount;
        private final int hyperparameters;
        private final int states;
        private final List<Assignment> steps;
        private final List<ExpressionTree> trees;
        private final BytecodeCompiler[] compilers;
        /** The double local of each slot: g, x and the states per variable; t and the hyperparameters per step. */
        private final int[] slotLocal;
        private MethodVisitor code;
        private int next = FIRST_FREE;
        /** Per expression, each node's key and the slots its subtree reads. */
        private final List<String[]> keys = new ArrayList<>();
        private final List<boolean[][]> reads = new ArrayList<>();
        /** Subexpressions computed in this variable's iteration so far whose slots have not been assigned since. */
        private final Map<String, Shared> available = new HashMap<>();
        private int shared;

        Writer(List<String> slots, int hyperparameters, List<Assignment> steps, List<ExpressionTree> trees) {
            this.slotCount = slots.size();
            this.hyperparameters = hyperparameters;
            this.states = slotCount - 3 - hyperparameters;
            this.steps = steps;
            this.trees = trees;
            this.compilers = new BytecodeCompiler[trees.size()];
            for (int k = 0; k < trees.size(); k++) {
                compilers[k] = BytecodeCompiler.embedding(trees.get(k));
            }
            this.slotLocal = new int[slotCount];
        }

        Program write() {
            ClassWriter writer = BytecodeCompiler.classWriter(SELF, INTERFACE);

            code = writer.visitMethod(ACC_PUBLIC, "step", STEP, null, null);
            code.visitCode();
            slotLocal[2] = T;
            for (int h = 0; h < hyperparameters; h++) {
                slotLocal[3 + h] = doubleLocal();
                code.visitVarInsn(ALOAD, HYPERPARAMETERS);
                pushInt(h);
                code.visitInsn(DALOAD);
                code.visitVarInsn(DSTORE, slotLocal[3 + h]);
            }
            int[] stateArray = arrays(STATES, states);
            int[] reportArray = arrays(REPORTS, trees.size() - steps.size());
            int hoisted = hoist();
            describe();

            slotLocal[0] = doubleLocal();
            slotLocal[1] = doubleLocal();
            for (int s = 0; s < states; s++) {
                slotLocal[3 + hyperparameters + s] = doubleLocal();
            }
            boolean subtracted = false; // as the per-assignment step decides it: the update is the last x − E's E
            for (Assignment a : steps) {
                subtracted = a.minus() || (subtracted && a.target() != 1);
            }
            int before = subtracted ? -1 : doubleLocal();
            int change = doubleLocal();
            int k = next++;
            int i = next++;

            code.visitInsn(ICONST_0);
            code.visitVarInsn(ISTORE, k);
            Label head = new Label();
            Label end = new Label();
            code.visitLabel(head);
            code.visitVarInsn(ILOAD, k);
            code.visitVarInsn(ILOAD, COUNT);
            code.visitJumpInsn(IF_ICMPGE, end);
            Label sparse = new Label();
            Label indexed = new Label();
            code.visitVarInsn(ALOAD, ACTIVE); // i = active == null ? k : active[k]
            code.visitJumpInsn(IFNONNULL, sparse);
            code.visitVarInsn(ILOAD, k);
            code.visitJumpInsn(GOTO, indexed);
            code.visitLabel(sparse);
            code.visitVarInsn(ALOAD, ACTIVE);
            code.visitVarInsn(ILOAD, k);
            code.visitInsn(IALOAD);
            code.visitLabel(indexed);
            code.visitVarInsn(ISTORE, i);

            readElement(GRADIENT, -1, k, slotLocal[0]);
            readElement(X, -1, i, slotLocal[1]);
            if (before >= 0) {
                code.visitVarInsn(DLOAD, slotLocal[1]);
                code.visitVarInsn(DSTORE, before);
            }
            for (int s = 0; s < states; s++) {
                readElement(-1, stateArray[s], i, slotLocal[3 + hyperparameters + s]);
            }
            for (int a = 0; a < steps.size(); a++) {
                Assignment assignment = steps.get(a);
                share(a);
                valueOnStack(a);
                if (assignment.minus()) { // change = E; x = x − change, as the compiled x − E computes it
                    code.visitVarInsn(DSTORE, change);
                    code.visitVarInsn(DLOAD, slotLocal[1]);
                    code.visitVarInsn(DLOAD, change);
                    code.visitInsn(DSUB);
                }
                code.visitVarInsn(DSTORE, slotLocal[assignment.target()]);
                available.values().removeIf(entry -> entry.reads()[assignment.target()]);
            }
            for (int s = 0; s < states; s++) {
                writeElement(-1, stateArray[s], i, slotLocal[3 + hyperparameters + s]);
            }
            writeElement(X, -1, i, slotLocal[1]);
            code.visitVarInsn(ALOAD, UPDATE);
            code.visitVarInsn(ILOAD, k);
            if (subtracted) {
                code.visitVarInsn(DLOAD, change);
            } else {
                code.visitVarInsn(DLOAD, before);
                code.visitVarInsn(DLOAD, slotLocal[1]);
                code.visitInsn(DSUB);
            }
            code.visitInsn(DASTORE);
            for (int r = 0; r < reportArray.length; r++) {
                share(steps.size() + r);
                valueOnStack(steps.size() + r);
                int value = doubleLocal();
                code.visitVarInsn(DSTORE, value);
                writeElement(-1, reportArray[r], i, value);
                next -= 2;
            }
            code.visitIincInsn(k, 1);
            code.visitJumpInsn(GOTO, head);
            code.visitLabel(end);
            code.visitInsn(RETURN);
            code.visitMaxs(0, 0);
            code.visitEnd();
            writer.visitEnd();
            return new Program(writer.toByteArray(), hoisted, shared);
        }

        /**
         * Before expression e in the loop: each largest subexpression of it that an expression still to come (or e
         * itself, elsewhere) computes again from the same values (none of the slots it reads assigned in between) is
         * computed once, into a local that they all read; one computed so before, still valid, is read from its local.
         * The same operations on the same values, so the same bits: Adam's √v/√(1 − β₂ᵗ) + ε, AdaGrad's
         * lr / (√G + ε), in the step and again in the report, are computed once per variable, as the built-ins do.
         */
        private void share(int e) {
            List<Node> nodes = trees.get(e).nodes();
            BytecodeCompiler compiler = compilers[e];
            for (int n = nodes.size() - 1; n >= 0; n--) {
                Kind kind = nodes.get(n).kind();
                if (kind == Kind.CONSTANT || kind == Kind.VARIABLE || compiler.given(n)) {
                    continue;
                }
                String key = keys.get(e)[n];
                Shared entry = available.get(key);
                if (entry == null && computedAgain(e, n)) {
                    int[] locals = computeOnce(compiler, nodes, n);
                    entry = new Shared(locals[0], locals[1], reads.get(e)[n]);
                    available.put(key, entry);
                    shared++;
                }
                if (entry != null) {
                    compiler.give(n, entry.value(), entry.flag());
                }
            }
        }

        /** Whether node n of expression e is computed again, from the same values, in e or an expression after it. */
        private boolean computedAgain(int e, int n) {
            String key = keys.get(e)[n];
            boolean[] read = reads.get(e)[n];
            int start = compilers[e].subtreeStart(n);
            for (int j = e; j < trees.size(); j++) {
                if (j > e && j - 1 < steps.size() && read[steps.get(j - 1).target()]) {
                    return false; // expression j − 1 assigned a slot the subexpression reads
                }
                String[] other = keys.get(j);
                for (int m = 0; m < other.length; m++) {
                    boolean elsewhere = j != e || m < start || m > n;
                    if (elsewhere && other[m].equals(key) && !compilers[j].given(m)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Every node's key ({@link StepCompiler#key}) and the slots its subtree reads, per expression. */
        private void describe() {
            for (int e = 0; e < trees.size(); e++) {
                List<Node> nodes = trees.get(e).nodes();
                String[] key = new String[nodes.size()];
                boolean[][] read = new boolean[nodes.size()][];
                for (int n = 0; n < nodes.size(); n++) {
                    key[n] = key(nodes, compilers[e].subtreeStart(n), n);
                    read[n] = new boolean[slotCount];
                    Node node = nodes.get(n);
                    if (node.kind() == Kind.VARIABLE) {
                        read[n][node.variable()] = true;
                    }
                    for (int argument : node.arguments()) {
                        for (int slot = 0; slot < slotCount; slot++) {
                            read[n][slot] |= read[argument][slot];
                        }
                    }
                }
                keys.add(key);
                reads.add(read);
            }
        }

        /**
         * Computes before the loop every largest subtree that reads only t, hyperparameters and constants, each
         * distinct one once, and hands its local to every expression it appears in. Returns how many there are.
         */
        private int hoist() {
            Map<String, int[]> done = new HashMap<>(); // the subtree's operations → {value local, flag local}
            for (int e = 0; e < trees.size(); e++) {
                List<Node> nodes = trees.get(e).nodes();
                boolean[] invariant = new boolean[nodes.size()];
                for (int n = 0; n < nodes.size(); n++) {
                    Node node = nodes.get(n);
                    invariant[n] = switch (node.kind()) {
                        case CONSTANT -> true;
                        case VARIABLE -> node.variable() >= 2 && node.variable() < 3 + hyperparameters;
                        default -> {
                            boolean all = true;
                            for (int argument : node.arguments()) {
                                all &= invariant[argument];
                            }
                            yield all;
                        }
                    };
                }
                BytecodeCompiler compiler = compilers[e];
                for (int n = 0; n < nodes.size(); n++) {
                    Kind kind = nodes.get(n).kind();
                    int parent = compiler.parent(n);
                    if (!invariant[n] || kind == Kind.CONSTANT || kind == Kind.VARIABLE
                            || (parent >= 0 && invariant[parent])) {
                        continue;
                    }
                    String key = key(nodes, compiler.subtreeStart(n), n);
                    int[] locals = done.get(key);
                    if (locals == null) {
                        locals = computeOnce(compiler, nodes, n);
                        done.put(key, locals);
                    }
                    compiler.give(n, locals[0], locals[1]);
                }
            }
            return done.size();
        }

        /** Node n's subtree computed into a new local; a flag local too if it can meet exp4j's throw. */
        private int[] computeOnce(BytecodeCompiler compiler, List<Node> nodes, int n) {
            boolean canThrow = false;
            for (int m = compiler.subtreeStart(n); m <= n; m++) {
                Node node = nodes.get(m);
                canThrow |= node.kind() == Kind.DIVIDE || node.kind() == Kind.REMAINDER
                        || (node.kind() == Kind.CALL && node.function().canBeUndefined());
            }
            int flag = canThrow ? next++ : -1;
            Label poisoned = new Label();
            Label computed = new Label();
            if (canThrow) {
                code.visitInsn(ICONST_0);
                code.visitVarInsn(ISTORE, flag);
            }
            int mark = next;
            next = compiler.embed(code, next, slotLocal, n, poisoned);
            next = mark;
            int value = doubleLocal();
            code.visitVarInsn(DSTORE, value);
            if (canThrow) {
                code.visitJumpInsn(GOTO, computed);
                code.visitLabel(poisoned);
                code.visitLdcInsn(Double.NaN);
                code.visitVarInsn(DSTORE, value);
                code.visitInsn(ICONST_1);
                code.visitVarInsn(ISTORE, flag);
                code.visitLabel(computed);
            }
            return new int[] {value, flag};
        }

        /**
         * Expression e's value on the operand stack: its code in the loop, NaN where exp4j would throw. Its locals
         * are free again afterwards.
         */
        private void valueOnStack(int e) {
            int mark = next;
            Label poisoned = new Label();
            Label computed = new Label();
            compilers[e].embed(code, next, slotLocal, trees.get(e).nodes().size() - 1, poisoned);
            code.visitJumpInsn(GOTO, computed);
            code.visitLabel(poisoned);
            code.visitLdcInsn(Double.NaN);
            code.visitLabel(computed);
            next = mark;
        }

        /** The arrays held in {@code argument}'s double[][], each in a local of its own. */
        private int[] arrays(int argument, int count) {
            int[] locals = new int[count];
            for (int s = 0; s < count; s++) {
                locals[s] = next++;
                code.visitVarInsn(ALOAD, argument);
                pushInt(s);
                code.visitInsn(AALOAD);
                code.visitVarInsn(ASTORE, locals[s]);
            }
            return locals;
        }

        /** local ← array[index], the array an argument or a local. */
        private void readElement(int argument, int arrayLocal, int index, int local) {
            code.visitVarInsn(ALOAD, argument >= 0 ? argument : arrayLocal);
            code.visitVarInsn(ILOAD, index);
            code.visitInsn(DALOAD);
            code.visitVarInsn(DSTORE, local);
        }

        /** array[index] ← local. */
        private void writeElement(int argument, int arrayLocal, int index, int local) {
            code.visitVarInsn(ALOAD, argument >= 0 ? argument : arrayLocal);
            code.visitVarInsn(ILOAD, index);
            code.visitVarInsn(DLOAD, local);
            code.visitInsn(DASTORE);
        }

        private int doubleLocal() {
            int local = next;
            next += 2;
            return local;
        }

        private void pushInt(int value) {
            BytecodeCompiler.pushInt(code, value);
        }
    }

    /**
     * The operations of nodes {@code from} to {@code to} in evaluation order, which name the subtree exactly: the
     * same key is the same operations on the same leaves in the same order, so the same value, bit for bit.
     */
    private static String key(List<Node> nodes, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int n = from; n <= to; n++) {
            Node node = nodes.get(n);
            key.append(node.kind().ordinal()).append(':');
            switch (node.kind()) {
                case CONSTANT -> key.append(Long.toHexString(Double.doubleToRawLongBits(node.constant())));
                case VARIABLE -> key.append(node.variable());
                case CALL -> key.append(node.function().name());
                default -> {
                }
            }
            key.append(' ');
        }
        return key.toString();
    }
}
