package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.optim.NarrationEquivalenceTest.Line;
import dev.adagrad.optim.NarrationEquivalenceTest.Recorder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What optimizers narrate, line by line, against arithmetic done by hand from PyTorch's documented algorithms. The
 * gradients are given exactly (8 at x = 4, as for f = x²), so the numbers are the formulas' and nothing else.
 */
class NarrationByHandTest {

    private static final double RELATIVE = 1e-12;

    /** Adam, lr 0.1, step 1 with g = 8: m = 0.1·g = 0.8, v = 0.001·g² = 0.064, m̂ = g = 8, v̂ = g² = 64. */
    @Test
    void adamStepOne() {
        Optimizer adam = Adam.ADAM.create(1, Compat.torch, Map.of("lr", 0.1));
        Recorder recorder = new Recorder();
        double[] x = {4};
        adam.step(1, x, new double[] {8}, new double[1], recorder);

        List<Line> lines = recorder.lines;
        assertEquals(List.of("mₜ", "vₜ", "m̂ₜ", "v̂ₜ", "θₜ"), lines.stream().map(Line::symbol).toList());
        expect(lines.get(0), "β₁·mₜ₋₁ + (1 − β₁)·gₜ", 0.8, 0.9, 0, 0.9, 8);
        expect(lines.get(1), "β₂·vₜ₋₁ + (1 − β₂)·gₜ²", 0.064, 0.999, 0, 0.999, 8);
        expect(lines.get(2), "mₜ / (1 − β₁ᵗ)", 8, 0.8, 0.9, 1);
        expect(lines.get(3), "vₜ / (1 − β₂ᵗ)", 64, 0.064, 0.999, 1);
        // x₁ = 4 − 0.1·8 / (√64 + 1e-8) = 4 − 0.8/8.00000001 = 4 − 0.1·(1 − 1.25e-9) = 3.9 + 1.25e-10 (to 1e-18)
        expect(lines.get(4), "θₜ₋₁ − γ·m̂ₜ / (√v̂ₜ + ε)", 3.9 + 1.25e-10, 4, 0.1, 8, 64, 1e-8);
    }

    /**
     * SGD with momentum 0.9, lr 0.1. Step 1, g = 8: b₁ = g = 8, x₁ = 4 − 0.1·8 = 3.2. Step 2, g = 2·3.2 = 6.4:
     * b₂ = 0.9·8 + (1 − 0)·6.4 = 13.6, x₂ = 3.2 − 0.1·13.6 = 1.84.
     */
    @Test
    void momentumStepTwo() {
        Optimizer momentum = Sgd.MOMENTUM.create(1, Compat.torch, Map.of("lr", 0.1));
        double[] x = {4};
        Recorder first = new Recorder();
        momentum.step(1, x, new double[] {8}, new double[1], first);
        expect(first.lines.get(0), "gₜ", 8, 8);
        Recorder second = new Recorder();
        momentum.step(2, x, new double[] {6.4}, new double[1], second);

        List<Line> lines = second.lines;
        assertEquals(List.of("bₜ", "gₜ", "θₜ"), lines.stream().map(Line::symbol).toList());
        expect(lines.get(0), "μ·bₜ₋₁ + (1 − τ)·gₜ", 13.6, 0.9, 8, 0, 6.4);
        expect(lines.get(1), "bₜ", 13.6, 13.6);
        expect(lines.get(2), "θₜ₋₁ − γ·gₜ", 1.84, 3.2, 0.1, 13.6);
    }

    /** RMSprop, defaults (lr 0.01, α 0.99, ε 1e-8), g = 8: v = 0.01·64 = 0.64, x = 4 − 0.01·8/(0.8 + 1e-8). */
    @Test
    void rmspropStepOne() {
        Optimizer rmsprop = RmsProp.SPEC.create(1, Compat.torch, Map.of());
        Recorder recorder = new Recorder();
        rmsprop.step(1, new double[] {4}, new double[] {8}, new double[1], recorder);

        List<Line> lines = recorder.lines;
        assertEquals(List.of("vₜ", "θₜ"), lines.stream().map(Line::symbol).toList());
        expect(lines.get(0), "α·vₜ₋₁ + (1 − α)·gₜ²", 0.64, 0.99, 0, 0.99, 8);
        // 0.08 / 0.80000001 = 0.1·(1 − 1.25e-8) = 0.1 − 1.25e-9 (to 1e-17), so x₁ = 3.9 + 1.25e-9
        expect(lines.get(1), "θₜ₋₁ − γ·gₜ / (√vₜ + ε)", 3.9 + 1.25e-9, 4, 0.01, 8, 0.64, 1e-8);
    }

    /**
     * AdaGrad with L2 weight decay 0.5 and lr_decay 1, step 2 after a first gradient of 8 at x = 4 (G₁ = (8 + 2)² =
     * 100, x₁ = 4 − 1·10/10 = 3): γ̃ = 1/(1 + 1·1) = 0.5, g = 6 + 0.5·3 = 7.5, G = 100 + 56.25 = 156.25,
     * η̂ = 0.5/12.5 = 0.04, x = 3 − 0.04·7.5 = 2.7.
     */
    @Test
    void adagradWithDecayAndWeightDecay() {
        Optimizer adagrad = Adagrad.SPEC.create(1, Compat.torch, Map.of("lr", 1.0, "lr_decay", 1.0,
                "weight_decay", 0.5, "eps", 0.0));
        double[] x = {4};
        adagrad.step(1, x, new double[] {8}, new double[1]);
        assertEquals(3, x[0], 1e-15);
        Recorder recorder = new Recorder();
        adagrad.step(2, x, new double[] {6}, new double[1], recorder);

        List<Line> lines = recorder.lines;
        assertEquals(List.of("γ̃", "gₜ", "Gₜ", "η̂", "θₜ"), lines.stream().map(Line::symbol).toList());
        assertEquals(Narrator.WHOLE_STEP, lines.get(0).variable());
        expect(lines.get(0), "γ / (1 + (t − 1)·η)", 0.5, 1, 1, 1);
        expect(lines.get(1), "gₜ + λ·θₜ₋₁", 7.5, 6, 0.5, 3);
        expect(lines.get(2), "Gₜ₋₁ + gₜ²", 156.25, 100, 7.5);
        expect(lines.get(3), "γ̃ / (√Gₜ + ε)", 0.04, 0.5, 156.25, 0);
        expect(lines.get(4), "θₜ₋₁ − η̂·gₜ", 2.7, 3, 0.04, 7.5);
    }

    private static void expect(Line line, String formula, double value, double... arguments) {
        assertEquals(formula, line.formula(), line.symbol());
        assertEquals(value, line.value(), RELATIVE * Math.max(1, Math.abs(value)), line.symbol() + " ← " + formula);
        assertArrayEquals(arguments, line.arguments(), RELATIVE * 10, line.symbol() + " ← " + formula);
    }
}
