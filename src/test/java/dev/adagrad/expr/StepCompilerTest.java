package dev.adagrad.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the whole-step method looks like: Adam's t-only subexpressions are computed before the loop over the variables,
 * each once (β₁ᵗ and β₂ᵗ are the only two powers, and both come before the loop), and the loop calls no interface
 * and allocates nothing. That the results are the assignments' bit for bit is {@code RuleStepEquivalenceTest}'s.
 */
class StepCompilerTest {

    private static final List<String> ADAM_SLOTS = List.of("g", "x", "t", "lr", "beta1", "beta2", "eps", "m", "v");

    /** examples/optimizers/adam.opt, as RuleFile hands it over: the x line as its E. */
    private static StepCompiler.Program adam() {
        List<StepCompiler.Assignment> steps = List.of(
                new StepCompiler.Assignment(ExpressionSyntax.check("beta1 * m + (1 - beta1) * g"), 7, false),
                new StepCompiler.Assignment(ExpressionSyntax.check("beta2 * v + (1 - beta2) * g * g"), 8, false),
                new StepCompiler.Assignment(ExpressionSyntax.check(
                        "lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)"), 1, true));
        List<ParsedExpression> reports = List.of(ExpressionSyntax.check("lr / (sqrt(v) / sqrt(1 - beta2^t) + eps)"));
        return StepCompiler.generate(ADAM_SLOTS, 4, steps, reports);
    }

    @Test
    void adamsBiasCorrectionsAreComputedOncePerStepBeforeTheLoop() {
        StepCompiler.Program program = adam();
        // 1 − β₁, 1 − β₂, lr / (1 − β₁ᵗ) and √(1 − β₂ᵗ), the last in the step and in the report alike
        assertEquals(4, program.hoisted());
        Shape shape = shape(program.classFile());
        assertEquals(2, shape.powersBeforeLoop, "β₁ᵗ and β₂ᵗ");
        assertEquals(0, shape.powersInLoop);
        assertTrue(shape.loopFound);
        assertEquals(0, shape.interfaceCallsInLoop);
        assertEquals(0, shape.allocationsInLoop);
        assertTrue(ClassFileSizes.largestMethod(program.classFile()) <= BytecodeCompiler.HUGE_METHOD_LIMIT);
    }

    /** AdaGrad's rate lr / (√G + ε), in the step and in the report, is computed once per variable: one root. */
    @Test
    void aRateInTheStepAndTheReportIsComputedOncePerVariable() {
        List<StepCompiler.Assignment> steps = List.of(
                new StepCompiler.Assignment(ExpressionSyntax.check("G + g^2"), 5, false),
                new StepCompiler.Assignment(ExpressionSyntax.check("lr / (sqrt(G) + eps) * g"), 1, true));
        StepCompiler.Program program = StepCompiler.generate(List.of("g", "x", "t", "lr", "eps", "G"), 2, steps,
                List.of(ExpressionSyntax.check("lr / (sqrt(G) + eps)")));
        assertEquals(1, program.shared());
        assertEquals(1, shape(program.classFile()).rootsInLoop);
        // Not across an assignment of what it reads: G = G + g^2 comes between the two roots of G here.
        StepCompiler.Program apart = StepCompiler.generate(List.of("g", "x", "t", "lr", "eps", "G"), 2, List.of(
                new StepCompiler.Assignment(ExpressionSyntax.check("lr / (sqrt(G) + eps) * g"), 1, true),
                new StepCompiler.Assignment(ExpressionSyntax.check("G + g^2"), 5, false)),
                List.of(ExpressionSyntax.check("lr / (sqrt(G) + eps)")));
        assertEquals(0, apart.shared());
        assertEquals(2, shape(apart.classFile()).rootsInLoop);
        assertEquals(1, adam().shared(), "√v/√(1 − β₂ᵗ) + ε");
        assertEquals(1, shape(adam().classFile()).rootsInLoop);
    }

    @Test
    void aStepOverTheLimitIsNotCompiledWhole() {
        String sum = String.join(" + ", java.util.Collections.nCopies(1200, "sin(g)"));
        List<StepCompiler.Assignment> steps = List.of(new StepCompiler.Assignment(ExpressionSyntax.check(sum), 1,
                true));
        assertNull(StepCompiler.generate(List.of("g", "x", "t"), 0, steps, List.of()));
        String few = String.join(" + ", java.util.Collections.nCopies(100, "sin(g)"));
        assertTrue(StepCompiler.generate(List.of("g", "x", "t"), 0, List.of(new StepCompiler.Assignment(
                ExpressionSyntax.check(few), 1, true)), List.of()) != null);
    }

    /** Where the step method's powers, interface calls and allocations are: before the loop's head or after it. */
    private static final class Shape {
        int powersBeforeLoop;
        int powersInLoop;
        int interfaceCallsInLoop;
        int allocationsInLoop;
        int rootsInLoop;
        boolean loopFound;
    }

    /**
     * Reads the step method twice: first to find the loop's head (the one label a jump goes back to), then to count
     * what comes before and after it.
     */
    private static Shape shape(byte[] classFile) {
        List<Label> seen = new ArrayList<>();
        Label[] head = new Label[1];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!name.equals("step")) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitLabel(Label label) {
                        seen.add(label);
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                        if (seen.contains(label)) {
                            assertTrue(head[0] == null || head[0] == label, "one loop");
                            head[0] = label;
                        }
                    }
                };
            }
        }, 0);
        int headIndex = seen.indexOf(head[0]);
        Shape shape = new Shape();
        shape.loopFound = head[0] != null;
        List<Label> again = new ArrayList<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if (!name.equals("step")) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    boolean inLoop() {
                        return again.size() > headIndex;
                    }

                    @Override
                    public void visitLabel(Label label) {
                        again.add(label);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
                                                boolean isInterface) {
                        if (name.equals("pow")) {
                            if (inLoop()) {
                                shape.powersInLoop++;
                            } else {
                                shape.powersBeforeLoop++;
                            }
                        }
                        if (name.equals("sqrt") && inLoop()) {
                            shape.rootsInLoop++;
                        }
                        if (opcode == Opcodes.INVOKEINTERFACE && inLoop()) {
                            shape.interfaceCallsInLoop++;
                        }
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if ((opcode == Opcodes.NEW || opcode == Opcodes.ANEWARRAY) && inLoop()) {
                            shape.allocationsInLoop++;
                        }
                    }

                    @Override
                    public void visitIntInsn(int opcode, int operand) {
                        if (opcode == Opcodes.NEWARRAY && inLoop()) {
                            shape.allocationsInLoop++;
                        }
                    }
                };
            }
        }, 0);
        return shape;
    }
}
