package dev.adagrad.expr;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DASTORE;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DCMPL;
import static org.objectweb.asm.Opcodes.DCONST_0;
import static org.objectweb.asm.Opcodes.DCONST_1;
import static org.objectweb.asm.Opcodes.DDIV;
import static org.objectweb.asm.Opcodes.DLOAD;
import static org.objectweb.asm.Opcodes.DMUL;
import static org.objectweb.asm.Opcodes.DNEG;
import static org.objectweb.asm.Opcodes.DREM;
import static org.objectweb.asm.Opcodes.DRETURN;
import static org.objectweb.asm.Opcodes.DSTORE;
import static org.objectweb.asm.Opcodes.DSUB;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.V17;

import dev.adagrad.expr.ExpressionTree.Kind;
import dev.adagrad.expr.ExpressionTree.Node;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles an {@link ExpressionTree} to JVM bytecode: a hidden class implementing {@link CompiledCode} whose
 * {@code value} is straight-line code over local variables (each variable read once from the {@code double[]}, each
 * node's value kept in its own local), and whose {@code valueAndGradient} is the same code followed by reverse-mode
 * automatic differentiation: every node's adjoint in a local, from the root down to the variables. No map, no boxing,
 * no allocation per call; the JIT compiles it like hand-written Java.
 *
 * <p>Semantics are exp4j 0.4.8's, operation by operation in its order: {@code + - *} and unary minus are the JVM's
 * double arithmetic, {@code ^} and {@code pow} are {@link Math#pow}, {@code %} is Java's remainder, and functions call
 * the methods of {@link FunctionTable}. Where exp4j throws (division or remainder by zero, cot where tan x = 0) the
 * generated code jumps straight to "return NaN", so the whole expression is NaN as {@link ExpressionObjective} makes
 * it, even when a NaN would otherwise be swallowed (exp4j's {@code signum(NaN)} is 0, {@code NaN^0} is 1).
 *
 * <p>The derivative of each operation: ∂(a/b) = (1/b, −(a/b)/b); ∂(a % b) = (1, −trunc(a/b)), the derivative away
 * from the jumps where a/b is an integer; functions as {@link FunctionTable} documents. Only nodes that depend on a
 * variable get adjoints, so a constant exponent's ∂b (a^b·ln a, NaN for a &lt; 0) never reaches the gradient.
 */
final class BytecodeCompiler {

    /**
     * Above this many nodes the code is not generated: it would exceed the JVM's 64 KB per method or its 65,535
     * local variable slots, and far below that the JIT declines methods over 8,000 bytes (HotSpot's
     * {@code HugeMethodLimit}).
     */
    static final int MAX_NODES = 5000;

    private static final String SELF = "dev/adagrad/expr/CompiledExpression";
    private static final String INTERFACE = "dev/adagrad/expr/CompiledCode";
    private static final String FUNCTIONS = "dev/adagrad/expr/FunctionTable";
    private static final String COMPILER = "dev/adagrad/expr/BytecodeCompiler";
    private static final String OBJECTIVE = "dev/adagrad/expr/CompiledObjective";

    /** Slots 0, 1, 2: this, x, gradient. */
    private static final int FIRST_FREE_SLOT = 3;

    private final List<Node> nodes;
    private final int dimension;
    private final int root;
    private final int[] variableSlot;
    private final int[] gradientSlot;
    private final int[] valueSlot;
    private final int[] adjointSlot;
    private final int slots;

    private BytecodeCompiler(ExpressionTree tree) {
        this.nodes = tree.nodes();
        this.dimension = tree.dimension();
        this.root = nodes.size() - 1;
        int next = FIRST_FREE_SLOT;
        variableSlot = new int[dimension];
        gradientSlot = new int[dimension];
        for (int k = 0; k < dimension; k++) {
            variableSlot[k] = next;
            gradientSlot[k] = next + 2;
            next += 4;
        }
        valueSlot = new int[nodes.size()];
        adjointSlot = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node.kind() != Kind.CONSTANT && node.kind() != Kind.VARIABLE) {
                valueSlot[i] = next;
                next += 2;
                if (node.active()) {
                    adjointSlot[i] = next;
                    next += 2;
                }
            }
        }
        slots = next;
    }

    /**
     * The compiled code, or {@code null} if the expression is too large to compile into one JVM method (then
     * {@link CompiledObjective#compile} falls back to exp4j).
     */
    static CompiledCode compile(ExpressionTree tree) {
        if (tree.nodes().size() > MAX_NODES) {
            return null;
        }
        BytecodeCompiler compiler = new BytecodeCompiler(tree);
        if (compiler.slots > 0xFFFF) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = compiler.generate();
        } catch (MethodTooLargeException | ClassTooLargeException e) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (CompiledCode) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the compiled expression", e);
        }
    }

    /** ∂(a % b)/∂b = −trunc(a/b), computed as −(a − a % b)/b rounded to the integer it is away from rounding. */
    static double remainderPartialB(double a, double b, double y) {
        return -Math.rint((a - y) / b);
    }

    private byte[] generate() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_FINAL | ACC_SUPER, SELF, null, "java/lang/Object", new String[] {INTERFACE});

        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor value = writer.visitMethod(ACC_PUBLIC, "value", "([D)D", null, null);
        value.visitCode();
        Label poisoned = new Label();
        forward(value, poisoned);
        load(value, root);
        value.visitInsn(DRETURN);
        value.visitLabel(poisoned);
        value.visitLdcInsn(Double.NaN);
        value.visitInsn(DRETURN);
        value.visitMaxs(0, 0);
        value.visitEnd();

        MethodVisitor gradient = writer.visitMethod(ACC_PUBLIC, "valueAndGradient", "([D[D)D", null, null);
        gradient.visitCode();
        Label gradientPoisoned = new Label();
        forward(gradient, gradientPoisoned);
        backward(gradient);
        load(gradient, root);
        gradient.visitInsn(DRETURN);
        gradient.visitLabel(gradientPoisoned);
        gradient.visitVarInsn(ALOAD, 2);
        gradient.visitMethodInsn(INVOKESTATIC, OBJECTIVE, "poisoned", "([D)D", false);
        gradient.visitInsn(DRETURN);
        gradient.visitMaxs(0, 0);
        gradient.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Reads the variables into locals, then computes every node into its local; the operand stack is empty between. */
    private void forward(MethodVisitor code, Label poisoned) {
        for (int k = 0; k < dimension; k++) {
            code.visitVarInsn(ALOAD, 1);
            pushInt(code, k);
            code.visitInsn(DALOAD);
            code.visitVarInsn(DSTORE, variableSlot[k]);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            int[] args = node.arguments();
            switch (node.kind()) {
                case CONSTANT, VARIABLE -> {
                    continue;
                }
                case NEGATE -> {
                    load(code, args[0]);
                    code.visitInsn(DNEG);
                }
                case PLUS -> load(code, args[0]);
                case ADD -> binary(code, args, DADD);
                case SUBTRACT -> binary(code, args, DSUB);
                case MULTIPLY -> binary(code, args, DMUL);
                case DIVIDE, REMAINDER -> {
                    // exp4j: if (args[1] == 0d) throw new ArithmeticException("Division by zero!")
                    load(code, args[1]);
                    code.visitInsn(DCONST_0);
                    code.visitInsn(DCMPL);
                    code.visitJumpInsn(IFEQ, poisoned);
                    binary(code, args, node.kind() == Kind.DIVIDE ? DDIV : DREM);
                }
                case CALL -> {
                    FunctionTable.Definition function = node.function();
                    if (function.canBeUndefined()) {
                        loadAll(code, args);
                        code.visitMethodInsn(INVOKESTATIC, FUNCTIONS, function.name() + "Undefined",
                                descriptor(args.length, "Z"), false);
                        code.visitJumpInsn(IFNE, poisoned);
                    }
                    loadAll(code, args);
                    code.visitMethodInsn(INVOKESTATIC, FUNCTIONS, function.name(), descriptor(args.length, "D"),
                            false);
                }
            }
            code.visitVarInsn(DSTORE, valueSlot[i]);
        }
    }

    /** Reverse mode: the root's adjoint is 1; each node passes adjoint × partial derivative to its arguments. */
    private void backward(MethodVisitor code) {
        for (int k = 0; k < dimension; k++) {
            code.visitInsn(DCONST_0);
            code.visitVarInsn(DSTORE, gradientSlot[k]);
        }
        Node top = nodes.get(root);
        if (top.kind() == Kind.VARIABLE) {
            code.visitInsn(DCONST_1);
            code.visitVarInsn(DSTORE, gradientSlot[top.variable()]);
        } else if (top.active()) {
            code.visitInsn(DCONST_1);
            code.visitVarInsn(DSTORE, adjointSlot[root]);
        }
        for (int i = root; i >= 0; i--) {
            Node node = nodes.get(i);
            if (!node.active() || node.kind() == Kind.VARIABLE) {
                continue;
            }
            int[] args = node.arguments();
            int adjoint = adjointSlot[i];
            switch (node.kind()) {
                case NEGATE -> {
                    code.visitVarInsn(DLOAD, adjoint);
                    code.visitInsn(DNEG);
                    accumulate(code, args[0]);
                }
                case PLUS -> {
                    code.visitVarInsn(DLOAD, adjoint);
                    accumulate(code, args[0]);
                }
                case ADD, SUBTRACT -> {
                    if (active(args[0])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        accumulate(code, args[0]);
                    }
                    if (active(args[1])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        if (node.kind() == Kind.SUBTRACT) {
                            code.visitInsn(DNEG);
                        }
                        accumulate(code, args[1]);
                    }
                }
                case MULTIPLY -> {
                    if (active(args[0])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        load(code, args[1]);
                        code.visitInsn(DMUL);
                        accumulate(code, args[0]);
                    }
                    if (active(args[1])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        load(code, args[0]);
                        code.visitInsn(DMUL);
                        accumulate(code, args[1]);
                    }
                }
                case DIVIDE -> {
                    if (active(args[0])) { // ∂a = 1/b
                        code.visitVarInsn(DLOAD, adjoint);
                        load(code, args[1]);
                        code.visitInsn(DDIV);
                        accumulate(code, args[0]);
                    }
                    if (active(args[1])) { // ∂b = −(a/b)/b
                        code.visitVarInsn(DLOAD, adjoint);
                        code.visitVarInsn(DLOAD, valueSlot[i]);
                        code.visitInsn(DMUL);
                        code.visitInsn(DNEG);
                        load(code, args[1]);
                        code.visitInsn(DDIV);
                        accumulate(code, args[1]);
                    }
                }
                case REMAINDER -> {
                    if (active(args[0])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        accumulate(code, args[0]);
                    }
                    if (active(args[1])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        loadAll(code, args);
                        code.visitVarInsn(DLOAD, valueSlot[i]);
                        code.visitMethodInsn(INVOKESTATIC, COMPILER, "remainderPartialB", "(DDD)D", false);
                        code.visitInsn(DMUL);
                        accumulate(code, args[1]);
                    }
                }
                case CALL -> {
                    String name = node.function().name();
                    if (name.equals("pow") && nodes.get(args[1]).kind() == Kind.CONSTANT) {
                        constantExponent(code, node, adjoint);
                        continue;
                    }
                    String[] partials = args.length == 1
                            ? new String[] {name + "Derivative"}
                            : new String[] {name + "PartialA", name + "PartialB"};
                    for (int j = 0; j < args.length; j++) {
                        if (!active(args[j])) {
                            continue;
                        }
                        code.visitVarInsn(DLOAD, adjoint);
                        loadAll(code, args);
                        code.visitVarInsn(DLOAD, valueSlot[i]);
                        code.visitMethodInsn(INVOKESTATIC, FUNCTIONS, partials[j], descriptor(args.length + 1, "D"),
                                false);
                        code.visitInsn(DMUL);
                        accumulate(code, args[j]);
                    }
                }
                default -> throw new IllegalStateException("no derivative for " + node.kind());
            }
        }
        for (int k = 0; k < dimension; k++) {
            code.visitVarInsn(ALOAD, 2);
            pushInt(code, k);
            code.visitVarInsn(DLOAD, gradientSlot[k]);
            code.visitInsn(DASTORE);
        }
    }

    /**
     * a^c with a constant c: the same A·(c·a^(c−1)) as {@code powPartialA}, with c − 1 folded here and Math.pow(a, 1)
     * written as a (the JDK specifies pow(a, 1) = a), so x^2 costs a multiplication instead of a call to pow.
     */
    private void constantExponent(MethodVisitor code, Node node, int adjoint) {
        int base = node.arguments()[0];
        double c = nodes.get(node.arguments()[1]).constant();
        if (!active(base)) {
            return;
        }
        code.visitVarInsn(DLOAD, adjoint);
        if (c == 0) {
            code.visitInsn(DCONST_0);
        } else {
            code.visitLdcInsn(c);
            load(code, base);
            if (c - 1 != 1) {
                code.visitLdcInsn(c - 1);
                code.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "pow", "(DD)D", false);
            }
            code.visitInsn(DMUL);
        }
        code.visitInsn(DMUL);
        accumulate(code, base);
    }

    private boolean active(int node) {
        return nodes.get(node).active();
    }

    /** Adds the contribution on the stack to a variable's gradient, or makes it the adjoint of an operation node. */
    private void accumulate(MethodVisitor code, int target) {
        Node node = nodes.get(target);
        if (node.kind() == Kind.VARIABLE) {
            code.visitVarInsn(DLOAD, gradientSlot[node.variable()]);
            code.visitInsn(DADD);
            code.visitVarInsn(DSTORE, gradientSlot[node.variable()]);
        } else {
            // In a tree every operation node has exactly one parent, so its adjoint is assigned once.
            code.visitVarInsn(DSTORE, adjointSlot[target]);
        }
    }

    private void binary(MethodVisitor code, int[] args, int opcode) {
        load(code, args[0]);
        load(code, args[1]);
        code.visitInsn(opcode);
    }

    private void loadAll(MethodVisitor code, int[] args) {
        for (int arg : args) {
            load(code, arg);
        }
    }

    private void load(MethodVisitor code, int index) {
        Node node = nodes.get(index);
        switch (node.kind()) {
            case CONSTANT -> {
                double constant = node.constant();
                if (Double.doubleToRawLongBits(constant) == 0L) {
                    code.visitInsn(DCONST_0);
                } else if (constant == 1.0) {
                    code.visitInsn(DCONST_1);
                } else {
                    code.visitLdcInsn(constant);
                }
            }
            case VARIABLE -> code.visitVarInsn(DLOAD, variableSlot[node.variable()]);
            default -> code.visitVarInsn(DLOAD, valueSlot[index]);
        }
    }

    private static void pushInt(MethodVisitor code, int value) {
        if (value <= 5) {
            code.visitInsn(ICONST_0 + value);
        } else if (value <= Byte.MAX_VALUE) {
            code.visitIntInsn(BIPUSH, value);
        } else if (value <= Short.MAX_VALUE) {
            code.visitIntInsn(SIPUSH, value);
        } else {
            code.visitLdcInsn(value);
        }
    }

    private static String descriptor(int doubles, String returnType) {
        return "(" + "D".repeat(doubles) + ")" + returnType;
    }
}
