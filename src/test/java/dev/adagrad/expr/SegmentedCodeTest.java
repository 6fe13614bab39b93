package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Large expressions are cut into methods HotSpot will JIT-compile (at most 8,000 bytes of bytecode each), and the cut
 * changes no bit: the segmented code against the one-method code on the whole evaluation corpus, cut as finely as it
 * goes; and at n = 1,000, a quadratic and a Rosenbrock chain against exp4j (value, bit for bit) and against their
 * gradients worked out by hand.
 */
class SegmentedCodeTest {

    static List<String> corpus() {
        return CompiledEvaluationTest.CORPUS;
    }

    /**
     * Every corpus expression cut into segments of a node or two (or of a term, aligned), against the same expression
     * in one method. Aligned, the backward segments of a sum of terms need nothing from the forward ones, and run
     * interleaved with them.
     */
    @ParameterizedTest
    @MethodSource("corpus")
    void cuttingChangesNoBit(String text) {
        for (boolean aligned : new boolean[] {false, true}) {
            cuttingChangesNoBit(text, aligned);
        }
    }

    private static void cuttingChangesNoBit(String text, boolean aligned) {
        ParsedExpression parsed = ExpressionSyntax.check(text);
        List<String> variables = variablesOf(parsed);
        ExpressionTree tree = ExpressionTree.parse(parsed, variables);
        BytecodeCompiler.Program whole = BytecodeCompiler.compile(tree);
        assertNull(whole.tapeLengths(), "small expressions are one method");
        CompiledObjective one = CompiledObjective.of(parsed, variables, whole);
        CompiledObjective cut = CompiledObjective.of(parsed, variables,
                BytecodeCompiler.compileSegmented(tree, 1, aligned, true));
        double[] expectedGradient = new double[variables.size()];
        double[] gradient = new double[variables.size()];
        for (double x : CompiledEvaluationTest.XS) {
            for (double y : CompiledEvaluationTest.YS) {
                double[] point = variables.size() == 2 ? new double[] {x, y}
                        : variables.size() == 1 ? new double[] {x} : new double[0];
                String where = text + " at " + Arrays.toString(point);
                assertBits(one.value(point), cut.value(point), where);
                double expected = one.valueAndGradient(point, expectedGradient);
                Arrays.fill(gradient, 42);
                assertBits(expected, cut.valueAndGradient(point, gradient), where);
                for (int i = 0; i < gradient.length; i++) {
                    assertBits(expectedGradient[i], gradient[i], where + ", component " + i);
                }
            }
        }
    }

    /** The test above runs both layouts: most sums cut at their terms interleave, and cut anywhere some do not. */
    @Test
    void theCorpusRunsBothLayouts() {
        int aligned = 0;
        int anywhere = 0;
        for (String text : corpus()) {
            ParsedExpression parsed = ExpressionSyntax.check(text);
            ExpressionTree tree = ExpressionTree.parse(parsed, variablesOf(parsed));
            aligned += BytecodeCompiler.compileSegmented(tree, 1, true, true).interleaved() ? 1 : 0;
            anywhere += BytecodeCompiler.compileSegmented(tree, 1, false, true).interleaved() ? 1 : 0;
        }
        assertTrue(aligned > corpus().size() / 2, aligned + " of " + corpus().size());
        assertTrue(anywhere < aligned, anywhere + " of " + corpus().size());
    }

    @Test
    void manySegmentsAreCalledThroughGroupMethods() {
        String text = rosenbrockChain(60);
        ParsedExpression parsed = ExpressionSyntax.check(text);
        List<String> variables = variablesOf(parsed);
        ExpressionTree tree = ExpressionTree.parse(parsed, variables);
        for (boolean aligned : new boolean[] {false, true}) {
            BytecodeCompiler.Program program = BytecodeCompiler.compileSegmented(tree, 1, aligned, true);
            // Cut inside its terms, (x₂ − x₁²)² needs x₂ − x₁² from the tape the forward pass writes; cut at them, not.
            assertEquals(aligned, program.interleaved());
            assertTrue(program.tapeLengths().length > (aligned ? 1 : 2) * BytecodeCompiler.CALLS_PER_METHOD,
                    program.tapeLengths().length + " segments");
            Map<String, Integer> sizes = ClassFileSizes.codeLengths(program.classFile());
            assertTrue(sizes.keySet().stream().anyMatch(name -> name.startsWith(aligned ? "ig0_" : "bg0_")),
                    sizes.keySet().toString());
            CompiledObjective cut = CompiledObjective.of(parsed, variables, program);
            CompiledObjective one = CompiledObjective.compile(parsed, variables);
            double[] x = startOfChain(60);
            double[] expected = new double[60];
            double[] gradient = new double[60];
            assertBits(one.valueAndGradient(x, expected), cut.valueAndGradient(x, gradient), text);
            assertEquals(Arrays.toString(expected), Arrays.toString(gradient));
            assertBits(one.value(x), cut.value(x), text);
        }
    }

