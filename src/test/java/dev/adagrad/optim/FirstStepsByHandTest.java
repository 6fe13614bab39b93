package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The first two or three steps of every optimizer, worked out by hand from PyTorch's documented algorithm
 * ({@code torch.optim.SGD, RMSprop, Adadelta, Adam, AdamW, Adamax, NAdam, RAdam}) and the command-line contract,
 * then checked against {@code adagrad run --format csv}; plus the header each optimizer writes and the misuse of
 * its options.
 *
 * <p>Mostly f = x² from x₀ = 4, so g₁ = 8 and gₜ = 2·xₜ₋₁. Each expectation is a number worked from the formula
 * (written as the formula's terms where the number is not round), never a value read from the program; the comment
 * above each group of assertions shows the arithmetic. Central differences are exact on x² up to rounding
 * (~1e-10 relative), so values are compared to {@value #RELATIVE} relative.
 */
class FirstStepsByHandTest {

    private static final double RELATIVE = 1e-9;

    // ---------------------------------------------------------------------------------------------------------------
    // Running and comparing
    // ---------------------------------------------------------------------------------------------------------------

    /** A run's CSV and the command line that made it, for messages. */
    private record Run(CsvTable table, String label) {

        void expect(int step, String column, double expected) {
            double actual = table.number(step, column);
            double tolerance = expected == 0 ? 1e-12 : RELATIVE * Math.abs(expected);
            assertEquals(expected, actual, tolerance, column + " at step " + step + " of: " + label);
        }

        List<String> header() {
            return table.header();
        }
    }

    private static Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--format", "csv"));
        all.addAll(List.of(args));
        Cli.Result result = Cli.run(all.toArray(String[]::new));
        String label = String.join(" ", args);
        assertEquals(0, result.exitCode(), label + "\n" + result.err());
        return new Run(new CsvTable(result.out()), label);
    }

    /** f = x² from 4 with the given optimizer options. */
    private static Run square(int steps, String... options) {
        List<String> all = new ArrayList<>(List.of("--f", "x^2", "--x0", "4", "--steps", Integer.toString(steps)));
        all.addAll(List.of(options));
        return run(all.toArray(String[]::new));
    }

    private static String[] with(String[] variant, String... more) {
        String[] all = Arrays.copyOf(variant, variant.length + more.length);
        System.arraycopy(more, 0, all, variant.length, more.length);
        return all;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // SGD: gₜ (+ λθ); with μ ≠ 0: b₁ = g₁, bₜ = μbₜ₋₁ + (1−τ)gₜ; nesterov: gₜ + μbₜ, else bₜ; θₜ = θₜ₋₁ − γ·that
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void sgd() {
        Run run = square(2, "--optimizer", "sgd", "--lr", "0.1");

        // x1 = 4 − 0.1·8 = 3.2; f1 = 3.2² = 10.24; update 0.8
        run.expect(1, "grad_x", 8);
        run.expect(1, "x", 3.2);
        run.expect(1, "f", 10.24);
        run.expect(1, "update_x", 0.8);
        // g2 = 6.4; x2 = 3.2 − 0.1·6.4 = 2.56; f2 = 6.5536
        run.expect(2, "grad_x", 6.4);
        run.expect(2, "x", 2.56);
        run.expect(2, "f", 6.5536);
        run.expect(2, "update_x", 0.64);
    }

    @Test
    void sgdDefaultLearningRate() {
        Run run = square(1, "--optimizer", "sgd");

        // lr 1e-3: x1 = 4 − 0.001·8 = 3.992
        run.expect(1, "x", 3.992);
    }

    @Test
    void sgdWeightDecayIsL2OnTheGradientButTheReportedGradientIsFs() {
        Run run = square(2, "--optimizer", "sgd", "--lr", "0.1", "--weight-decay", "0.5");

        // g = 8 + 0.5·4 = 10: x1 = 4 − 0.1·10 = 3; grad_x is ∇f = 8
        run.expect(1, "grad_x", 8);
        run.expect(1, "x", 3);
        // g = 6 + 0.5·3 = 7.5: x2 = 3 − 0.75 = 2.25
        run.expect(2, "grad_x", 6);
        run.expect(2, "x", 2.25);
    }

    @Test
    void sgdDampeningIsNotAppliedToTheFirstBuffer() {
        Run run = square(2, "--optimizer", "sgd", "--lr", "0.1", "--momentum", "0.5", "--dampening", "0.5");

        // t = 1: b1 = g1 = 8 (PyTorch: no dampening on the first step); x1 = 4 − 0.1·8 = 3.2
        run.expect(1, "buf_x", 8);
        run.expect(1, "x", 3.2);
        // t = 2: g2 = 6.4; b2 = 0.5·8 + (1 − 0.5)·6.4 = 4 + 3.2 = 7.2; x2 = 3.2 − 0.72 = 2.48
        run.expect(2, "buf_x", 7.2);
        run.expect(2, "x", 2.48);
        run.expect(2, "update_x", 0.72);
    }

    static Stream<Arguments> momentumSpellings() {
        return Stream.of(
                Arguments.of((Object) new String[] {"--optimizer", "momentum"}),
                Arguments.of((Object) new String[] {"--optimizer", "sgd", "--momentum", "0.9"}));
    }

    @ParameterizedTest
    @MethodSource("momentumSpellings")
    void momentum(String[] optimizer) {
        Run run = square(3, with(optimizer, "--lr", "0.1"));

        // b1 = g1 = 8; x1 = 4 − 0.1·8 = 3.2
        run.expect(1, "buf_x", 8);
        run.expect(1, "x", 3.2);
        // g2 = 6.4; b2 = 0.9·8 + 6.4 = 7.2 + 6.4 = 13.6; x2 = 3.2 − 1.36 = 1.84
        run.expect(2, "grad_x", 6.4);
        run.expect(2, "buf_x", 13.6);
        run.expect(2, "x", 1.84);
        run.expect(2, "update_x", 1.36);
        // g3 = 3.68; b3 = 0.9·13.6 + 3.68 = 12.24 + 3.68 = 15.92; x3 = 1.84 − 1.592 = 0.248
        run.expect(3, "grad_x", 3.68);
        run.expect(3, "buf_x", 15.92);
        run.expect(3, "x", 0.248);
    }

    @Test
    void momentumDefaults() {
        Run run = square(2, "--optimizer", "momentum");

        // lr 1e-3, μ 0.9: b1 = 8, x1 = 4 − 0.008 = 3.992; g2 = 7.984, b2 = 7.2 + 7.984 = 15.184,
        // x2 = 3.992 − 0.015184 = 3.976816
        run.expect(1, "x", 3.992);
        run.expect(2, "buf_x", 15.184);
        run.expect(2, "x", 3.976816);
    }

    static Stream<Arguments> nesterovSpellings() {
        return Stream.of(
                Arguments.of((Object) new String[] {"--optimizer", "nesterov"}),
                Arguments.of((Object) new String[] {"--optimizer", "nesterov", "--nesterov"}),
                Arguments.of((Object) new String[] {"--optimizer", "sgd", "--momentum", "0.9", "--nesterov"}));
    }

    @ParameterizedTest
    @MethodSource("nesterovSpellings")
    void nesterov(String[] optimizer) {
        Run run = square(2, with(optimizer, "--lr", "0.1"));

        // b1 = g1 = 8; step direction g1 + 0.9·b1 = 8 + 7.2 = 15.2; x1 = 4 − 1.52 = 2.48
        run.expect(1, "buf_x", 8);
        run.expect(1, "update_x", 1.52);
        run.expect(1, "x", 2.48);
        // g2 = 4.96; b2 = 0.9·8 + 4.96 = 12.16; direction 4.96 + 0.9·12.16 = 4.96 + 10.944 = 15.904;
        // x2 = 2.48 − 1.5904 = 0.8896
        run.expect(2, "grad_x", 4.96);
        run.expect(2, "buf_x", 12.16);
        run.expect(2, "update_x", 1.5904);
        run.expect(2, "x", 0.8896);
    }

    @Test
    void nesterovDefaults() {
        Run run = square(1, "--optimizer", "nesterov");

        // lr 1e-3, μ 0.9: x1 = 4 − 0.001·(8 + 0.9·8) = 4 − 0.0152 = 3.9848
        run.expect(1, "x", 3.9848);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RMSprop: vₜ = αvₜ₋₁ + (1−α)gₜ²; ṽ = vₜ (centered: − (gᵃᵛᵉₜ)², gᵃᵛᵉₜ = αgᵃᵛᵉₜ₋₁ + (1−α)gₜ);
    // μ > 0: bₜ = μbₜ₋₁ + gₜ/(√ṽ + ε), θₜ = θₜ₋₁ − γbₜ; else θₜ = θₜ₋₁ − γgₜ/(√ṽ + ε)
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void rmspropWithItsDefaults() {
        Run run = square(2, "--optimizer", "rmsprop");

        // lr 0.01, α 0.99, ε 1e-8: v1 = 0.01·64 = 0.64; √v1 = 0.8; lr_x = 0.01/(0.8 + 1e-8) ≈ 0.0125;
        // x1 = 4 − 0.01·8/(0.8 + 1e-8) ≈ 3.9000000001
        double x1 = 4 - 0.01 * 8 / (0.8 + 1e-8);
        run.expect(1, "sq_x", 0.64);
        run.expect(1, "lr_x", 0.01 / (0.8 + 1e-8));
        run.expect(1, "x", x1);
        // g2 = 2·x1 ≈ 7.8; v2 = 0.99·0.64 + 0.01·7.8² = 0.6336 + 0.6084 = 1.242;
        // x2 = x1 − 0.01·7.8/(√1.242 + 1e-8) ≈ 3.9 − 0.069990 ≈ 3.830010
        double g2 = 2 * x1;
        double v2 = 0.99 * 0.64 + 0.01 * g2 * g2;
        run.expect(2, "grad_x", g2);
        run.expect(2, "sq_x", v2);
        run.expect(2, "lr_x", 0.01 / (Math.sqrt(v2) + 1e-8));
        run.expect(2, "x", x1 - 0.01 * g2 / (Math.sqrt(v2) + 1e-8));
    }

    @Test
    void rmspropCentered() {
        Run run = square(2, "--optimizer", "rmsprop", "--centered", "--alpha", "0.5", "--lr", "0.5");

        // v1 = 0.5·64 = 32; gavg1 = 0.5·8 = 4; ṽ = 32 − 4² = 16; x1 = 4 − 0.5·8/(4 + 1e-8) ≈ 3
        double x1 = 4 - 0.5 * 8 / (4 + 1e-8);
        run.expect(1, "sq_x", 32);
        run.expect(1, "grad_avg_x", 4);
        run.expect(1, "lr_x", 0.5 / (4 + 1e-8));
        run.expect(1, "x", x1);
        // g2 = 2·x1 ≈ 6; v2 = 0.5·32 + 0.5·36 = 34; gavg2 = 0.5·4 + 0.5·6 = 5; ṽ = 34 − 25 = 9;
        // x2 = 3 − 0.5·6/(3 + 1e-8) ≈ 2
        double g2 = 2 * x1;
        double v2 = 0.5 * 32 + 0.5 * g2 * g2;
        double avg2 = 0.5 * 4 + 0.5 * g2;
        double root2 = Math.sqrt(v2 - avg2 * avg2);
        run.expect(2, "sq_x", v2);
        run.expect(2, "grad_avg_x", avg2);
        run.expect(2, "lr_x", 0.5 / (root2 + 1e-8));
        run.expect(2, "x", x1 - 0.5 * g2 / (root2 + 1e-8));
        assertEquals(2, run.table().number(2, "x"), 1e-6, "≈ 2");
    }

    @Test
    void rmspropWithMomentum() {
        Run run = square(2, "--optimizer", "rmsprop", "--momentum", "0.5", "--alpha", "0.75", "--lr", "0.5");

        // v1 = 0.25·64 = 16; b1 = 0 + 8/(4 + 1e-8) ≈ 2; x1 = 4 − 0.5·2 ≈ 3
        double b1 = 8 / (4 + 1e-8);
        double x1 = 4 - 0.5 * b1;
        run.expect(1, "sq_x", 16);
        run.expect(1, "buf_x", b1);
        run.expect(1, "lr_x", 0.5 / (4 + 1e-8));
        run.expect(1, "x", x1);
        // g2 ≈ 6; v2 = 0.75·16 + 0.25·36 = 12 + 9 = 21; b2 = 0.5·2 + 6/√21 ≈ 1 + 1.3093 = 2.3093;
        // x2 = 3 − 0.5·2.3093 ≈ 1.8453
        double g2 = 2 * x1;
        double v2 = 0.75 * 16 + 0.25 * g2 * g2;
        double b2 = 0.5 * b1 + g2 / (Math.sqrt(v2) + 1e-8);
        run.expect(2, "sq_x", v2);
        run.expect(2, "buf_x", b2);
        run.expect(2, "x", x1 - 0.5 * b2);
        run.expect(2, "update_x", 0.5 * b2);
    }

    @Test
    void rmspropEpsilonInsideTheSquareRoot() {
        Run inside = square(2, "--optimizer", "rmsprop", "--alpha", "0.75", "--eps", "9", "--lr", "1",
                "--eps-inside-sqrt");
        Run outside = square(1, "--optimizer", "rmsprop", "--alpha", "0.75", "--eps", "9", "--lr", "1");

        // v1 = 0.25·64 = 16: inside, lr = 1/√(16 + 9) = 0.2 and x1 = 4 − 8/5 = 2.4;
        // outside, lr = 1/(√16 + 9) = 1/13 and x1 = 4 − 8/13
        inside.expect(1, "sq_x", 16);
        inside.expect(1, "lr_x", 0.2);
        inside.expect(1, "x", 2.4);
        outside.expect(1, "lr_x", 1.0 / 13);
        outside.expect(1, "x", 4 - 8.0 / 13);
        // g2 = 4.8; v2 = 12 + 0.25·23.04 = 17.76; x2 = 2.4 − 4.8/√26.76
        inside.expect(2, "sq_x", 17.76);
        inside.expect(2, "x", 2.4 - 4.8 / Math.sqrt(17.76 + 9));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Adadelta: vₜ = ρvₜ₋₁ + (1−ρ)gₜ²; Δₜ = √(uₜ₋₁ + ε)/√(vₜ + ε)·gₜ; uₜ = ρuₜ₋₁ + (1−ρ)Δₜ²; θₜ = θₜ₋₁ − γΔₜ
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void adadelta() {
        Run run = square(2, "--optimizer", "adadelta", "--rho", "0.875", "--eps", "1");

        // lr 1 (default): v1 = 0.125·64 = 8; rate √(0 + 1)/√(8 + 1) = 1/3; Δ1 = 8/3; x1 = 4 − 8/3 = 4/3;
        // u1 = 0.125·(8/3)² = 8/9
        run.expect(1, "sq_x", 8);
        run.expect(1, "lr_x", 1.0 / 3);
        run.expect(1, "update_x", 8.0 / 3);
        run.expect(1, "x", 4.0 / 3);
        run.expect(1, "acc_delta_x", 8.0 / 9);
        // g2 = 8/3; v2 = 0.875·8 + 0.125·64/9 = 7 + 8/9 = 71/9; rate √(8/9 + 1)/√(71/9 + 1) = √(17/80) ≈ 0.46098;
        // Δ2 = √(17/80)·8/3 ≈ 1.22927; x2 = 4/3 − Δ2 ≈ 0.10406; u2 = 0.875·8/9 + 0.125·Δ2² = 7/9 + 17/90 = 29/30
        double delta2 = Math.sqrt(17.0 / 80) * 8 / 3;
        run.expect(2, "grad_x", 8.0 / 3);
        run.expect(2, "sq_x", 71.0 / 9);
        run.expect(2, "lr_x", Math.sqrt(17.0 / 80));
        run.expect(2, "update_x", delta2);
        run.expect(2, "x", 4.0 / 3 - delta2);
        run.expect(2, "acc_delta_x", 29.0 / 30);
    }

    @Test
    void adadeltaWithItsDefaults() {
        Run run = square(1, "--optimizer", "adadelta");

        // lr 1, ρ 0.9, ε 1e-6: v1 = 0.1·64 = 6.4; rate √1e-6/√(6.4 + 1e-6) ≈ 3.953e-4;
        // Δ1 = 8·rate ≈ 0.0031623; x1 ≈ 3.9968377; u1 = 0.1·Δ1² ≈ 1e-6
        double rate = Math.sqrt(1e-6) / Math.sqrt(6.4 + 1e-6);
        run.expect(1, "sq_x", 6.4);
        run.expect(1, "lr_x", rate);
        run.expect(1, "x", 4 - 8 * rate);
        run.expect(1, "acc_delta_x", 0.1 * (8 * rate) * (8 * rate));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Adam: mₜ = β₁mₜ₋₁ + (1−β₁)gₜ; vₜ = β₂vₜ₋₁ + (1−β₂)gₜ²; m̂ = mₜ/(1−β₁ᵗ); v̂ = vₜ/(1−β₂ᵗ);
    // θₜ = θₜ₋₁ − γm̂/(√v̂ + ε). AMSGrad: vmaxₜ = max(vmaxₜ₋₁, vₜ), v̂ = vmaxₜ/(1−β₂ᵗ). AdamW: θ ← θ(1 − γλ) first.
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void adam() {
        Run run = square(2, "--optimizer", "adam", "--lr", "0.1", "--compat", "torch");

        // m1 = 0.1·8 = 0.8; v1 = 0.001·64 = 0.064; m̂ = 8; v̂ = 64; lr_x = 0.1/(8 + 1e-8);
        // x1 = 4 − 0.1·8/(8 + 1e-8) ≈ 3.9000000001
        double x1 = 4 - 0.1 * 8 / (8 + 1e-8);
        run.expect(1, "m_x", 0.8);
        run.expect(1, "v_x", 0.064);
        run.expect(1, "lr_x", 0.1 / (8 + 1e-8));
        run.expect(1, "x", x1);
        // g2 ≈ 7.8; m2 = 0.9·0.8 + 0.1·7.8 = 1.5; v2 = 0.999·0.064 + 0.001·60.84 = 0.063936 + 0.06084 = 0.124776;
        // m̂ = 1.5/(1 − 0.81) = 7.8947; v̂ = 0.124776/(1 − 0.998001) = 62.419; x2 = 3.9 − 0.1·7.8947/7.9006 ≈ 3.800074
        double g2 = 2 * x1;
        double m2 = 0.9 * 0.8 + 0.1 * g2;
        double v2 = 0.999 * 0.064 + 0.001 * g2 * g2;
        double vHat2 = v2 / (1 - 0.999 * 0.999);
        run.expect(2, "m_x", m2);
        run.expect(2, "v_x", v2);
        run.expect(2, "lr_x", 0.1 / (Math.sqrt(vHat2) + 1e-8));
        run.expect(2, "x", x1 - 0.1 * (m2 / (1 - 0.9 * 0.9)) / (Math.sqrt(vHat2) + 1e-8));
    }

    @Test
    void adamDefaultLearningRate() {
        Run run = square(1, "--optimizer", "adam");

        // lr 1e-3: x1 = 4 − 0.001·8/(8 + 1e-8) ≈ 3.999
        run.expect(1, "x", 4 - 0.001 * 8 / (8 + 1e-8));
    }

    @Test
    void adamWeightDecayIsL2() {
        Run run = square(1, "--optimizer", "adam", "--lr", "0.1", "--weight-decay", "0.5");

        // g = 8 + 0.5·4 = 10: m1 = 1, v1 = 0.1, m̂ = 10, v̂ = 100; x1 = 4 − 0.1·10/(10 + 1e-8) ≈ 3.9; grad_x = ∇f = 8
        run.expect(1, "grad_x", 8);
        run.expect(1, "m_x", 1);
        run.expect(1, "v_x", 0.1);
        run.expect(1, "x", 4 - 0.1 * 10 / (10 + 1e-8));
    }

    @Test
    void adamWithDecoupledWeightDecay() {
        Run run = square(1, "--optimizer", "adam", "--lr", "0.1", "--weight-decay", "0.5",
                "--decoupled-weight-decay");

        // x ← 4·(1 − 0.1·0.5) = 3.8, then the Adam step on g = ∇f(4) = 8: x1 = 3.8 − 0.1·8/(8 + 1e-8) ≈ 3.7
        run.expect(1, "m_x", 0.8);
        run.expect(1, "v_x", 0.064);
        run.expect(1, "x", 3.8 - 0.1 * 8 / (8 + 1e-8));
    }

    @Test
    void adamw() {
        Run run = square(2, "--optimizer", "adamw", "--lr", "0.1");

        // default λ 0.01: x ← 4·(1 − 0.1·0.01) = 3.996; Adam step on g1 = 8: m̂ = 8, v̂ = 64;
        // x1 = 3.996 − 0.1·8/(8 + 1e-8) ≈ 3.896; update ≈ 0.104
        double x1 = 4 * (1 - 0.001) - 0.1 * 8 / (8 + 1e-8);
        run.expect(1, "grad_x", 8);
        run.expect(1, "m_x", 0.8);
        run.expect(1, "v_x", 0.064);
        run.expect(1, "lr_x", 0.1 / (8 + 1e-8));
        run.expect(1, "x", x1);
        run.expect(1, "update_x", 4 - x1);
        // g2 = 2·3.896 = 7.792; x ← 3.896·0.999 = 3.892104; m2 = 0.72 + 0.7792 = 1.4992;
        // v2 = 0.063936 + 0.001·7.792² = 0.124651264; m̂ = 1.4992/0.19 = 7.8905; v̂ = 0.124651264/0.001999 = 62.357;
        // x2 = 3.892104 − 0.1·7.8905/7.8966 ≈ 3.792181
        double g2 = 2 * x1;
        double m2 = 0.9 * 0.8 + 0.1 * g2;
        double v2 = 0.999 * 0.064 + 0.001 * g2 * g2;
        double vHat2 = v2 / (1 - 0.999 * 0.999);
        run.expect(2, "grad_x", g2);
        run.expect(2, "m_x", m2);
        run.expect(2, "v_x", v2);
        run.expect(2, "x", x1 * (1 - 0.001) - 0.1 * (m2 / (1 - 0.81)) / (Math.sqrt(vHat2) + 1e-8));
    }

    @Test
    void adamwDefaults() {
        Run run = square(1, "--optimizer", "adamw");

        // lr 1e-3, λ 0.01: x ← 4·(1 − 1e-5) = 3.99996; x1 = 3.99996 − 0.001·8/(8 + 1e-8) ≈ 3.99896
        run.expect(1, "x", 4 * (1 - 1e-5) - 0.001 * 8 / (8 + 1e-8));
    }

    static Stream<Arguments> amsgradSpellings() {
        return Stream.of(
                Arguments.of((Object) new String[] {"--optimizer", "amsgrad"}),
                Arguments.of((Object) new String[] {"--optimizer", "amsgrad", "--amsgrad"}),
                Arguments.of((Object) new String[] {"--optimizer", "adam", "--amsgrad"}));
    }

    @ParameterizedTest
    @MethodSource("amsgradSpellings")
    void amsgradKeepsTheLargestSecondMomentOnceItFalls(String[] optimizer) {
        Run run = square(3, with(optimizer, "--beta1", "0.5", "--beta2", "0.5", "--lr", "2"));

        // m1 = 0.5·8 = 4; v1 = 0.5·64 = 32 = vmax1; m̂ = 8; v̂ = 64; lr_x = 2/(8 + 1e-8) ≈ 0.25; x1 ≈ 4 − 2 = 2
        double x1 = 4 - 2 * 8 / (8 + 1e-8);
        run.expect(1, "m_x", 4);
        run.expect(1, "v_x", 32);
        run.expect(1, "v_max_x", 32);
        run.expect(1, "lr_x", 2 / (8 + 1e-8));
        run.expect(1, "x", x1);
        // g2 ≈ 4; m2 = 2 + 2 = 4; v2 = 0.5·32 + 0.5·16 = 24 < 32, so vmax2 = 32 (v FELL); m̂ = 4/0.75 = 16/3;
        // v̂ = vmax/(1 − 0.25) = 128/3; x2 = 2 − 2·(16/3)/√(128/3) = 2 − √(8/3) ≈ 0.367007
        // (plain Adam would use v̂ = 24/0.75 = 32: x2 = 2 − (32/3)/√32 ≈ 0.114382)
        double g2 = 2 * x1;
        double m2 = 0.5 * 4 + 0.5 * g2;
        double v2 = 0.5 * 32 + 0.5 * g2 * g2;
        double x2 = x1 - 2 * (m2 / 0.75) / (Math.sqrt(32 / 0.75) + 1e-8);
        run.expect(2, "m_x", m2);
        run.expect(2, "v_x", v2);
        run.expect(2, "v_max_x", 32);
        run.expect(2, "lr_x", 2 / (Math.sqrt(32 / 0.75) + 1e-8));
        run.expect(2, "x", x2);
        // g3 ≈ 0.734014; m3 = 0.5·4 + 0.5·0.734 = 2.367007; v3 = 12 + 0.5·0.5388 = 12.2694 < 32, vmax3 = 32;
        // m̂ = 2.367007/0.875; v̂ = 32/0.875 = 36.571; x3 = 0.367007 − 2·2.705151/6.047432 ≈ −0.527638
        double g3 = 2 * x2;
        double m3 = 0.5 * m2 + 0.5 * g3;
        double v3 = 0.5 * v2 + 0.5 * g3 * g3;
        run.expect(3, "m_x", m3);
        run.expect(3, "v_x", v3);
        run.expect(3, "v_max_x", 32);
        run.expect(3, "x", x2 - 2 * (m3 / 0.875) / (Math.sqrt(32 / 0.875) + 1e-8));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Adamax: mₜ = β₁mₜ₋₁ + (1−β₁)gₜ; uₜ = max(β₂uₜ₋₁, |gₜ| + ε); θₜ = θₜ₋₁ − γmₜ/((1−β₁ᵗ)uₜ)
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void adamax() {
        Run run = square(2, "--optimizer", "adamax", "--lr", "0.1");

        // m1 = 0.8; u1 = max(0, 8 + 1e-8) = 8.00000001; lr_x = 0.1/u1;
        // x1 = 4 − 0.1·0.8/(0.1·8.00000001) ≈ 3.9000000001
        double u1 = 8 + 1e-8;
        double x1 = 4 - 0.1 * 0.8 / ((1 - 0.9) * u1);
        run.expect(1, "m_x", 0.8);
        run.expect(1, "u_x", u1);
        run.expect(1, "lr_x", 0.1 / u1);
        run.expect(1, "x", x1);
        // g2 ≈ 7.8; m2 = 0.72 + 0.78 = 1.5; u2 = max(0.999·8.00000001, 7.8 + 1e-8) = 7.99200001 (the decayed u wins);
        // x2 = 3.9 − 0.1·1.5/(0.19·7.992) ≈ 3.801217
        double g2 = 2 * x1;
        double m2 = 0.9 * 0.8 + 0.1 * g2;
        double u2 = 0.999 * u1;
        assertTrue(u2 > g2 + 1e-8, "hand check: the decayed norm is the larger");
        run.expect(2, "m_x", m2);
        run.expect(2, "u_x", u2);
        run.expect(2, "lr_x", 0.1 / u2);
        run.expect(2, "x", x1 - 0.1 * m2 / ((1 - 0.81) * u2));
    }

    @Test
    void adamaxDefaultLearningRate() {
        Run run = square(1, "--optimizer", "adamax");

        // lr 2e-3: x1 = 4 − 0.002·0.8/(0.1·(8 + 1e-8)) ≈ 3.998
        run.expect(1, "x", 4 - 0.002 * 0.8 / (0.1 * (8 + 1e-8)));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // NAdam: μₜ = β₁(1 − ½·0.96^(tψ)); m̂ = μₜ₊₁mₜ/(1 − ∏₁ᵗ⁺¹μᵢ) + (1−μₜ)gₜ/(1 − ∏₁ᵗμᵢ); v̂ = vₜ/(1−β₂ᵗ);
    // θₜ = θₜ₋₁ − γm̂/(√v̂ + ε)
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void nadamWithMomentumDecayOne() {
        Run run = square(2, "--optimizer", "nadam", "--lr", "0.1", "--momentum-decay", "1");

        // ψ = 1: μ1 = 0.9·(1 − 0.5·0.96) = 0.468; μ2 = 0.9·(1 − 0.5·0.9216) = 0.48528;
        // μ3 = 0.9·(1 − 0.5·0.884736) = 0.5018688
        double mu1 = 0.468;
        double mu2 = 0.48528;
        double mu3 = 0.5018688;
        // m1 = 0.8; v1 = 0.064; v̂ = 64;
        // m̂ = 0.48528·0.8/(1 − 0.468·0.48528) + (1 − 0.468)·8/(1 − 0.468) = 0.388224/0.77288896 + 8 = 8.502302;
        // x1 = 4 − 0.1·8.502302/(8 + 1e-8) ≈ 3.893721
        double mHat1 = mu2 * 0.8 / (1 - mu1 * mu2) + (1 - mu1) * 8 / (1 - mu1);
        double x1 = 4 - 0.1 * mHat1 / (8 + 1e-8);
        run.expect(1, "m_x", 0.8);
        run.expect(1, "v_x", 0.064);
        run.expect(1, "lr_x", 0.1 / (8 + 1e-8));
        run.expect(1, "x", x1);
        // g2 ≈ 7.787442; m2 = 0.72 + 0.1·g2 ≈ 1.498744; v2 = 0.063936 + 0.001·g2² ≈ 0.124580; v̂ = v2/0.001999;
        // m̂ = μ3·m2/(1 − μ1μ2μ3) + (1 − μ2)·g2/(1 − μ1μ2) ≈ 6.035129; x2 ≈ 3.893721 − 0.1·6.035129/7.894 ≈ 3.817273
        double g2 = 2 * x1;
        double m2 = 0.9 * 0.8 + 0.1 * g2;
        double v2 = 0.999 * 0.064 + 0.001 * g2 * g2;
        double vHat2 = v2 / (1 - 0.999 * 0.999);
        double mHat2 = mu3 * m2 / (1 - mu1 * mu2 * mu3) + (1 - mu2) * g2 / (1 - mu1 * mu2);
        run.expect(2, "m_x", m2);
        run.expect(2, "v_x", v2);
        run.expect(2, "lr_x", 0.1 / (Math.sqrt(vHat2) + 1e-8));
        run.expect(2, "x", x1 - 0.1 * mHat2 / (Math.sqrt(vHat2) + 1e-8));
    }

    @Test
    void nadamWithItsDefaults() {
        Run run = square(1, "--optimizer", "nadam");

        // lr 2e-3, ψ 4e-3: μ1 = 0.9·(1 − 0.5·0.96^0.004) ≈ 0.4500735; μ2 = 0.9·(1 − 0.5·0.96^0.008) ≈ 0.4501469;
        // m̂ = μ2·0.8/(1 − μ1μ2) + 8 ≈ 8.451614; x1 = 4 − 0.002·8.451614/(8 + 1e-8) ≈ 3.997887
        double mu1 = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.004));
        double mu2 = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.008));
        double mHat1 = mu2 * 0.8 / (1 - mu1 * mu2) + (1 - mu1) * 8 / (1 - mu1);
        run.expect(1, "x", 4 - 0.002 * mHat1 / (8 + 1e-8));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // RAdam: m̂ = mₜ/(1−β₁ᵗ); ρ∞ = 2/(1−β₂) − 1; ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ); if ρₜ > 5: θₜ = θₜ₋₁ − γm̂·rₜ·lₜ with
    // lₜ = √(1−β₂ᵗ)/(√vₜ + ε), rₜ = √((ρₜ−4)(ρₜ−2)ρ∞/((ρ∞−4)(ρ∞−2)ρₜ)); else θₜ = θₜ₋₁ − γm̂
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void radamIsUnrectifiedAtFirst() {
        Run run = square(2, "--optimizer", "radam", "--lr", "0.1");

        // ρ∞ = 1999; ρ1 = 1999 − 2·0.999/0.001 = 1 ≤ 5: x1 = 4 − 0.1·m̂ = 4 − 0.1·8 = 3.2; lr_x = γ = 0.1
        run.expect(1, "m_x", 0.8);
        run.expect(1, "v_x", 0.064);
        run.expect(1, "lr_x", 0.1);
        run.expect(1, "x", 3.2);
        // ρ2 ≈ 1.9995 ≤ 5: g2 = 6.4; m2 = 0.72 + 0.64 = 1.36; m̂ = 1.36/0.19 = 7.157895; x2 = 3.2 − 0.7157895 = 2.4842105;
        // v2 = 0.999·0.064 + 0.001·40.96 = 0.104896
        run.expect(2, "m_x", 1.36);
        run.expect(2, "v_x", 0.104896);
        run.expect(2, "lr_x", 0.1);
        run.expect(2, "x", 3.2 - 0.1 * 1.36 / 0.19);
    }

    @Test
    void radamRectifiesFromStepSix() {
        // f = x has g = 1 everywhere, so mₜ = 1 − 0.9ᵗ, vₜ = 1 − 0.999ᵗ and m̂ = 1
        Run run = run("--f", "x", "--x0", "1", "--optimizer", "radam", "--lr", "0.1", "--steps", "6");

        // ρ1..ρ5 ≈ 1, 1.9995, 2.9987, 3.9975, 4.9960, all ≤ 5: each step is γ·m̂ = 0.1, so x5 = 0.5
        for (int t = 1; t <= 5; t++) {
            run.expect(t, "grad_x", 1);
            run.expect(t, "m_x", 1 - Math.pow(0.9, t));
            run.expect(t, "v_x", 1 - Math.pow(0.999, t));
            run.expect(t, "lr_x", 0.1);
            run.expect(t, "x", 1 - 0.1 * t);
        }
        // ρ6 = 1999 − 12·0.999⁶/(1 − 0.999⁶) ≈ 5.99416 > 5: r6 = √(1.99416·3.99416·1999/(1995·1997·5.99416)) ≈ 0.025821;
        // l6 = √(1 − 0.999⁶)/(√v6 + 1e-8) ≈ 0.99999987; x6 = 0.5 − 0.1·1·r6·l6 ≈ 0.497418
        double b6 = Math.pow(0.999, 6);
        double rho6 = 1999 - 12 * b6 / (1 - b6);
        assertTrue(rho6 > 5, "hand check: ρ6 > 5");
        double r6 = Math.sqrt((rho6 - 4) * (rho6 - 2) * 1999 / (1995.0 * 1997.0 * rho6));
        double l6 = Math.sqrt(1 - b6) / (Math.sqrt(1 - b6) + 1e-8);
        run.expect(6, "m_x", 1 - Math.pow(0.9, 6));
        run.expect(6, "v_x", 1 - b6);
        run.expect(6, "lr_x", 0.1 * r6 * l6);
        run.expect(6, "update_x", 0.1 * r6 * l6);
        run.expect(6, "x", 0.5 - 0.1 * r6 * l6);
    }

    @Test
    void radamDefaultLearningRate() {
        Run run = square(1, "--optimizer", "radam");

        // lr 1e-3, ρ1 = 1: x1 = 4 − 0.001·8 = 3.992
        run.expect(1, "x", 3.992);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Headers: step,f,<vars>,grad_<vars>,<state>_<vars> in the documented order,update_<vars>
    // ---------------------------------------------------------------------------------------------------------------

    static Stream<Arguments> headers() {
        return Stream.of(
                header("sgd", "", "--optimizer", "sgd"),
                header("sgd with momentum", "buf", "--optimizer", "sgd", "--momentum", "0.5"),
                header("momentum", "buf", "--optimizer", "momentum"),
                header("nesterov", "buf", "--optimizer", "nesterov"),
                header("adagrad", "G,lr", "--optimizer", "adagrad"),
                header("rmsprop", "sq,lr", "--optimizer", "rmsprop"),
                header("rmsprop centered=false", "sq,lr", "--optimizer", "rmsprop", "--centered=false"),
                header("rmsprop centered", "sq,grad_avg,lr", "--optimizer", "rmsprop", "--centered"),
                header("rmsprop momentum", "sq,buf,lr", "--optimizer", "rmsprop", "--momentum", "0.5"),
                header("rmsprop centered momentum", "sq,grad_avg,buf,lr", "--optimizer", "rmsprop", "--centered",
                        "--momentum", "0.5"),
                header("adadelta", "sq,acc_delta,lr", "--optimizer", "adadelta"),
                header("adam", "m,v,lr", "--optimizer", "adam"),
                header("adam amsgrad", "m,v,v_max,lr", "--optimizer", "adam", "--amsgrad"),
                header("adamw", "m,v,lr", "--optimizer", "adamw"),
                header("adamw amsgrad", "m,v,v_max,lr", "--optimizer", "adamw", "--amsgrad"),
                header("amsgrad", "m,v,v_max,lr", "--optimizer", "amsgrad"),
                header("adamax", "m,u,lr", "--optimizer", "adamax"),
                header("nadam", "m,v,lr", "--optimizer", "nadam"),
                header("radam", "m,v,lr", "--optimizer", "radam"));
    }

    private static Arguments header(String name, String states, String... options) {
        return Arguments.of(name, states, options);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headers")
    void headerHasTheDocumentedStateColumnsInOrder(String name, String states, String[] options) {
        Run one = square(1, options);
        List<String> expected = new ArrayList<>(List.of("step", "f", "x", "grad_x"));
        for (String state : states.isEmpty() ? new String[0] : states.split(",")) {
            expected.add(state + "_x");
        }
        expected.add("update_x");
        assertEquals(expected, one.header(), name);
        // row 0 is the start point: step, f and x filled, the rest empty
        assertEquals("0", one.table().cell(0, "step"));
        assertEquals(16, one.table().number(0, "f"), 0);
        assertEquals(4, one.table().number(0, "x"), 0);
        for (String column : expected.subList(3, expected.size())) {
            assertEquals("", one.table().cell(0, column), column + " in row 0 of " + name);
        }

        List<String> args = new ArrayList<>(List.of("--f", "w^2+b^2", "--x0", "w=1,b=2", "--steps", "1"));
        args.addAll(List.of(options));
        Run two = run(args.toArray(String[]::new));
        List<String> expectedTwo = new ArrayList<>(List.of("step", "f", "w", "b", "grad_w", "grad_b"));
        for (String state : states.isEmpty() ? new String[0] : states.split(",")) {
            expectedTwo.add(state + "_w");
            expectedTwo.add(state + "_b");
        }
        expectedTwo.add("update_w");
        expectedTwo.add("update_b");
        assertEquals(expectedTwo, two.header(), name + " with two variables");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Option misuse: exit 2, at most three lines on stderr, no stack trace, a message that names the problem
    // ---------------------------------------------------------------------------------------------------------------

    private static Cli.Result usageError(String[] options, String... fragments) {
        List<String> args = new ArrayList<>(List.of("run", "--f", "x^2", "--x0", "4", "--steps", "2"));
        args.addAll(List.of(options));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        String label = String.join(" ", options);
        assertEquals(2, result.exitCode(), label + ":\n" + result.out() + result.err());
        assertTrue(result.errLines().length <= 3, "at most three lines for " + label + ":\n" + result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace for " + label + ":\n" + result.err());
        assertFalse(result.err().contains("Exception"), "no exception names for " + label + ":\n" + result.err());
        String err = result.err().toLowerCase(Locale.ROOT);
        for (String fragment : fragments) {
            assertTrue(err.contains(fragment.toLowerCase(Locale.ROOT)),
                    label + ": stderr should mention «" + fragment + "» but was:\n" + result.err());
        }
        return result;
    }

    @Test
    void anOptionSgdDoesNotUseListsSgdsOptions() {
        usageError(new String[] {"--optimizer", "sgd", "--beta1", "0.8"},
                "--beta1", "--lr", "--momentum", "--dampening", "--nesterov", "--weight-decay");
    }

    static Stream<Arguments> unusedOptions() {
        return Stream.of(
                Arguments.of(new String[] {"--optimizer", "adam", "--momentum", "0.9"},
                        new String[] {"--momentum", "--beta1", "--beta2", "--amsgrad"}),
                Arguments.of(new String[] {"--optimizer", "adagrad", "--beta1", "0.9"},
                        new String[] {"--beta1", "--lr-decay", "--initial-accumulator-value"}),
                Arguments.of(new String[] {"--beta1", "0.9"},
                        new String[] {"--beta1", "--lr-decay", "--initial-accumulator-value"}),
                Arguments.of(new String[] {"--optimizer", "sgd", "--eps", "1e-8"},
                        new String[] {"--eps", "--momentum", "--dampening"}),
                Arguments.of(new String[] {"--optimizer", "sgd", "--lr-decay", "0.1"},
                        new String[] {"--lr-decay", "--dampening"}),
                Arguments.of(new String[] {"--optimizer", "nesterov", "--beta2", "0.9"},
                        new String[] {"--beta2", "--momentum"}),
                Arguments.of(new String[] {"--optimizer", "rmsprop", "--beta2", "0.9"},
                        new String[] {"--beta2", "--alpha", "--centered"}),
                Arguments.of(new String[] {"--optimizer", "adadelta", "--momentum", "0.9"},
                        new String[] {"--momentum", "--rho"}),
                Arguments.of(new String[] {"--optimizer", "adamw", "--centered"},
                        new String[] {"--centered", "--amsgrad"}),
                Arguments.of(new String[] {"--optimizer", "adamax", "--amsgrad"},
                        new String[] {"--amsgrad", "--beta1", "--beta2"}),
                Arguments.of(new String[] {"--optimizer", "nadam", "--amsgrad"},
                        new String[] {"--amsgrad", "--momentum-decay"}),
                Arguments.of(new String[] {"--optimizer", "radam", "--rho", "0.9"},
                        new String[] {"--rho", "--decoupled-weight-decay"}));
    }

    @ParameterizedTest
    @MethodSource("unusedOptions")
    void anOptionTheOptimizerDoesNotUseIsRejected(String[] options, String[] fragments) {
        usageError(options, fragments);
    }

    @Test
    void theFlagThatNamesTheOptimizerIsAccepted() {
        assertEquals(0, Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "nesterov", "--nesterov").exitCode());
        assertEquals(0, Cli.run("run", "--f", "x^2", "--x0", "4", "--optimizer", "amsgrad", "--amsgrad").exitCode());
    }

    @Test
    void nesterovNeedsMomentum() {
        usageError(new String[] {"--optimizer", "nesterov", "--momentum", "0"}, "nesterov", "momentum");
        usageError(new String[] {"--optimizer", "sgd", "--nesterov"}, "nesterov", "momentum");
    }

    @Test
    void nesterovNeedsZeroDampening() {
        usageError(new String[] {"--optimizer", "sgd", "--nesterov", "--momentum", "0.9", "--dampening", "0.1"},
                "nesterov", "dampening");
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                Arguments.of(new String[] {"--optimizer", "adam", "--beta1", "1"}, "beta"),
                Arguments.of(new String[] {"--optimizer", "adam", "--beta2", "1"}, "beta"),
                Arguments.of(new String[] {"--optimizer", "adam", "--beta1", "-0.1"}, "beta"),
                Arguments.of(new String[] {"--optimizer", "nadam", "--beta2", "1.5"}, "beta"),
                Arguments.of(new String[] {"--optimizer", "adadelta", "--rho", "1.5"}, "rho"),
                Arguments.of(new String[] {"--optimizer", "adadelta", "--rho", "-0.1"}, "rho"),
                Arguments.of(new String[] {"--optimizer", "sgd", "--momentum", "-0.5"}, "momentum"),
                Arguments.of(new String[] {"--optimizer", "momentum", "--momentum", "-0.5"}, "momentum"),
                Arguments.of(new String[] {"--optimizer", "rmsprop", "--momentum", "-0.5"}, "momentum"),
                Arguments.of(new String[] {"--optimizer", "sgd", "--weight-decay", "-1"}, "weight"),
                Arguments.of(new String[] {"--optimizer", "adam", "--weight-decay", "-1"}, "weight"),
                Arguments.of(new String[] {"--optimizer", "adamw", "--weight-decay", "-0.01"}, "weight"),
                Arguments.of(new String[] {"--optimizer", "adam", "--eps", "-1e-8"}, "eps"),
                Arguments.of(new String[] {"--optimizer", "rmsprop", "--eps", "-1e-8"}, "eps"),
                Arguments.of(new String[] {"--optimizer", "adadelta", "--eps", "-1e-6"}, "eps"),
                Arguments.of(new String[] {"--optimizer", "rmsprop", "--alpha", "-1"}, "alpha"),
                Arguments.of(new String[] {"--optimizer", "nadam", "--momentum-decay", "-1"}, "momentum"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void invalidValuesAreRejected(String[] options, String fragment) {
        usageError(options, fragment);
    }

    @Test
    void theBoundsOfTheBetasAreZeroInclusive() {
        // β₁ = 0 is allowed ([0, 1)): m = g, m̂ = g; x1 = 4 − 0.1·8/(8 + 1e-8)
        Run run = square(1, "--optimizer", "adam", "--lr", "0.1", "--beta1", "0");
        run.expect(1, "m_x", 8);
        run.expect(1, "x", 4 - 0.1 * 8 / (8 + 1e-8));
    }

    @Test
    void unknownOptimizerListsTheKnownOnes() {
        Cli.Result result = usageError(new String[] {"--optimizer", "sophia"}, "sophia");
        for (String name : List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw",
                "amsgrad", "adamax", "nadam", "radam")) {
            assertTrue(Pattern.compile("\\b" + name + "\\b").matcher(result.err()).find(),
                    name + " listed in:\n" + result.err());
        }
    }

    @Test
    void unknownCompatIsRejected() {
        usageError(new String[] {"--compat", "nonsense"}, "compat", "nonsense");
    }

    @Test
    void compatPresetsWithoutTheOptimizerAreRejected() {
        usageError(new String[] {"--optimizer", "radam", "--compat", "keras"}, "radam");
        usageError(new String[] {"--optimizer", "nadam", "--compat", "tfjs"}, "nadam");
    }
}
