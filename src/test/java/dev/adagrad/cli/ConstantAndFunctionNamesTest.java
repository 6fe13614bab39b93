package dev.adagrad.cli;

import static dev.adagrad.cli.BadInputTest.assertShortMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Names that mean something already (README, Expressions): a constant (e, pi, π, φ) is a variable exactly when
 * {@code --x0} gives it a value by name; a function's name (sin, exp, max, sigmoid, …) is never a variable, even when
 * {@code --x0} names it, and is refused with the character where it stands.
 */
class ConstantAndFunctionNamesTest {

    private static CsvTable csv(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("run", "--format", "csv"));
        all.addAll(List.of(args));
        return new CsvTable(Cli.output(all));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e", "pi", "π", "φ"})
    void aConstantNamedInX0IsAVariable(String name) {
        // f = c² from c = 1: g₁ = 2, G₁ = 4, x₁ = 1 − 0.01·2/(√4 + 1e-10) ≈ 0.99, f₁ ≈ 0.9801
        CsvTable table = csv("--f", name + "^2", "--x0", name + "=1", "--steps", "1");
        assertEquals(List.of("step", "f", name, "grad_" + name, "G_" + name, "lr_" + name, "update_" + name),
                table.header());
        assertEquals(1.0, table.number(0, "f"), 0);
        assertEquals(2.0, table.number(1, "grad_" + name), 1e-9);
        assertEquals(0.99, table.number(1, name), 1e-9);
        assertEquals(0.9801, table.number(1, "f"), 1e-9);
    }

    @Test
    void aConstantNotNamedInX0StaysAConstant() {
        // f = e·x at x = 2: f = 2e = 5.43656365691809…, ∂f/∂x = e everywhere (e = 2.718281828459045)
        CsvTable table = csv("--f", "e*x", "--x0", "2", "--steps", "1");
        assertEquals(List.of("step", "f", "x", "grad_x", "G_x", "lr_x", "update_x"), table.header());
        assertEquals(2 * Math.E, table.number(0, "f"), 1e-15);
        assertEquals(Math.E, table.number(1, "grad_x"), 1e-9);
    }

    @Test
    void everyOccurrenceOfANamedConstantIsTheVariableAndTheOthersStay() {
        // f = e·e + π with e a variable from 3: f = 9 + π, ∂f/∂e = 2e = 6 (exactly, with --grad exact)
        CsvTable table = csv("--f", "e*e+π", "--x0", "e=3", "--grad", "exact", "--steps", "1");
        assertEquals(9 + Math.PI, table.number(0, "f"), 1e-15);
        assertEquals(6.0, table.number(1, "grad_e"), 0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "sin^2; sin=1; sin; 1",
            "sin^2; 1; sin; 1",
            "exp*2; exp=1; exp; 1",
            "max^2; max=1; max; 1",
            "x+sigmoid; x=1,sigmoid=2; sigmoid; 3",
            "sin(sin); sin=1; sin; 5"})
    void aFunctionNameIsNeverAVariable(String expression, String start, String function, int character) {
        Cli.Result result = Cli.run("run", "--f", expression, "--x0", start);
        assertEquals(2, result.exitCode(), result.out());
        assertShortMessage(result, "'" + function + "' is a function: call it as " + function
                + "(...) (character " + character + " of --f)");
    }

    @Test
    void aConstantCalledLikeAFunctionIsAnUnknownFunction() {
        Cli.Result result = Cli.run("run", "--f", "e(2)+x", "--x0", "1");
        assertEquals(2, result.exitCode());
        assertShortMessage(result, "unknown function 'e' (character 1 of --f)");
    }
}
