package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code adagrad explain}: seed 000's manual calculation (section 4) told by the program, and the command's misuse.
 *
 * <p>The seed works AdaGrad on f = x² from x = 4 with η = 1 by hand: g = 2x, G = G + g², η̂ = 1/√G, x = x − η̂·g. Its
 * numbers, worked again here: step 1 g = 8, G = 0 + 8² = 64, η̂ = 1/8 = 0.125, x = 4 − 0.125·8 = 3; step 2 g = 6,
 * G = 64 + 36 = 100, η̂ = 0.1, x = 3 − 0.1·6 = 2.4; step 3 g = 4.8, G = 100 + 23.04 = 123.04, η̂ = 1/√123.04 =
 * 1/11.0923 = 0.0901523, x = 2.4 − 0.0901523·4.8 = 2.4 − 0.432731 = 1.96727 (the seed rounds these to 0.090 and
 * 1.968). The central difference gives 8 to about 1e-11, which the six significant digits show as 8.
 */
class ExplainCommandTest {

    private static final String[] WORKED_EXAMPLE = {"explain", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "3"};

    @Test
    void narratesTheSeedsThreeManualSteps() {
        Cli.Result result = Cli.run(WORKED_EXAMPLE);

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        List<List<String>> steps = steps(result.out());
        assertEquals(3, steps.size(), result.out());

        assertStep(steps.get(0), "Step 1 from θ₀: x = 4",
                "gₜ ← ∇f(θₜ₋₁)", "= 8",
                "Gₜ ← Gₜ₋₁ + gₜ²", "= 0 + 8² = 64",
                "η̂ ← γ / (√Gₜ + ε)", "= 1 / (√64 + 1e-10) = 0.125",
                "θₜ ← θₜ₋₁ − η̂·gₜ", "= 4 − 0.125·8 = 3",
                "f(θₜ)", "= 9");
        assertStep(steps.get(1), "Step 2 from θ₁: x = 3",
                "gₜ ← ∇f(θₜ₋₁)", "= 6",
                "Gₜ ← Gₜ₋₁ + gₜ²", "= 64 + 6² = 100",
                "η̂ ← γ / (√Gₜ + ε)", "= 1 / (√100 + 1e-10) = 0.1",
                "θₜ ← θₜ₋₁ − η̂·gₜ", "= 3 − 0.1·6 = 2.4",
                "f(θₜ)", "= 5.76");
        assertStep(steps.get(2), "Step 3 from θ₂: x = 2.4",
                "gₜ ← ∇f(θₜ₋₁)", "= 4.8",
                "Gₜ ← Gₜ₋₁ + gₜ²", "= 100 + 4.8² = 123.04",
                "η̂ ← γ / (√Gₜ + ε)", "= 1 / (√123.04 + 1e-10) = 0.0901523",
                "θₜ ← θₜ₋₁ − η̂·gₜ", "= 2.4 − 0.0901523·4.8 = 1.96727",
                "f(θₜ)", "= 3.87015");
        String[] lines = result.outLines();
        // x₃ = 2.4 − 4.8/√123.04 and f = x₃², to the ten digits of run's summary.
        double x3 = 2.4 - 4.8 / Math.sqrt(123.04);
        assertTrue(lines[lines.length - 1].startsWith("After 3 steps: x = 1.96726893"), lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].contains(", f = 3.87014705"), lines[lines.length - 1]);
        assertEquals(1.96726893, x3, 5e-9);
        assertEquals(3.87014705, x3 * x3, 5e-9);
    }

    @Test
    void theGradientLineShowsTheCentralDifferencesPoints() {
        String out = Cli.output(List.of(WORKED_EXAMPLE));
        // h = ∛ε·max(1, |x|) = 6.05545e-6·4 = 2.42218e-5 (ε = 2⁻⁵²), so f is evaluated at 4 ± 2.42218e-5.
        double h = Math.cbrt(Math.pow(2, -52)) * 4;
        assertEquals(2.42218e-5, h, 1e-10);
        assertTrue(out.contains("≈ (f(4.000024222) − f(3.999975778)) / (4.000024222 − 3.999975778) = 8\n"), out);
    }

    @Test
    void aNegativePointIsBracketedWhereItIsSubtracted() {
        // From −4: h = ∛ε·4 again, so the points are −4 ± 2.42218e-5 and g = 2·(−4) = −8.
        String out = Cli.output(List.of("explain", "--f", "x^2", "--x0", "-4", "--lr", "1", "--steps", "1"));
        assertTrue(out.contains("≈ (f(-3.999975778) − f(-4.000024222)) / (-3.999975778 − (-4.000024222)) = -8\n"),
                out);
        // G = 0 + (−8)² = 64 and x = −4 − 0.125·(−8) = −3
        assertTrue(out.replaceAll(" {2,}", " ").contains("θₜ ← θₜ₋₁ − η̂·gₜ = -4 − 0.125·(-8) = -3\n"), out);
    }

    @Test
    void theFirstLineNamesTheOptimizerAndItsSettings() {
        String first = Cli.output(List.of(WORKED_EXAMPLE)).lines().findFirst().orElseThrow();
        assertEquals("adagrad on f = x^2 (lr 1, lr_decay 0, weight_decay 0, initial_accumulator_value 0, eps 1e-10, "
                + "eps_inside_sqrt false)", first);
    }

    @Test
    void threeStepsByDefault() {
        String out = Cli.output(List.of("explain", "--f", "x^2", "--x0", "4", "--lr", "1"));
        assertEquals(3, steps(out).size());
        assertTrue(out.contains("After 3 steps: x = 1.96726893"), out);
    }

    @Test
    void severalVariablesGetALineEach() {
        // seed 000 §3's toy, w² + 10b² from (1, 1) with lr 0.5: g = (2, 20); G = (4, 400); η̂ = (0.25, 0.025).
        String out = Cli.output(List.of("explain", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--lr", "0.5",
                "--steps", "1"));
        List<String> step = steps(out).get(0);
        assertStep(step, "Step 1 from θ₀: w = 1, b = 1",
                "w: gₜ ← ∂f/∂w(θₜ₋₁)", "≈ (f(w=1.000006055) − f(w=0.9999939445)) / (1.000006055 − 0.9999939445) = 2",
                "b: gₜ ← ∂f/∂b(θₜ₋₁)", "= 20",
                "w: Gₜ ← Gₜ₋₁ + gₜ²", "= 0 + 2² = 4",
                "w: η̂ ← γ / (√Gₜ + ε)", "= 0.5 / (√4 + 1e-10) = 0.25",
                "w: θₜ ← θₜ₋₁ − η̂·gₜ", "= 1 − 0.25·2 = 0.5",
                "b: Gₜ ← Gₜ₋₁ + gₜ²", "= 0 + 20² = 400",
                "b: η̂ ← γ / (√Gₜ + ε)", "= 0.5 / (√400 + 1e-10) = 0.025",
                "b: θₜ ← θₜ₋₁ − η̂·gₜ", "= 1 − 0.025·20 = 0.5",
                "f(θₜ)", "= 2.75");
    }

    @Test
    void everyOptimizerExplainsItself() {
        for (String optimizer : dev.adagrad.optim.Optimizers.names()) {
            Cli.Result result = Cli.run("explain", "--f", "x^2", "--x0", "4", "--optimizer", optimizer, "--steps", "2");
            assertEquals(0, result.exitCode(), optimizer + ": " + result.err());
            List<List<String>> steps = steps(result.out());
            assertEquals(2, steps.size(), optimizer);
            for (List<String> step : steps) {
                String last = step.get(step.size() - 2);
                assertTrue(last.strip().startsWith("θₜ"), optimizer + ": the step ends with θₜ: " + last);
            }
        }
    }

    @Test
    void hyperparametersAndCompatWork() {
        // Adam with lr 0.1 and the first gradient 8: m = 0.8, v = 0.064, m̂ = 8, v̂ = 64, x = 4 − 0.1·8/(8 + 1e-8).
        String out = Cli.output(List.of("explain", "--f", "x^2", "--x0", "4", "--optimizer", "adam", "--lr", "0.1",
                "--steps", "1"));
        assertTrue(out.contains("= 0.9·0 + (1 − 0.9)·8 = 0.8\n"), out);
        assertTrue(out.contains("= 0.8 / (1 − 0.9¹) = 8\n"), out);
        assertTrue(out.contains("= 0.064 / (1 − 0.999¹) = 64\n"), out);
        assertTrue(out.contains("= 4 − 0.1·8 / (√64 + 1e-8) = 3.9\n"), out);

        String keras = Cli.output(List.of("explain", "--f", "x^2", "--x0", "4", "--optimizer", "adagrad", "--compat",
                "keras", "--steps", "1")).replaceAll(" {2,}", " ");
        // Keras: G₀ = 0.1, eps 1e-7 inside the root, lr 0.001: G = 0.1 + 64 = 64.1.
        assertTrue(keras.startsWith("adagrad as Keras does it on f = x^2 (lr 0.001,"), keras);
        assertTrue(keras.contains("= 0.1 + 8² = 64.1\n"), keras);
        assertTrue(keras.contains("η̂ ← γ / √(Gₜ + ε) = 0.001 / √(64.1 + 1e-7) ="), keras);
    }

    @Test
    void helpShowsAnExample() {
        Cli.Result result = Cli.run("explain", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("Example: adagrad explain --f \"x^2\" --x0 4 --lr 1 --steps 3"), result.out());
        assertTrue(result.out().contains("--steps=N"), result.out());
        assertTrue(result.out().contains("--beta1"), "the optimizers' options: " + result.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--optimizer|nope|unknown optimizer 'nope'",
            "--steps|101|explain narrates at most 100 steps (got 101)",
            "--steps|-1|the step count must be ≥ 0",
            "--format|csv|unknown option '--format'",
            "--tol|0.1|unknown option '--tol'",
            "--beta1|0.5|adagrad does not use --beta1",
    })
    void misuseIsAUsageError(String option, String value, String message) {
        Cli.Result result = Cli.run("explain", "--f", "x^2", "--x0", "4", option, value);
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertTrue(result.errLines()[0].startsWith("adagrad explain: "), result.err());
        assertTrue(result.err().contains(message), result.err());
        assertTrue(result.errLines().length <= 3, result.err());
    }

    @Test
    void aStepThatGoesNonFiniteIsShownAndExitsWithThree() {
        // SGD with lr 1e308: x₁ = 4 − 1e308·8 overflows to −∞.
        Cli.Result result = Cli.run("explain", "--f", "x^2", "--x0", "4", "--optimizer", "sgd", "--lr", "1e308");
        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.out().contains("Step 1 from θ₀: x = 4 (the step that went non-finite)"), result.out());
        assertTrue(result.out().contains("θₜ ← θₜ₋₁ − γ·gₜ = 4 − 1e308·8 = -∞"), result.out());
        assertEquals(1, result.errLines().length, result.err());
        assertTrue(result.err().startsWith("adagrad explain: step 1: x became non-finite"), result.err());
    }

    @Test
    void zeroStepsExplainsNothing() {
        String out = Cli.output(List.of("explain", "--f", "x^2", "--x0", "4", "--steps", "0"));
        assertEquals(0, steps(out).size());
        assertTrue(out.contains("After 0 steps: x = 4, f = 16"), out);
    }

    /** The lines of each step, from its "Step t" header to its f line, with runs of spaces made one. */
    private static List<List<String>> steps(String out) {
        List<List<String>> steps = new ArrayList<>();
        List<String> current = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("Step ")) {
                current = new ArrayList<>();
                steps.add(current);
            }
            if (current != null && !line.isBlank()) {
                current.add(line.strip().replaceAll(" {2,}", " "));
            }
            if (line.isBlank()) {
                current = null;
            }
        }
        return steps;
    }

    /** The header, then for each line its start (label, symbol, formula) and its end (the numbers). */
    private static void assertStep(List<String> step, String header, String... startsAndEnds) {
        assertEquals(header, step.get(0));
        assertEquals(startsAndEnds.length / 2, step.size() - 1, "lines of " + step);
        for (int i = 0; i < startsAndEnds.length; i += 2) {
            String line = step.get(1 + i / 2);
            assertTrue(line.startsWith(startsAndEnds[i]), "line " + (1 + i / 2) + " starts with " + startsAndEnds[i]
                    + ": " + line);
            assertTrue(line.endsWith(startsAndEnds[i + 1]), "line " + (1 + i / 2) + " ends with " + startsAndEnds[i + 1]
                    + ": " + line);
        }
    }

    @Test
    void withTheExactGradientTheGradientLineSaysSoAndTheStepsAreTheSeeds() {
        Cli.Result result = Cli.run("explain", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "2", "--grad",
                "exact");
        assertEquals(0, result.exitCode(), result.err());
        // d(x²)/dx at 4 and at 3 are exactly 8 and 6
        assertTrue(result.out().contains("= exact (reverse-mode differentiation) = 8\n"), result.out());
        assertTrue(result.out().contains("= exact (reverse-mode differentiation) = 6\n"), result.out());
        assertTrue(result.out().contains("= 3 − 0.1·6 = 2.4\n"), result.out());
    }
}