    @Test
    void theSizeReaderReadsWhatWasWritten() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Sized", null, "java/lang/Object", null);
        writer.visitField(Opcodes.ACC_STATIC, "d", "D", null, 2.5).visitEnd();
        for (int size : new int[] {5, 100, 8001}) { // ldc2_w (3 bytes), pop2 and return (1 each), NOPs between
            MethodVisitor method = writer.visitMethod(Opcodes.ACC_STATIC, "m" + size, "()V", null, null);
            method.visitCode();
            method.visitLdcInsn(1.5 * size); // a double in the constant pool takes two entries
            method.visitInsn(Opcodes.POP2);
            for (int i = 0; i < size - 5; i++) {
                method.visitInsn(Opcodes.NOP);
            }
            method.visitInsn(Opcodes.RETURN);
            method.visitMaxs(0, 0);
            method.visitEnd();
        }
        writer.visitEnd();
        byte[] classFile = writer.toByteArray();
        Map<String, Integer> sizes = ClassFileSizes.codeLengths(classFile);
        assertEquals(Map.of("m5()V", 5, "m100()V", 100, "m8001()V", 8001), sizes);
        assertFalse(ClassFileSizes.withinLimit(classFile, 8000));
        assertTrue(ClassFileSizes.withinLimit(classFile, 8001));
        // a class file no longer than the limit cannot hold a longer method, so it is not read at all: these bytes,
        // two constant-pool entries of which the first has no such tag (99), throw when they are read
        byte[] unreadable = new byte[100];
        unreadable[9] = 2;
        unreadable[10] = 99;
        assertThrows(RuntimeException.class, () -> ClassFileSizes.codeLengths(unreadable));
        assertTrue(ClassFileSizes.withinLimit(unreadable, 100));
    }

    @ParameterizedTest
    @MethodSource("thousandVariableProblems")
    void aThousandVariablesCompileIntoMethodsTheJitTakes(Problem problem) {
        ParsedExpression parsed = ExpressionSyntax.checkTyped(problem.text());
        List<String> variables = variablesOf(parsed);
        assertEquals(1000, variables.size());
        ExpressionTree tree = ExpressionTree.parse(parsed, variables);

        BytecodeCompiler.Program program = BytecodeCompiler.compile(tree);
        assertNotNull(program.tapeLengths());
        assertTrue(program.interleaved(), "a sum of small terms runs its backward segments between the forward ones");
        Map<String, Integer> sizes = ClassFileSizes.codeLengths(program.classFile());
        // The value's segments together would be one method far above the limit, and each is under it.
        int valueBytes = sizes.entrySet().stream().filter(entry -> entry.getKey().matches("v\\d+\\(.*"))
                .mapToInt(Map.Entry::getValue).sum();
        assertTrue(valueBytes > 3 * BytecodeCompiler.HUGE_METHOD_LIMIT, valueBytes + " bytes");
        assertTrue(sizes.size() > 10, sizes.toString());
        sizes.forEach((method, size) -> assertTrue(size <= BytecodeCompiler.HUGE_METHOD_LIMIT, method + ": " + size));

        CompiledObjective compiled = CompiledObjective.compile(parsed, variables);
        ExpressionObjective exp4j = ExpressionObjective.compile(parsed, variables);
        double[] gradient = new double[1000];
        double[] byHand = new double[1000];
        for (double[] x : List.of(problem.start(), wave(1000))) {
            assertBits(exp4j.value(x), compiled.value(x), problem.name());
            assertBits(exp4j.value(x), compiled.valueAndGradient(x, gradient), problem.name());
            problem.gradient().accept(x, byHand);
            for (int i = 0; i < 1000; i++) {
                assertEquals(byHand[i], gradient[i], 1e-13 * Math.max(1, Math.abs(byHand[i])),
                        problem.name() + ", component " + i);
            }
        }
        double[] central = new double[1000];
        CentralDifference.scaled().gradient(compiled, problem.start(), central);
        compiled.valueAndGradient(problem.start(), gradient);
        for (int i = 0; i < 1000; i++) {
            assertEquals(gradient[i], central[i], 1e-7 * Math.max(1, Math.abs(gradient[i])), "component " + i);
        }
        // Interleaved against segments cut inside terms, which run one after the other: the same bits.
        BytecodeCompiler.Program cutInside = BytecodeCompiler.compileSegmented(tree, 100, false, false);
        assertFalse(cutInside.interleaved());
        CompiledObjective sequential = CompiledObjective.of(parsed, variables, cutInside);
        double[] sequentialGradient = new double[1000];
        for (double[] point : List.of(problem.start(), wave(1000))) {
            assertBits(sequential.valueAndGradient(point, sequentialGradient),
                    compiled.valueAndGradient(point, gradient), problem.name());
            assertEquals(Arrays.toString(sequentialGradient), Arrays.toString(gradient), problem.name());
        }
        CompiledObjective copy = compiled.copy();
        assertNotSame(compiled, copy, "segments keep tapes: each thread needs its own copy");
        assertBits(compiled.value(wave(1000)), copy.value(wave(1000)), problem.name());
    }

    @Test
    void anExpressionAtTheLengthLimitCompiles() {
        StringBuilder text = new StringBuilder("x0");
        for (int i = 1; text.length() < ExpressionSyntax.MAX_LENGTH - 20; i++) {
            text.append("+x").append(i % 10_000);
        }
        ParsedExpression parsed = ExpressionSyntax.checkTyped(text.toString());
        CompiledObjective compiled = CompiledObjective.compile(parsed, variablesOf(parsed));
        double[] x = new double[compiled.dimension()];
        Arrays.fill(x, 0.5);
        int terms = text.toString().split("\\+").length;
        assertEquals(terms * 0.5, compiled.value(x));
        double[] gradient = new double[x.length];
        compiled.valueAndGradient(x, gradient);
        assertEquals(Math.ceil(terms / 10_000.0), gradient[0]);
    }

    /** A problem of n = 1,000 with its gradient worked out by hand. */
    record Problem(String name, String text, double[] start, BiConsumer<double[], double[]> gradient) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Problem> thousandVariableProblems() {
        return List.of(
                new Problem("quadratic", quadratic(1000), wave(1000), SegmentedCodeTest::quadraticGradient),
                new Problem("Rosenbrock chain", rosenbrockChain(1000), startOfChain(1000),
                        SegmentedCodeTest::rosenbrockChainGradient));
    }

    /** Σ i·xᵢ² + Σ xᵢxᵢ₊₁ over x1 … xn (the benchmarks' quadratic). */
    static String quadratic(int n) {
        StringBuilder text = new StringBuilder("x1^2");
        for (int i = 2; i <= n; i++) {
            text.append('+').append(i).append("*x").append(i).append("^2");
        }
        for (int i = 1; i < n; i++) {
            text.append("+x").append(i).append("*x").append(i + 1);
        }
        return text.toString();
    }

    static void quadraticGradient(double[] x, double[] gradient) {
        int n = x.length;
        for (int i = 0; i < n; i++) {
            gradient[i] = 2 * (i + 1) * x[i] + (i > 0 ? x[i - 1] : 0) + (i < n - 1 ? x[i + 1] : 0);
        }
    }

    /** Σ (1 − xᵢ)² + 100(xᵢ₊₁ − xᵢ²)² over i = 1 … n−1. */
    static String rosenbrockChain(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < n; i++) {
            text.append(i > 1 ? "+" : "").append("(1-x").append(i).append(")^2+100*(x").append(i + 1)
                    .append("-x").append(i).append("^2)^2");
        }
        return text.toString();
    }

    static void rosenbrockChainGradient(double[] x, double[] gradient) {
        Arrays.fill(gradient, 0);
        for (int i = 0; i < x.length - 1; i++) {
            double b = x[i + 1] - x[i] * x[i];
            gradient[i] += -2 * (1 - x[i]) - 400 * x[i] * b;
            gradient[i + 1] += 200 * b;
        }
    }

    static double[] startOfChain(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return x;
    }

    static double[] wave(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i + 1) * (1 + i % 7);
        }
        return x;
    }

    private static List<String> variablesOf(ParsedExpression parsed) {
        return new ArrayList<>(parsed.identifiers().stream()
                .filter(identifier -> !FunctionTable.CONSTANTS.contains(identifier)).toList());
    }

    private static void assertBits(double expected, double actual, String where) {
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> where + ": expected " + expected + ", got " + actual);
    }
}
