package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lion, which PyTorch lacks, worked out by hand from Chen et al. 2023's Algorithm 2 (cₜ = β₁·mₜ₋₁ + (1 − β₁)·gₜ,
 * θₜ = θₜ₋₁ − γ·(sign(cₜ) + λ·θₜ₋₁), mₜ = β₂·mₜ₋₁ + (1 − β₂)·gₜ) with Keras 3's defaults; and the invalid settings
 * of rprop, asgd and lion, each refused with exit 2 and a message naming the value.
 */
class NewOptimizersByHandTest {

    private static CsvTable run(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--format", "csv", "--grad", "exact"));
        all.addAll(List.of(args));
        return new CsvTable(Cli.output(all));
    }

    private static void expect(double expected, CsvTable table, int row, String column) {
        assertEquals(expected, table.number(row, column), 1e-12 * Math.max(1, Math.abs(expected)),
                column + " at step " + row);
    }

    @Test
    void lionMovesEveryVariableByExactlyTheLearningRate() {
        // f = w² + 10b² from (4, 1), Keras defaults γ = 0.001, β₁ = 0.9, β₂ = 0.99.
        // Step 1: g = (8, 20); c = 0.1·g > 0, so θ₁ = (4 − 0.001, 1 − 0.001); m₁ = 0.01·g = (0.08, 0.2)
        // Step 2: g = (2·3.999, 20·0.999) = (7.998, 19.98); c = 0.9·m₁ + 0.1·g > 0; θ₂ = θ₁ − 0.001;
        //         m₂ = 0.99·m₁ + 0.01·g
        CsvTable table = run("--f", "w^2+10*b^2", "--x0", "w=4,b=1", "--optimizer", "lion", "--steps", "2");
        expect(3.999, table, 1, "w");
        expect(0.999, table, 1, "b");
        expect(0.08, table, 1, "m_w");
        expect(0.2, table, 1, "m_b");
        expect(0.001, table, 1, "update_w");
        expect(3.998, table, 2, "w");
        expect(0.998, table, 2, "b");
        expect(0.99 * 0.08 + 0.01 * 7.998, table, 2, "m_w");
        expect(0.99 * 0.2 + 0.01 * 19.98, table, 2, "m_b");
        expect(3.998 * 3.998 + 10 * 0.998 * 0.998, table, 2, "f");
    }

    @Test
    void lionFollowsTheMomentumsSignNotTheGradients() {
        // f = x² from x₀ = 1 with γ = 0.75, β₁ = 0.9, β₂ = 0.99:
        // t = 1: g = 2, c = 0.2 > 0, x₁ = 0.25, m₁ = 0.02
        // t = 2: g = 0.5, c = 0.018 + 0.05 > 0, x₂ = −0.5, m₂ = 0.0198 + 0.005 = 0.0248
        // t = 3: g = −1, c = 0.9·0.0248 − 0.1 = −0.07768 < 0, x₃ = 0.25, m₃ = 0.024552 − 0.01 = 0.014552
        // t = 4: g = 0.5, c = 0.9·0.014552 + 0.05 > 0, x₄ = −0.5
        CsvTable table = run("--f", "x^2", "--x0", "1", "--optimizer", "lion", "--lr", "0.75", "--steps", "4");
        expect(0.25, table, 1, "x");
        expect(-0.5, table, 2, "x");
        expect(0.0248, table, 2, "m_x");
        expect(0.25, table, 3, "x");
        expect(0.99 * 0.0248 - 0.01, table, 3, "m_x");
        expect(-0.5, table, 4, "x");
    }

    @Test
    void lionsDecoupledWeightDecayShrinksBeforeTheSignStep() {
        // x² from 4, γ = 0.1, λ = 0.5: θ₁ = 4 − 0.1·(sign(0.8) + 0.5·4) = 4 − 0.3 = 3.7; update 0.3
        CsvTable table = run("--f", "x^2", "--x0", "4", "--optimizer", "lion", "--lr", "0.1", "--weight-decay", "0.5",
                "--steps", "1");
        expect(3.7, table, 1, "x");
        expect(0.3, table, 1, "update_x");
    }

    @Test
    void rpropGrowsWhileTheSignHoldsAndBacksOffWhenItFlips() {
        // x² from 1, γ = 0.6, η₊ = 1.2, η₋ = 0.5: t = 1: prev = 0, size 0.6, x₁ = 0.4
        // t = 2: g = 0.8 same sign, size 0.72, x₂ = −0.32; t = 3: g = −0.64 flips, size 0.36, no move, prev = 0
        // t = 4: g·prev = 0, size stays 0.36, x₄ = −0.32 + 0.36 = 0.04
        CsvTable table = run("--f", "x^2", "--x0", "1", "--optimizer", "rprop", "--lr", "0.6", "--steps", "4");
        expect(0.4, table, 1, "x");
        expect(0.72, table, 2, "step_size_x");
        expect(-0.32, table, 2, "x");
        expect(0.36, table, 3, "step_size_x");
        expect(-0.32, table, 3, "x");
        expect(0.0, table, 3, "prev_x");
        expect(0.36, table, 4, "step_size_x");
        expect(0.04, table, 4, "x");
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("rprop", "--lr must be > 0 (got -1)", List.of("--lr", "-1")),
                Arguments.of("rprop", "--etaminus must be > 0 and < 1 (got 1.5)", List.of("--etaminus", "1.5")),
                Arguments.of("rprop", "--etaplus must be > 1 (got 0.9)", List.of("--etaplus", "0.9")),
                Arguments.of("rprop", "--etaminus must be > 0 and < 1 (got 0)", List.of("--etaminus", "0")),
                Arguments.of("rprop", "--step-size-min must be ≥ 0 (got -1)", List.of("--step-size-min", "-1")),
                Arguments.of("rprop", "--step-size-max must be ≥ step_size_min, 0.01 (got 0.001)", List.of("--step-size-min", "0.01",
                        "--step-size-max", "0.001")),
                Arguments.of("asgd", "--lr must be > 0 (got 0)", List.of("--lr", "0")),
                Arguments.of("asgd", "--lambd must be ≥ 0 (got -0.1)", List.of("--lambd", "-0.1")),
                Arguments.of("asgd", "--alpha must be ≥ 0 (got -1)", List.of("--alpha", "-1")),
                Arguments.of("asgd", "--t0 must be ≥ 0 (got -5)", List.of("--t0", "-5")),
                Arguments.of("asgd", "--weight-decay must be ≥ 0 (got -1)", List.of("--weight-decay", "-1")),
                Arguments.of("lion", "--lr must be > 0 (got -0.1)", List.of("--lr", "-0.1")),
                Arguments.of("lion", "--beta1 must be ≥ 0 and < 1 (got 1.5)", List.of("--beta1", "1.5")),
                Arguments.of("lion", "--beta2 must be ≥ 0 and < 1 (got -0.5)", List.of("--beta2", "-0.5")),
                Arguments.of("lion", "--weight-decay must be ≥ 0 (got -1)", List.of("--weight-decay", "-1")));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("invalidSettings")
    void invalidSettingsAreUsageErrorsNamingTheValue(String optimizer, String message, List<String> options) {
        List<String> args = new ArrayList<>(List.of("run", "--f", "x^2", "--x0", "1", "--optimizer", optimizer));
        args.addAll(options);
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.err().contains(message), result.err());
        assertEquals("", result.out());
    }
}
