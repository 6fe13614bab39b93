package dev.adagrad.expr;

import static org.objectweb.asm.Opcodes.AALOAD;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.BIPUSH;
import static org.objectweb.asm.Opcodes.DADD;
import static org.objectweb.asm.Opcodes.DALOAD;
import static org.objectweb.asm.Opcodes.DASTORE;
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
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.ICONST_0;
import static org.objectweb.asm.Opcodes.ICONST_1;
import static org.objectweb.asm.Opcodes.IFEQ;
import static org.objectweb.asm.Opcodes.IFNE;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.SIPUSH;
import static org.objectweb.asm.Opcodes.V17;

import dev.adagrad.expr.ExpressionTree.Kind;
import dev.adagrad.expr.ExpressionTree.Node;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles an {@link ExpressionTree} to JVM bytecode: a hidden class implementing {@link CompiledCode} whose
 * {@code value} is straight-line code over local variables (each variable read once from the {@code double[]}, each
 * node's value kept in its own local), and whose {@code valueAndGradient} is the same code followed by reverse-mode
 * automatic differentiation: every node's adjoint in a local, from the root down to the variables. No map, no boxing,
 * no allocation per call; the JIT compiles it like hand-written Java.
 *
 * <p><b>Size.</b> HotSpot never JIT-compiles a method of more than {@value #HUGE_METHOD_LIMIT} bytes of bytecode
 * ({@code HugeMethodLimit}): it would run interpreted, 10 to 100 times slower. An expression whose two methods fit
 * under that limit is compiled as just described. A larger one is cut, in evaluation order, into segments of a few
 * kilobytes of bytecode each ({@link #SEGMENT_BUDGET}), two static methods each: {@code v}<i>s</i> computes the
 * segment's nodes, and {@code b}<i>s</i> computes them again into its own locals, then does the segment's part of the
 * backward pass. {@code value} calls the {@code v}<i>s</i> in order; {@code valueAndGradient} calls them, then the
 * {@code b}<i>s</i> in reverse (through group methods when there are more than {@value #CALLS_PER_METHOD}). Inside a
 * segment values and adjoints stay in locals; one that crosses from one segment to another goes through the
 * segment's {@code double[]} "tape", which the objective holds ({@link CompiledObjective}); the gradient components
 * are read from the array and written back by each backward segment. The operations, and the order in which each
 * gradient component adds up its contributions, are the same as in one method, so the results are the same bit for
 * bit. The cuts fall between the terms of the top-level sum where they can; then a backward segment reads no value
 * of another segment (a sum's partials are ±1), and {@code valueAndGradient} calls each backward segment right after
 * a forward one, so the backward work runs while the forward pass waits on its chain of additions. The sizes of the
 * generated methods are measured ({@link ClassFileSizes}); a segment over the limit halves the budget and compiles
 * again.
 *
 * <p>Semantics are exp4j 0.4.8's, operation by operation in its order: {@code + - *} and unary minus are the JVM's
 * double arithmetic, {@code ^} and {@code pow} are {@link Math#pow}, {@code %} is Java's remainder, and functions call
 * the methods of {@link FunctionTable}. Where exp4j throws (division or remainder by zero, cot where tan x = 0) the
 * generated code jumps straight to "return NaN" (a segment returns true, and its caller jumps), so the whole expression
 * is NaN as {@link ExpressionObjective} makes it, even when a NaN would otherwise be swallowed (exp4j's
 * {@code signum(NaN)} is 0, {@code NaN^0} is 1).
 *
 * <p>The derivative of each operation: ∂(a/b) = (1/b, −(a/b)/b); ∂(a % b) = (1, −trunc(a/b)), the derivative away
 * from the jumps where a/b is an integer; functions as {@link FunctionTable} documents. Only nodes that depend on a
 * variable get adjoints, so a constant exponent's ∂b (a^b·ln a, NaN for a &lt; 0) never reaches the gradient.
 */
final class BytecodeCompiler {

    /** HotSpot's {@code HugeMethodLimit}: a method with more bytes of bytecode is never JIT-compiled. */
    static final int HUGE_METHOD_LIMIT = 8000;

    /**
     * The estimated bytes of bytecode of one segment's backward method, which holds its forward code too (the
     * estimate errs high: at n = 1,000 the backward methods come out at up to 2.7 KB, the forward ones under 1 KB).
     */
    static final int SEGMENT_BUDGET = 4000;

    /** The most segment calls in one method; more are grouped into methods that call up to this many each. */
    static final int CALLS_PER_METHOD = 200;

    /**
     * From this many variables on, central differences are taken term by term when f is a sum of terms
     * ({@link CentralDifference}); below, f is evaluated whole, as always (in generated code when it is small).
     */
    static final int TERMWISE_FROM = 100;

    /** The most estimated bytes of generated central differences of the whole f (below {@link #TERMWISE_FROM}). */
    static final int WHOLE_DIFFERENCES_BYTES = 16_000;

    /** Above this many nodes one method is not tried: it could not fit under the limit. */
    static final int MOST_NODES_IN_ONE_METHOD = 3000;

    private static final String SELF = "dev/adagrad/expr/CompiledExpression";
    private static final String INTERFACE = "dev/adagrad/expr/CompiledCode";
    private static final String FUNCTIONS = "dev/adagrad/expr/FunctionTable";
    private static final String COMPILER = "dev/adagrad/expr/BytecodeCompiler";
    private static final String OBJECTIVE = "dev/adagrad/expr/CompiledObjective";

    private static final String VALUE = "([D[[D)D";
    private static final String VALUE_AND_GRADIENT = "([D[D[[D)D";
    private static final String FORWARD_SEGMENT = "([D[[D)Z";
    private static final String BACKWARD_SEGMENT = "([D[D[[D)V";
    private static final String DIFFERENCES = "([DD[D)V";
    private static final String INTERLEAVED_GROUP = "([D[D[[D)Z";

    /**
     * The generated class, the length of each segment's tape (none when it is one method), whether it has term-by-term
     * central differences, and whether its {@code valueAndGradient} interleaves the forward and backward segments.
     */
    record Program(byte[] classFile, int[] tapeLengths, boolean termwise, boolean interleaved) {
    }

    private final List<Node> nodes;
    private final int dimension;
    private final int root;
    private final int[] parent;
    /** The first node of each node's subtree: in evaluation order a subtree is the nodes subtreeStart[i] to i. */
    private final int[] subtreeStart;

    // Term by term central differences: the root of each term of the top-level sum, in evaluation order, whether
    // it is subtracted, and for each variable the terms (their positions in that list) that contain it.
    private int[] terms;
    private boolean[] subtracted;
    private int[][] termsOf;
    private int[] termBytes;

    // Segments (multi-segment code only): segment s holds the nodes segmentStart[s] to segmentStart[s + 1] - 1.
    private int[] segmentStart;
    private int[] segmentOf;
    /** Where an operation node's value is kept in its segment's tape, if a later segment reads it (else −1). */
    private int[] tapeIndex;
    /** Where the adjoint of an active node whose parent is in a later segment is kept in its segment's tape. */
    private int[] adjointTapeIndex;
    private int[] tapeLengths;
    /**
     * Whether node i's value is read by the backward pass: by its parent's partial derivative (the other factor of a
     * product, the base of a power), by its own (a quotient, a function's value), or to compute such a node. A sum's
     * partials are ±1, so the running value of a sum of terms is not read by it.
     */
    private final boolean[] readBackward;
    /**
     * Whether a segment may begin at node i without splitting a term of the top-level sum (the nodes reached from the
     * root through + − and signs alone): i is one of the sum's nodes or the first node of a term.
     */
    private final boolean[] termBoundary;
    private boolean mayInterleave = true;

    // Per generated method: locals of nodes and variables (a variable's entries are valid for the current stamp).
    private final int[] valueLocal;
    private final int[] adjointLocal;
    private final int[] variableLocal;
    private final int[] gradientLocal;
    private final int[] variableStamp;
    private int stamp;

    // Code embedded in a method written elsewhere (StepCompiler): nodes whose value is already in a local, computed
    // before the method's loop. givenLocal[i] is the local of node i's value (else −1), givenFlag[i] an int local that
    // is 1 when computing it met exp4j's throw (else −1); inGiven marks every node of those subtrees.
    private int[] givenLocal;
    private int[] givenFlag;
    private boolean[] inGiven;

    private BytecodeCompiler(ExpressionTree tree) {
        this.nodes = tree.nodes();
        this.dimension = tree.dimension();
        this.root = nodes.size() - 1;
        parent = new int[nodes.size()];
        parent[root] = -1;
        for (int i = 0; i < nodes.size(); i++) {
            for (int argument : nodes.get(i).arguments()) {
                parent[argument] = i;
            }
        }
        subtreeStart = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            int[] args = nodes.get(i).arguments();
            subtreeStart[i] = args.length == 0 ? i : subtreeStart[args[0]];
        }
        readBackward = readBackward();
        termBoundary = new boolean[nodes.size()];
        boolean[] sum = new boolean[nodes.size()];
        for (int i = root; i >= 0; i--) { // parents first
            Kind kind = nodes.get(i).kind();
            boolean underSum = i == root || sum[parent[i]];
            sum[i] = underSum && (kind == Kind.ADD || kind == Kind.SUBTRACT || kind == Kind.PLUS
                    || kind == Kind.NEGATE);
            termBoundary[i] |= sum[i];
            if (underSum && !sum[i]) {
                termBoundary[subtreeStart[i]] = true; // i is a term
            }
        }
        valueLocal = new int[nodes.size()];
        adjointLocal = new int[nodes.size()];
        variableLocal = new int[dimension];
        gradientLocal = new int[dimension];
        variableStamp = new int[dimension];
    }

    /** The compiled code and the tapes its segments need (see {@link CompiledObjective}). */
    static CompiledCode load(Program program) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(program.classFile(), true);
            return (CompiledCode) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load the compiled expression", e);
        }
    }

    /**
     * Generates the class for {@code tree}: one method each for the value and the gradient if both fit under
     * {@link #HUGE_METHOD_LIMIT}, else segments, with every method under the limit.
     */
    static Program compile(ExpressionTree tree) {
        BytecodeCompiler compiler = new BytecodeCompiler(tree);
        compiler.planTerms();
        while (true) {
            if (tree.nodes().size() <= MOST_NODES_IN_ONE_METHOD) {
                byte[] single = compiler.generateSingle(SEGMENT_BUDGET);
                if (ClassFileSizes.withinLimit(single, HUGE_METHOD_LIMIT)) {
                    return new Program(single, null, compiler.terms != null, false);
                }
            }
            for (int budget = SEGMENT_BUDGET; budget >= 100; budget /= 2) {
                for (boolean aligned : new boolean[] {true, false}) { // a term too large for a segment is cut
                    compiler.segment(budget, aligned);
                    byte[] segmented = compiler.generateSegmented(budget);
                    if (ClassFileSizes.withinLimit(segmented, HUGE_METHOD_LIMIT)) {
                        return compiler.program(segmented);
                    }
                }
            }
            if (compiler.terms == null) {
                throw new IllegalStateException("cannot cut the expression into methods under " + HUGE_METHOD_LIMIT
                        + " bytes");
            }
            compiler.terms = null; // a coordinate's terms too large for a method: differences of the whole sum
        }
    }

    /**
     * Segmented code with the given budget, even where one method would do, cut at the terms of the top-level sum
     * where it can be ({@code aligned}) or wherever the budget is reached, the backward segments after all the forward
     * ones unless they may {@code interleave} (for tests).
     */
    static Program compileSegmented(ExpressionTree tree, int budget, boolean aligned, boolean interleave) {
        BytecodeCompiler compiler = new BytecodeCompiler(tree);
        compiler.mayInterleave = interleave;
        compiler.planTerms();
        compiler.segment(budget, aligned);
        return compiler.program(compiler.generateSegmented(budget));
    }

    private Program program(byte[] segmented) {
        return new Program(segmented, tapeLengths.clone(), terms != null, interleaved());
    }

    private boolean interleaved() {
        return mayInterleave && backwardIndependent();
    }

    /** ∂(a % b)/∂b = −trunc(a/b), computed as −(a − a % b)/b rounded to the integer it is away from rounding. */
    static double remainderPartialB(double a, double b, double y) {
        return -Math.rint((a - y) / b);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Embedded in another method (StepCompiler)

    /** A compiler for {@code tree} whose code {@link #embed} writes into a method of another generated class. */
    static BytecodeCompiler embedding(ExpressionTree tree) {
        return new BytecodeCompiler(tree);
    }

    /** The first node of node i's subtree: in evaluation order the subtree is the nodes from there to i. */
    int subtreeStart(int i) {
        return subtreeStart[i];
    }

    /** The parent of node i, or −1 for the root. */
    int parent(int i) {
        return parent[i];
    }

    /**
     * From now on node {@code i}'s value is read from the double local {@code local} and its subtree is not computed;
     * if {@code flag} is not −1, an int local that is 1 makes the expression poisoned (exp4j threw computing node i).
     */
    void give(int i, int local, int flag) {
        if (givenLocal == null) {
            givenLocal = new int[nodes.size()];
            givenFlag = new int[nodes.size()];
            inGiven = new boolean[nodes.size()];
            java.util.Arrays.fill(givenLocal, -1);
            java.util.Arrays.fill(givenFlag, -1);
        }
        givenLocal[i] = local;
        givenFlag[i] = flag;
        for (int k = subtreeStart[i]; k <= i; k++) {
            inGiven[k] = true;
        }
    }

    /** Whether node i's value is given (it is in a subtree {@link #give} was called for). */
    boolean given(int i) {
        return inGiven != null && inGiven[i];
    }

    /**
     * Writes into {@code code} the operations of node {@code node}'s subtree, exactly as {@link #compile} does in one
     * method, and leaves its value on the operand stack; variable k is read from the double local
     * {@code variableLocals[k]}, and the new locals are taken from {@code next} on. Where exp4j would throw, the code
     * jumps to {@code poisoned} (the operand stack empty). Returns the next free local.
     */
    int embed(MethodVisitor code, int next, int[] variableLocals, int node, Label poisoned) {
        Method method = new Method(code, next);
        for (int k = 0; k < dimension; k++) {
            variableLocal[k] = variableLocals[k];
            variableStamp[k] = stamp;
        }
        forward(method, subtreeStart[node], node + 1, poisoned, false);
        load(method, node);
        return method.next;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // One method each

    private byte[] generateSingle(int budget) {
        segmentOf = null;
        ClassWriter writer = classWriter();

        Method value = new Method(writer.visitMethod(ACC_PUBLIC, "value", VALUE, null, null), 3, 1, -1, 2, -1);
        value.loadVariables(allVariables());
        Label poisoned = new Label();
        forward(value, 0, nodes.size(), poisoned, false);
        load(value, root);
        value.code.visitInsn(DRETURN);
        value.code.visitLabel(poisoned);
        value.code.visitLdcInsn(Double.NaN);
        value.code.visitInsn(DRETURN);
        value.end();

        Method gradient = new Method(writer.visitMethod(ACC_PUBLIC, "valueAndGradient", VALUE_AND_GRADIENT, null,
                null), 4, 1, 2, 3, -1);
        gradient.loadVariables(allVariables());
        Label gradientPoisoned = new Label();
        forward(gradient, 0, nodes.size(), gradientPoisoned, false);
        gradient.zeroGradients(allVariables());
        Node top = nodes.get(root);
        if (top.kind() == Kind.VARIABLE) {
            gradient.code.visitInsn(DCONST_1);
            gradient.code.visitVarInsn(DSTORE, gradientLocal[top.variable()]);
        }
        backward(gradient, 0, nodes.size());
        gradient.storeGradients(allVariables());
        load(gradient, root);
        gradient.code.visitInsn(DRETURN);
        gradient.code.visitLabel(gradientPoisoned);
        gradient.code.visitVarInsn(ALOAD, 2);
        gradient.code.visitMethodInsn(INVOKESTATIC, OBJECTIVE, "poisoned", "([D)D", false);
        gradient.code.visitInsn(DRETURN);
        gradient.end();

        if (terms != null) {
            termwiseDifferences(writer, budget);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    private int[] allVariables() {
        int[] all = new int[dimension];
        for (int k = 0; k < dimension; k++) {
            all[k] = k;
        }
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Segments

    /**
     * Cuts the nodes into segments whose estimated code stays within {@code budget} bytes: the backward method,
     * which holds the forward code too. {@code aligned}: where a term of the top-level sum begins or at one of the
     * sum's own nodes, so that no term is split, unless the segment would pass twice the budget or {@link
     * #SEGMENT_BUDGET} (a large term).
     */
    private void segment(int budget, boolean aligned) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        int forwardBytes = 0;
        int backwardBytes = 0;
        for (int i = 0; i < nodes.size(); i++) {
            int f = forwardEstimate(i);
            int b = backwardEstimate(i);
            if (forwardBytes + backwardBytes + f + b > budget && starts.get(starts.size() - 1) < i
                    && (!aligned || termBoundary[i] || forwardBytes + backwardBytes > Math.max(2 * budget, SEGMENT_BUDGET))) {
                starts.add(i);
                forwardBytes = 0;
                backwardBytes = 0;
            }
            forwardBytes += f;
            backwardBytes += b;
        }
        int segments = starts.size();
        segmentStart = new int[segments + 1];
        for (int s = 0; s < segments; s++) {
            segmentStart[s] = starts.get(s);
        }
        segmentStart[segments] = nodes.size();
        segmentOf = new int[nodes.size()];
        tapeIndex = new int[nodes.size()];
        adjointTapeIndex = new int[nodes.size()];
        tapeLengths = new int[segments];
        for (int s = 0; s < segments; s++) {
            int length = 0;
            for (int i = segmentStart[s]; i < segmentStart[s + 1]; i++) {
                segmentOf[i] = s;
                tapeIndex[i] = isOperation(i) && (i == root || parent[i] >= segmentStart[s + 1]) ? length++ : -1;
            }
            for (int i = segmentStart[s]; i < segmentStart[s + 1]; i++) {
                adjointTapeIndex[i] = isOperation(i) && active(i) && i != root && parent[i] >= segmentStart[s + 1]
                        ? length++ : -1;
            }
            tapeLengths[s] = length;
        }
    }

    /** {@link #readBackward}: the values {@link #backward} loads, and the values computing those needs. */
    private boolean[] readBackward() {
        boolean[] read = new boolean[nodes.size()];
        for (int i = root; i >= 0; i--) { // a node's readers are its parent and itself, so its flag is final here
            Node node = nodes.get(i);
            int[] args = node.arguments();
            if (isOperation(i) && node.active()) {
                switch (node.kind()) {
                    case MULTIPLY -> {
                        read[args[1]] |= active(args[0]);
                        read[args[0]] |= active(args[1]);
                    }
                    case DIVIDE -> {
                        read[args[1]] = true;
                        read[i] |= active(args[1]);
                    }
                    case REMAINDER, CALL -> {
                        boolean constantPower = node.kind() == Kind.CALL && node.function().name().equals("pow")
                                && nodes.get(args[1]).kind() == Kind.CONSTANT;
                        if (constantPower) {
                            read[args[0]] |= nodes.get(args[1]).constant() != 0;
                        } else if (node.kind() == Kind.CALL || active(args[1])) {
                            read[i] = true;
                            for (int argument : args) {
                                read[argument] = true;
                            }
                        }
                    }
                    default -> { } // + − and signs: partials ±1
                }
            }
            if (read[i]) {
                for (int argument : args) {
                    read[argument] = true;
                }
            }
        }
        return read;
    }

    /**
     * Whether every value a backward segment reads is computed in that segment: then the backward segments need
     * nothing from the forward ones, and {@code valueAndGradient} can interleave them (the forward pass of a sum of
     * terms is one long chain of additions, each waiting for the last, which the backward work can overlap).
     */
    private boolean backwardIndependent() {
        for (int i = 0; i < root; i++) {
            if (readBackward[i] && isOperation(i) && segmentOf[parent[i]] != segmentOf[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * About the bytes of node i's forward code: loads of locals take 2 bytes, a store 2, a call 3, a division's check
     * 8; its variables' loads at the start of the method 7 each (counted per use, so the estimate errs high).
     */
    private int forwardEstimate(int i) {
        Node node = nodes.get(i);
        if (!isOperation(i)) {
            return 0;
        }
        int arguments = node.arguments().length;
        int bytes = 3 + 2 * arguments + 7 * variableArguments(node);
        if (node.kind() == Kind.DIVIDE || node.kind() == Kind.REMAINDER) {
            bytes += 8;
        }
        if (node.kind() == Kind.CALL) {
            bytes += 3 + (node.function().canBeUndefined() ? 2 * arguments + 6 : 0);
        }
        return bytes;
    }

    /**
     * About the bytes of node i's backward code: per active argument the adjoint, the values the partial needs, a
     * call, a multiplication and the accumulation; a variable's gradient read and written back, 14 bytes.
     */
    private int backwardEstimate(int i) {
        Node node = nodes.get(i);
        if (!isOperation(i) || !node.active()) {
            return 0;
        }
        int arguments = node.arguments().length;
        return arguments * (10 + 2 * (arguments + 1)) + 14 * variableArguments(node);
    }

    private int variableArguments(Node node) {
        int count = 0;
        for (int argument : node.arguments()) {
            if (nodes.get(argument).kind() == Kind.VARIABLE) {
                count++;
            }
        }
        return count;
    }

    private byte[] generateSegmented(int budget) {
        ClassWriter writer = classWriter();
        int segments = segmentStart.length - 1;
        List<String> forwardValue = new ArrayList<>();
        List<String> backward = new ArrayList<>();
        for (int s = 0; s < segments; s++) {
            forwardValue.add(forwardSegment(writer, s));
        }
        for (int s = segments - 1; s >= 0; s--) {
            backward.add(backwardSegment(writer, s));
        }
        List<String> value = group(writer, forwardValue, "vg", true);
        List<String> gradientCalls;
        if (interleaved()) { // v0, b(last), v1, b(last − 1), …: each chain of sums overlaps backward work
            List<String> interleaved = new ArrayList<>();
            for (int k = 0; k < segments; k++) {
                interleaved.add(forwardValue.get(k));
                interleaved.add(backward.get(k));
            }
            gradientCalls = groupInterleaved(writer, interleaved);
        } else {
            gradientCalls = new ArrayList<>(value);
            gradientCalls.addAll(group(writer, backward, "bg", false));
        }

        Method method = new Method(writer.visitMethod(ACC_PUBLIC, "value", VALUE, null, null), 3, 1, -1, 2, -1);
        Label poisoned = new Label();
        callForward(method, value, poisoned);
        load(method, root);
        method.code.visitInsn(DRETURN);
        method.code.visitLabel(poisoned);
        method.code.visitLdcInsn(Double.NaN);
        method.code.visitInsn(DRETURN);
        method.end();

        method = new Method(writer.visitMethod(ACC_PUBLIC, "valueAndGradient", VALUE_AND_GRADIENT, null, null), 4, 1,
                2, 3, -1);
        Label gradientPoisoned = new Label();
        method.code.visitVarInsn(ALOAD, 2);
        method.code.visitInsn(DCONST_0);
        method.code.visitMethodInsn(INVOKESTATIC, "java/util/Arrays", "fill", "([DD)V", false);
        if (nodes.get(root).kind() == Kind.VARIABLE) { // a lone variable: no segment has an operation to pass 1 on
            method.code.visitVarInsn(ALOAD, 2);
            pushInt(method.code, nodes.get(root).variable());
            method.code.visitInsn(DCONST_1);
            method.code.visitInsn(DASTORE);
        }
        callBoth(method, gradientCalls, gradientPoisoned);
        load(method, root);
        method.code.visitInsn(DRETURN);
        method.code.visitLabel(gradientPoisoned);
        method.code.visitVarInsn(ALOAD, 2);
        method.code.visitMethodInsn(INVOKESTATIC, OBJECTIVE, "poisoned", "([D)D", false);
        method.code.visitInsn(DRETURN);
        method.end();

        if (terms != null) {
            termwiseDifferences(writer, budget);
        }
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Calls forward segments (or groups) in order; any that returns true jumps to {@code poisoned}. */
    private static void callForward(Method method, List<String> names, Label poisoned) {
        for (String name : names) {
            method.code.visitVarInsn(ALOAD, method.x);
            method.code.visitVarInsn(ALOAD, method.tapes);
            method.code.visitMethodInsn(INVOKESTATIC, SELF, name, FORWARD_SEGMENT, false);
            method.code.visitJumpInsn(IFNE, poisoned);
        }
    }

    /**
     * Calls forward segments and groups ({@code v…}, true if poisoned: jump), backward ones ({@code b…}) and
     * interleaved groups ({@code i…}, true if poisoned) in order, from a method with x, the gradient and the tapes.
     */
    private static void callBoth(Method method, List<String> names, Label poisoned) {
        for (String name : names) {
            char kind = name.charAt(0);
            if (kind == 'v') {
                callForward(method, List.of(name), poisoned);
                continue;
            }
            method.code.visitVarInsn(ALOAD, method.x);
            method.code.visitVarInsn(ALOAD, method.gradient);
            method.code.visitVarInsn(ALOAD, method.tapes);
            if (kind == 'b') {
                method.code.visitMethodInsn(INVOKESTATIC, SELF, name, BACKWARD_SEGMENT, false);
            } else {
                method.code.visitMethodInsn(INVOKESTATIC, SELF, name, INTERLEAVED_GROUP, false);
                method.code.visitJumpInsn(IFNE, poisoned);
            }
        }
    }

    /** Interleaved forward and backward calls grouped as {@link #group} does, into methods {@code i…}. */
    private List<String> groupInterleaved(ClassWriter writer, List<String> names) {
        int round = 0;
        while (names.size() > CALLS_PER_METHOD) {
            List<String> groups = new ArrayList<>();
            for (int from = 0; from < names.size(); from += CALLS_PER_METHOD) {
                String name = "ig" + round + "_" + groups.size();
                Method method = new Method(writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, INTERLEAVED_GROUP,
                        null, null), 3, 0, 1, 2, -1);
                Label poisoned = new Label();
                callBoth(method, names.subList(from, Math.min(names.size(), from + CALLS_PER_METHOD)), poisoned);
                method.code.visitInsn(ICONST_0);
                method.code.visitInsn(IRETURN);
                method.code.visitLabel(poisoned);
                method.code.visitInsn(ICONST_1);
                method.code.visitInsn(IRETURN);
                method.end();
                groups.add(name);
            }
            names = groups;
            round++;
        }
        return names;
    }

    /** Methods that each call up to {@link #CALLS_PER_METHOD} of {@code names} in order, as often as needed. */
    private List<String> group(ClassWriter writer, List<String> names, String prefix, boolean forward) {
        int round = 0;
        while (names.size() > CALLS_PER_METHOD) {
            List<String> groups = new ArrayList<>();
            for (int from = 0; from < names.size(); from += CALLS_PER_METHOD) {
                String name = prefix + round + "_" + groups.size();
                List<String> members = names.subList(from, Math.min(names.size(), from + CALLS_PER_METHOD));
                if (forward) {
                    Method method = new Method(writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, FORWARD_SEGMENT,
                            null, null), 2, 0, -1, 1, -1);
                    Label poisoned = new Label();
                    callForward(method, members, poisoned);
                    method.code.visitInsn(ICONST_0);
                    method.code.visitInsn(IRETURN);
                    method.code.visitLabel(poisoned);
                    method.code.visitInsn(ICONST_1);
                    method.code.visitInsn(IRETURN);
                    method.end();
                } else {
                    Method method = new Method(writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, BACKWARD_SEGMENT,
                            null, null), 3, 0, 1, 2, -1);
                    for (String member : members) {
                        method.code.visitVarInsn(ALOAD, 0);
                        method.code.visitVarInsn(ALOAD, 1);
                        method.code.visitVarInsn(ALOAD, 2);
                        method.code.visitMethodInsn(INVOKESTATIC, SELF, member, BACKWARD_SEGMENT, false);
                    }
                    method.code.visitInsn(RETURN);
                    method.end();
                }
                groups.add(name);
            }
            names = groups;
            round++;
        }
        return names;
    }

    /** Segment s's forward code: true if exp4j would throw. It keeps in the tape the values later segments read. */
    private String forwardSegment(ClassWriter writer, int s) {
        String name = "v" + s;
        Method method = new Method(writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, FORWARD_SEGMENT, null, null),
                2, 0, -1, 1, s);
        method.loadOwnTape();
        method.loadVariables(variableArguments(s, false));
        Label poisoned = new Label();
        forward(method, segmentStart[s], segmentStart[s + 1], poisoned, true);
        method.code.visitInsn(ICONST_0);
        method.code.visitInsn(IRETURN);
        method.code.visitLabel(poisoned);
        method.code.visitInsn(ICONST_1);
        method.code.visitInsn(IRETURN);
        method.end();
        return name;
    }

    /**
     * Segment s's part of the backward pass: first its forward code again, into locals (recomputing is cheaper than
     * keeping every value in the tape and reading it back), then the adjoints; its gradient components are read from
     * and written back to the array. The forward segments find the poison (exp4j's throws), so its forward code does
     * not look: interleaved, the values of other segments it loads may be the last call's, but only where the
     * backward code reads none of them ({@link #backwardIndependent}), and the JIT drops that dead code.
     */
    private String backwardSegment(ClassWriter writer, int s) {
        String name = "b" + s;
        Method method = new Method(writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, BACKWARD_SEGMENT, null, null),
                3, 0, 1, 2, s);
        method.loadOwnTape();
        method.loadVariables(variableArguments(s, false));
        forward(method, segmentStart[s], segmentStart[s + 1], null, false);
        int[] accumulated = variableArguments(s, true);
        method.loadGradients(accumulated);
        backward(method, segmentStart[s], segmentStart[s + 1]);
        method.storeGradients(accumulated);
        method.code.visitInsn(RETURN);
        method.end();
        return name;
    }

    /** The variables that are arguments of segment s's operations (only of its active ones if {@code active}). */
    private int[] variableArguments(int s, boolean active) {
        boolean[] seen = new boolean[dimension];
        int[] list = new int[dimension];
        int count = 0;
        for (int i = segmentStart[s]; i < segmentStart[s + 1]; i++) {
            Node node = nodes.get(i);
            if (!isOperation(i) || (active && !node.active())) {
                continue;
            }
            for (int argument : node.arguments()) {
                Node leaf = nodes.get(argument);
                if (leaf.kind() == Kind.VARIABLE && !seen[leaf.variable()]) {
                    seen[leaf.variable()] = true;
                    list[count++] = leaf.variable();
                }
            }
        }
        return java.util.Arrays.copyOf(list, count);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Central differences term by term

    /**
     * Finds the terms of the top-level sum (through {@code +}, {@code -}, unary signs and brackets) and which
     * variables each contains. Term-by-term differences apply from {@link #TERMWISE_FROM} variables on, to a sum of
     * two or more terms in which each variable's terms fit in one method.
     */
    private void planTerms() {
        terms = null;
        if (dimension < TERMWISE_FROM) {
            planWholeDifferences();
            return;
        }
        List<int[]> found = new ArrayList<>(); // {node, 1 if subtracted}
        java.util.ArrayDeque<int[]> pending = new java.util.ArrayDeque<>();
        pending.push(new int[] {root, 0});
        while (!pending.isEmpty()) {
            int[] item = pending.pop();
            Node node = nodes.get(item[0]);
            int[] args = node.arguments();
            switch (node.kind()) {
                case ADD -> {
                    pending.push(new int[] {args[0], item[1]});
                    pending.push(new int[] {args[1], item[1]});
                }
                case SUBTRACT -> {
                    pending.push(new int[] {args[0], item[1]});
                    pending.push(new int[] {args[1], 1 - item[1]});
                }
                case PLUS -> pending.push(new int[] {args[0], item[1]});
                case NEGATE -> pending.push(new int[] {args[0], 1 - item[1]});
                default -> found.add(item);
            }
        }
        if (found.size() < 2) {
            return;
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        int count = found.size();
        int[] roots = new int[count];
        boolean[] minus = new boolean[count];
        int[] bytes = new int[count];
        int[] sizes = new int[dimension];
        int[][] lists = new int[dimension][];
        for (int j = 0; j < count; j++) {
            roots[j] = found.get(j)[0];
            minus[j] = found.get(j)[1] == 1;
            for (int k = subtreeStart[roots[j]]; k <= roots[j]; k++) {
                bytes[j] += forwardEstimate(k);
                Node node = nodes.get(k);
                if (node.kind() == Kind.VARIABLE) {
                    int v = node.variable();
                    int[] list = lists[v];
                    if (list == null) {
                        list = lists[v] = new int[4];
                    } else if (sizes[v] > 0 && list[sizes[v] - 1] == j) {
                        continue;
                    } else if (sizes[v] == list.length) {
                        list = lists[v] = java.util.Arrays.copyOf(list, 2 * list.length);
                    }
                    list[sizes[v]++] = j;
                }
            }
        }
        int[][] byVariable = new int[dimension][];
        for (int v = 0; v < dimension; v++) {
            byVariable[v] = lists[v] == null ? new int[0] : java.util.Arrays.copyOf(lists[v], sizes[v]);
        }
        terms = roots;
        subtracted = minus;
        termBytes = bytes;
        termsOf = byVariable;
        for (int v = 0; v < dimension; v++) {
            if (coordinateBytes(v) > SEGMENT_BUDGET) {
                terms = null;
                return;
            }
        }
    }

    /**
     * Below {@link #TERMWISE_FROM} variables the difference is of the whole f ({@link CentralDifference}); it is
     * generated too, f written out twice for each variable, when that stays under {@link #WHOLE_DIFFERENCES_BYTES}:
     * f is then the one term of every variable, and the code computes (f(x+) − f(x−)) / (x+ − x−) as the loop over
     * calls of {@code value} does, without a call per evaluation (which the JIT does not inline past 325 bytes).
     */
    private void planWholeDifferences() {
        int bytes = 0;
        for (int k = 0; k <= root; k++) {
            bytes += forwardEstimate(k);
        }
        terms = new int[] {root};
        subtracted = new boolean[] {false};
        termBytes = new int[] {bytes};
        termsOf = new int[dimension][];
        java.util.Arrays.fill(termsOf, new int[] {0}); // a variable f does not contain too: f(x) − f(x), as the loop
        if (dimension == 0 || coordinateBytes(0) > SEGMENT_BUDGET
                || (long) dimension * coordinateBytes(0) > WHOLE_DIFFERENCES_BYTES) {
            terms = null;
        }
    }

    /** About the bytes of variable v's difference: its terms evaluated twice, the step and the quotient. */
    private int coordinateBytes(int v) {
        int bytes = 40;
        for (int j : termsOf[v]) {
            bytes += 2 * termBytes[j] + 12;
        }
        return bytes;
    }

    /**
     * {@code centralDifferences(x, fixedStep, gradient)}: for each variable i, with h = {@link CentralDifference#step}
     * and x± = xᵢ ± h, gradient[i] = Σ (t(x+) − t(x−)) / (x+ − x−) over the terms t that contain xᵢ, in their order,
     * a subtracted term's difference negated; NaN where a term is (exp4j would throw). In blocks of variables whose
     * code fits {@code budget}.
     */
    private void termwiseDifferences(ClassWriter writer, int budget) {
        List<String> blocks = new ArrayList<>();
        int from = 0;
        while (from < dimension) {
            int to = from;
            int bytes = 0;
            while (to < dimension && (to == from || bytes + coordinateBytes(to) <= budget)) {
                bytes += coordinateBytes(to);
                to++;
            }
            blocks.add(differenceBlock(writer, blocks.size(), from, to));
            from = to;
        }
        int round = 0;
        while (blocks.size() > CALLS_PER_METHOD) {
            List<String> groups = new ArrayList<>();
            for (int start = 0; start < blocks.size(); start += CALLS_PER_METHOD) {
                String name = "dg" + round + "_" + groups.size();
                MethodVisitor code = writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, DIFFERENCES, null, null);
                code.visitCode();
                callDifferences(code, blocks.subList(start, Math.min(blocks.size(), start + CALLS_PER_METHOD)), 0);
                code.visitInsn(RETURN);
                code.visitMaxs(0, 0);
                code.visitEnd();
                groups.add(name);
            }
            blocks = groups;
            round++;
        }
        MethodVisitor code = writer.visitMethod(ACC_PUBLIC, "centralDifferences", DIFFERENCES, null, null);
        code.visitCode();
        callDifferences(code, blocks, 1);
        code.visitInsn(RETURN);
        code.visitMaxs(0, 0);
        code.visitEnd();
    }

    /** Calls the difference methods with (x, fixedStep, gradient), found from slot {@code first} on. */
    private static void callDifferences(MethodVisitor code, List<String> names, int first) {
        for (String name : names) {
            code.visitVarInsn(ALOAD, first);
            code.visitVarInsn(DLOAD, first + 1);
            code.visitVarInsn(ALOAD, first + 3);
            code.visitMethodInsn(INVOKESTATIC, SELF, name, DIFFERENCES, false);
        }
    }

    /** The differences of variables {@code from} to {@code to - 1}. Slots: x 0, fixedStep 1, gradient 3. */
    private String differenceBlock(ClassWriter writer, int block, int from, int to) {
        String name = "d" + block;
        Method method = new Method(writer.visitMethod(ACC_PRIVATE | ACC_STATIC, name, DIFFERENCES, null, null), 4,
                0, 3, -1, -1);
        method.allInLocals = true;
        boolean[] used = new boolean[dimension];
        int[] list = new int[dimension];
        int count = 0;
        for (int i = from; i < to; i++) {
            for (int j : termsOf[i]) {
                for (int k = subtreeStart[terms[j]]; k <= terms[j]; k++) {
                    Node node = nodes.get(k);
                    if (node.kind() == Kind.VARIABLE && !used[node.variable()]) {
                        used[node.variable()] = true;
                        list[count++] = node.variable();
                    }
                }
            }
        }
        method.loadVariables(java.util.Arrays.copyOf(list, count));
        MethodVisitor code = method.code;
        for (int i = from; i < to; i++) {
            int mark = method.next;
            int xi = method.newLocal();
            int h = method.newLocal();
            int forward = method.newLocal();
            int backward = method.newLocal();
            int sum = method.newLocal();
            code.visitVarInsn(ALOAD, 0);
            pushInt(code, i);
            code.visitInsn(DALOAD);
            code.visitVarInsn(DSTORE, xi);
            code.visitVarInsn(DLOAD, xi);
            code.visitVarInsn(DLOAD, 1);
            code.visitMethodInsn(INVOKESTATIC, "dev/adagrad/expr/CentralDifference", "step", "(DD)D", false);
            code.visitVarInsn(DSTORE, h);
            code.visitVarInsn(DLOAD, xi); // x+ = xᵢ + h, x− = xᵢ − h, as CentralDifference computes them
            code.visitVarInsn(DLOAD, h);
            code.visitInsn(DADD);
            code.visitVarInsn(DSTORE, forward);
            code.visitVarInsn(DLOAD, xi);
            code.visitVarInsn(DLOAD, h);
            code.visitInsn(DSUB);
            code.visitVarInsn(DSTORE, backward);
            Label poisoned = new Label();
            Label next = new Label();
            method.differenced = i;
            int[] own = termsOf[i];
            if (own.length == 0) {
                code.visitInsn(DCONST_0);
                code.visitVarInsn(DSTORE, sum);
            }
            for (int position = 0; position < own.length; position++) {
                int j = own[position];
                int[] values = new int[2];
                for (int side = 0; side < 2; side++) {
                    method.differencedLocal = side == 0 ? forward : backward;
                    forward(method, subtreeStart[terms[j]], terms[j] + 1, poisoned, false);
                    load(method, terms[j]);
                    values[side] = method.newLocal();
                    code.visitVarInsn(DSTORE, values[side]);
                }
                // t(x+) − t(x−), or t(x−) − t(x+) for a subtracted term: the same number negated
                code.visitVarInsn(DLOAD, values[subtracted[j] ? 1 : 0]);
                code.visitVarInsn(DLOAD, values[subtracted[j] ? 0 : 1]);
                code.visitInsn(DSUB);
                if (position > 0) {
                    code.visitVarInsn(DLOAD, sum);
                    code.visitInsn(DADD);
                }
                code.visitVarInsn(DSTORE, sum);
            }
            method.differenced = -1;
            code.visitVarInsn(ALOAD, 3);
            pushInt(code, i);
            code.visitVarInsn(DLOAD, sum);
            code.visitVarInsn(DLOAD, forward);
            code.visitVarInsn(DLOAD, backward);
            code.visitInsn(DSUB);
            code.visitInsn(DDIV);
            code.visitInsn(DASTORE);
            code.visitJumpInsn(GOTO, next);
            code.visitLabel(poisoned);
            code.visitVarInsn(ALOAD, 3);
            pushInt(code, i);
            code.visitLdcInsn(Double.NaN);
            code.visitInsn(DASTORE);
            code.visitLabel(next);
            method.next = mark;
        }
        code.visitInsn(RETURN);
        method.end();
        return name;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The code of the nodes, shared by both layouts

    /**
     * Computes nodes {@code from} to {@code to - 1} into locals; the operand stack is empty between nodes. In a
     * segment's forward method ({@code store}), a value goes to the tape as well if a later segment reads it. Where
     * exp4j would throw the code jumps to {@code poisoned}; with null it does not look.
     */
    private void forward(Method method, int from, int to, Label poisoned, boolean store) {
        MethodVisitor code = method.code;
        for (int i = from; i < to; i++) {
            Node node = nodes.get(i);
            int[] args = node.arguments();
            if (inGiven != null && inGiven[i]) {
                if (givenFlag[i] >= 0) { // the root of a given subtree: poisoned if computing it was
                    code.visitVarInsn(ILOAD, givenFlag[i]);
                    code.visitJumpInsn(IFNE, poisoned);
                }
                continue;
            }
            switch (node.kind()) {
                case CONSTANT, VARIABLE -> {
                    continue;
                }
                case NEGATE -> {
                    load(method, args[0]);
                    code.visitInsn(DNEG);
                }
                case PLUS -> load(method, args[0]);
                case ADD -> binary(method, args, DADD);
                case SUBTRACT -> binary(method, args, DSUB);
                case MULTIPLY -> binary(method, args, DMUL);
                case DIVIDE, REMAINDER -> {
                    // exp4j: if (args[1] == 0d) throw new ArithmeticException("Division by zero!")
                    if (poisoned != null) {
                        load(method, args[1]);
                        code.visitInsn(DCONST_0);
                        code.visitInsn(DCMPL);
                        code.visitJumpInsn(IFEQ, poisoned);
                    }
                    binary(method, args, node.kind() == Kind.DIVIDE ? DDIV : DREM);
                }
                case CALL -> {
                    FunctionTable.Definition function = node.function();
                    if (function.canBeUndefined() && poisoned != null) {
                        loadAll(method, args);
                        code.visitMethodInsn(INVOKESTATIC, FUNCTIONS, function.name() + "Undefined",
                                descriptor(args.length, "Z"), false);
                        code.visitJumpInsn(IFNE, poisoned);
                    }
                    loadAll(method, args);
                    code.visitMethodInsn(INVOKESTATIC, FUNCTIONS, function.name(), descriptor(args.length, "D"),
                            false);
                }
            }
            valueLocal[i] = method.newLocal();
            code.visitVarInsn(DSTORE, valueLocal[i]);
            if (store && tapeIndex[i] >= 0) {
                code.visitVarInsn(ALOAD, method.ownTape);
                pushInt(code, tapeIndex[i]);
                code.visitVarInsn(DLOAD, valueLocal[i]);
                code.visitInsn(DASTORE);
            }
        }
    }

    /**
     * Reverse mode over nodes {@code to - 1} down to {@code from}: the root's adjoint is 1; each node passes adjoint
     * × partial derivative to its arguments. The gradient components are in the method's locals.
     */
    private void backward(Method method, int from, int to) {
        MethodVisitor code = method.code;
        if (to == nodes.size() && active(root) && isOperation(root)) {
            adjointLocal[root] = method.newLocal();
            code.visitInsn(DCONST_1);
            code.visitVarInsn(DSTORE, adjointLocal[root]);
        }
        for (int i = to - 1; i >= from; i--) {
            Node node = nodes.get(i);
            if (!node.active() || node.kind() == Kind.VARIABLE) {
                continue;
            }
            if (segmentOf != null && adjointTapeIndex[i] >= 0) {
                adjointLocal[i] = method.newLocal();
                code.visitVarInsn(ALOAD, method.ownTape);
                pushInt(code, adjointTapeIndex[i]);
                code.visitInsn(DALOAD);
                code.visitVarInsn(DSTORE, adjointLocal[i]);
            }
            int[] args = node.arguments();
            int adjoint = adjointLocal[i];
            switch (node.kind()) {
                case NEGATE -> {
                    code.visitVarInsn(DLOAD, adjoint);
                    code.visitInsn(DNEG);
                    accumulate(method, args[0]);
                }
                case PLUS -> {
                    code.visitVarInsn(DLOAD, adjoint);
                    accumulate(method, args[0]);
                }
                case ADD, SUBTRACT -> {
                    if (active(args[0])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        accumulate(method, args[0]);
                    }
                    if (active(args[1])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        if (node.kind() == Kind.SUBTRACT) {
                            code.visitInsn(DNEG);
                        }
                        accumulate(method, args[1]);
                    }
                }
                case MULTIPLY -> {
                    if (active(args[0])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        load(method, args[1]);
                        code.visitInsn(DMUL);
                        accumulate(method, args[0]);
                    }
                    if (active(args[1])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        load(method, args[0]);
                        code.visitInsn(DMUL);
                        accumulate(method, args[1]);
                    }
                }
                case DIVIDE -> {
                    if (active(args[0])) { // ∂a = 1/b
                        code.visitVarInsn(DLOAD, adjoint);
                        load(method, args[1]);
                        code.visitInsn(DDIV);
                        accumulate(method, args[0]);
                    }
                    if (active(args[1])) { // ∂b = −(a/b)/b
                        code.visitVarInsn(DLOAD, adjoint);
                        load(method, i);
                        code.visitInsn(DMUL);
                        code.visitInsn(DNEG);
                        load(method, args[1]);
                        code.visitInsn(DDIV);
                        accumulate(method, args[1]);
                    }
                }
                case REMAINDER -> {
                    if (active(args[0])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        accumulate(method, args[0]);
                    }
                    if (active(args[1])) {
                        code.visitVarInsn(DLOAD, adjoint);
                        loadAll(method, args);
                        load(method, i);
                        code.visitMethodInsn(INVOKESTATIC, COMPILER, "remainderPartialB", "(DDD)D", false);
                        code.visitInsn(DMUL);
                        accumulate(method, args[1]);
                    }
                }
                case CALL -> {
                    String name = node.function().name();
                    if (name.equals("pow") && nodes.get(args[1]).kind() == Kind.CONSTANT) {
                        constantExponent(method, node, adjoint);
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
                        loadAll(method, args);
                        load(method, i);
                        code.visitMethodInsn(INVOKESTATIC, FUNCTIONS, partials[j], descriptor(args.length + 1, "D"),
                                false);
                        code.visitInsn(DMUL);
                        accumulate(method, args[j]);
                    }
                }
                default -> throw new IllegalStateException("no derivative for " + node.kind());
            }
        }
    }

    /**
     * a^c with a constant c: the same A·(c·a^(c−1)) as {@code powPartialA}, with c − 1 folded here and Math.pow(a, 1)
     * written as a (the JDK specifies pow(a, 1) = a), so x^2 costs a multiplication instead of a call to pow.
     */
    private void constantExponent(Method method, Node node, int adjoint) {
        MethodVisitor code = method.code;
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
            load(method, base);
            if (c - 1 != 1) {
                code.visitLdcInsn(c - 1);
                code.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "pow", "(DD)D", false);
            }
            code.visitInsn(DMUL);
        }
        code.visitInsn(DMUL);
        accumulate(method, base);
    }

    private boolean active(int node) {
        return nodes.get(node).active();
    }

    private boolean isOperation(int node) {
        Kind kind = nodes.get(node).kind();
        return kind != Kind.CONSTANT && kind != Kind.VARIABLE;
    }

    /**
     * Adds the contribution on the stack to a variable's gradient, or makes it the adjoint of an operation node: a
     * local if the node is in this method, else its place in its segment's tape.
     */
    private void accumulate(Method method, int target) {
        MethodVisitor code = method.code;
        Node node = nodes.get(target);
        if (node.kind() == Kind.VARIABLE) {
            int slot = gradientLocal[node.variable()];
            code.visitVarInsn(DLOAD, slot);
            code.visitInsn(DADD);
            code.visitVarInsn(DSTORE, slot);
        } else if (segmentOf == null || segmentOf[target] == method.segment) {
            // In a tree every operation node has exactly one parent, so its adjoint is assigned once.
            adjointLocal[target] = method.newLocal();
            code.visitVarInsn(DSTORE, adjointLocal[target]);
        } else {
            int temporary = method.newLocal();
            code.visitVarInsn(DSTORE, temporary);
            loadTape(method, segmentOf[target]);
            pushInt(code, adjointTapeIndex[target]);
            code.visitVarInsn(DLOAD, temporary);
            code.visitInsn(DASTORE);
        }
    }

    private void binary(Method method, int[] args, int opcode) {
        load(method, args[0]);
        load(method, args[1]);
        method.code.visitInsn(opcode);
    }

    private void loadAll(Method method, int[] args) {
        for (int arg : args) {
            load(method, arg);
        }
    }

    /** Pushes node {@code index}'s value: a constant, a variable's local, the node's local, or its tape entry. */
    private void load(Method method, int index) {
        MethodVisitor code = method.code;
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
            case VARIABLE -> {
                if (node.variable() == method.differenced) {
                    code.visitVarInsn(DLOAD, method.differencedLocal);
                } else if (variableStamp[node.variable()] == stamp) {
                    code.visitVarInsn(DLOAD, variableLocal[node.variable()]);
                } else { // a top-level method returning a lone variable
                    code.visitVarInsn(ALOAD, method.x);
                    pushInt(code, node.variable());
                    code.visitInsn(DALOAD);
                }
            }
            default -> {
                if (givenLocal != null && givenLocal[index] >= 0) {
                    code.visitVarInsn(DLOAD, givenLocal[index]);
                } else if (segmentOf == null || method.allInLocals || segmentOf[index] == method.segment) {
                    code.visitVarInsn(DLOAD, valueLocal[index]);
                } else {
                    loadTape(method, segmentOf[index]);
                    pushInt(code, tapeIndex[index]);
                    code.visitInsn(DALOAD);
                }
            }
        }
    }

    /** Pushes segment s's tape. */
    private static void loadTape(Method method, int s) {
        if (s == method.segment) {
            method.code.visitVarInsn(ALOAD, method.ownTape);
        } else {
            method.code.visitVarInsn(ALOAD, method.tapes);
            pushInt(method.code, s);
            method.code.visitInsn(AALOAD);
        }
    }

    private static ClassWriter classWriter() {
        return classWriter(SELF, INTERFACE);
    }

    /** A class {@code self} implementing {@code implemented}, with its no-argument constructor written. */
    static ClassWriter classWriter(String self, String implemented) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(V17, ACC_FINAL | ACC_SUPER, self, null, "java/lang/Object", new String[] {implemented});
        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        return writer;
    }

    /** Pushes a non-negative int constant with the shortest instruction that holds it. */
    static void pushInt(MethodVisitor code, int value) {
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

    /** One method being generated: where its arguments are, and its next free local. */
    private final class Method {
        final MethodVisitor code;
        final int x;
        final int gradient;
        final int tapes;
        /** The segment whose nodes this method computes, or −1. */
        final int segment;
        int ownTape = -1;
        /** Whether every value this method reads is its own local (a term evaluated for a difference). */
        boolean allInLocals;
        /** The variable being differenced, read from {@link #differencedLocal} instead of its own local. */
        int differenced = -1;
        int differencedLocal;
        private int next;

        /** Code written into a method that another generator has begun ({@link #embed}). */
        Method(MethodVisitor code, int firstFree) {
            this.code = code;
            this.next = firstFree;
            this.x = -1;
            this.gradient = -1;
            this.tapes = -1;
            this.segment = -1;
            stamp++;
        }

        Method(MethodVisitor code, int firstFree, int x, int gradient, int tapes, int segment) {
            this.code = code;
            this.next = firstFree;
            this.x = x;
            this.gradient = gradient;
            this.tapes = tapes;
            this.segment = segment;
            stamp++;
            code.visitCode();
        }

        int newLocal() {
            int slot = next;
            next += 2;
            return slot;
        }

        void loadOwnTape() {
            ownTape = next++;
            code.visitVarInsn(ALOAD, tapes);
            pushInt(code, segment);
            code.visitInsn(AALOAD);
            code.visitVarInsn(ASTORE, ownTape);
        }

        void loadVariables(int[] variables) {
            for (int k : variables) {
                variableLocal[k] = newLocal();
                variableStamp[k] = stamp;
                code.visitVarInsn(ALOAD, x);
                pushInt(code, k);
                code.visitInsn(DALOAD);
                code.visitVarInsn(DSTORE, variableLocal[k]);
            }
        }

        void zeroGradients(int[] variables) {
            for (int k : variables) {
                gradientLocal[k] = newLocal();
                code.visitInsn(DCONST_0);
                code.visitVarInsn(DSTORE, gradientLocal[k]);
            }
        }

        void loadGradients(int[] variables) {
            for (int k : variables) {
                gradientLocal[k] = newLocal();
                code.visitVarInsn(ALOAD, gradient);
                pushInt(code, k);
                code.visitInsn(DALOAD);
                code.visitVarInsn(DSTORE, gradientLocal[k]);
            }
        }

        void storeGradients(int[] variables) {
            for (int k : variables) {
                code.visitVarInsn(ALOAD, gradient);
                pushInt(code, k);
                code.visitVarInsn(DLOAD, gradientLocal[k]);
                code.visitInsn(DASTORE);
            }
        }

        void end() {
            code.visitMaxs(0, 0);
            code.visitEnd();
        }
    }
}
