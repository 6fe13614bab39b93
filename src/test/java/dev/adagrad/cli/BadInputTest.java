package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets its exit code and a short message that names the problem, never a stack trace. */
class BadInputTest {

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                bad("unknown option, its value left out", "adagrad run: unknown option '--zzqq'\n", "--zzqq", "1"),
                bad("Keras's name for the rate", "adagrad run: unknown option '--learning-rate' (did you mean --lr?)\n",
                        "--learning-rate", "1"),
                bad("Keras's name, as Keras spells it", "unknown option '--learning_rate' (did you mean --lr?)",
                        "--learning_rate", "1"),
                bad("unknown option, a typo", "unknown option '--stpes' (did you mean --steps?)\n", "--stpes", "10"),
                bad("unknown option, a typo past its first letters", "unknown option '--xo' (did you mean --x0?)\n",
                        "--xo", "4"),
                bad("Keras's name for eps", "unknown option '--epsilon' (did you mean --eps?)\n", "--epsilon", "1"),
                bad("stray word", "adagrad run: unexpected argument 'extra': each value follows its option", "extra"),
                bad("repeated option", "option '--x0' (VALUES) should be specified only once", "--x0", "1"),
                bad("bad number", "'abc' is not a number", "--lr", "abc"),
                bad("hex number", "'0x10' is not a number", "--lr", "0x10"),
                bad("NaN", "'NaN' is not a number", "--lr", "NaN"),
                bad("Infinity", "'Infinity' is not a number", "--eps", "Infinity"),
                bad("overflowing number", "'1e400' is too large for a double", "--lr", "1e400"),
                bad("underflowing number", "'1e-400' is too small for a double (it would be 0)", "--lr", "1e-400"),
                bad("zero learning rate", "adagrad run: --lr must be > 0 (got 0)", "--lr", "0"),
                bad("negative learning rate", "adagrad run: --lr must be > 0 (got -1)", "--lr", "-1"),
                bad("negative eps", "adagrad run: --eps must be ≥ 0 (got -1e-8)", "--eps", "-1e-8"),
                bad("negative lr decay", "adagrad run: --lr-decay must be ≥ 0 (got -0.1)", "--lr-decay", "-0.1"),
                bad("negative weight decay", "adagrad run: --weight-decay must be ≥ 0 (got -1)", "--weight-decay",
                        "-1"),
                bad("negative accumulator", "adagrad run: --initial-accumulator-value must be ≥ 0 (got -1)",
                        "--initial-accumulator-value", "-1"),
                bad("negative steps", "'-1' is negative", "--steps", "-1"),
                bad("fractional steps", "'2.5' is not a whole number", "--steps", "2.5"),
                bad("too many steps", "above the limit of 1000000000 steps", "--steps", "2e9"),
                bad("exponent past BigDecimal's range", "'1e-9999999999' is not a whole number of steps", "--steps",
                        "1e-9999999999"),
                bad("negative tolerance", "adagrad run: --tol must be ≥ 0 (got -1)", "--tol", "-1"),
                bad("zero h", "adagrad run: --h must be > 0 (got 0)", "--h", "0"),
                bad("zero time limit", "adagrad run: --max-seconds must be > 0 (got 0)", "--max-seconds", "0"),
                bad("unknown format", "expected one of [table, csv, jsonl]", "--format", "xml"),
                bad("unknown optimizer", "adagrad run: unknown optimizer 'adagard' (did you mean adagrad?)\n",
                        "--optimizer", "adagard"),
                bad("unknown optimizer, nothing near", "unknown optimizer 'sophia' (known: "
                        + String.join(", ", dev.adagrad.optim.Optimizers.names()) + ")\n", "--optimizer", "sophia"),
                bad("missing option value", "adagrad run: missing required parameter for option '--lr'", "--lr"));
    }

    private static Arguments bad(String what, String message, String... extraArgs) {
        return Arguments.of(what, message, extraArgs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("usageErrors")
    void usageErrorsExitWithTwo(String what, String expectedMessage, String[] extraArgs) {
        List<String> args = new ArrayList<>(List.of("run", "--f", "x^2", "--x0", "4", "--steps", "3"));
        args.addAll(List.of(extraArgs));

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertEquals(2, result.exitCode(), what + ": " + result.err());
        assertShortMessage(result, expectedMessage);
        assertTrue(result.err().contains("Try 'adagrad run --help'"), result.err());
        assertEquals("", result.out(), "nothing on stdout for a usage error");
    }

    static Stream<Arguments> startPointErrors() {
        return Stream.of(
                Arguments.of("w^2+b^2", "w=1", "--x0 gives no start value for b"),
                Arguments.of("w^2+b^2", "w=1,b=2,c=3", "--x0 names 'c', which is not a variable"),
                Arguments.of("w^2+b^2", "1", "--x0 has 1 value but the expression has 2 variables (w, b)"),
                Arguments.of("w^2+b^2", "1,2,3", "--x0 has 3 values but the expression has 2 variables"),
                Arguments.of("w^2+b^2", "w=1,2", "--x0 mixes named and positional values"),
                Arguments.of("w^2+b^2", "w=1,w=2,b=1", "--x0 gives w twice"),
                Arguments.of("x^2", "x=abc", "--x0: 'abc' is not a number"),
                Arguments.of("x^2", "1e400", "--x0: '1e400' is too large for a double"),
                Arguments.of("x^2", "NaN", "--x0: 'NaN' is not a number"),
                Arguments.of("x^2", "-Infinity", "--x0: '-Infinity' is not a number"),
                Arguments.of("x^2", "", "--x0: '' is not a number"),
                Arguments.of("3+4", "1", "the expression has no variables"),
                Arguments.of("e^2", "1", "e is a constant; to optimize one, name it: --x0 e=1"));
    }

    @ParameterizedTest(name = "--f {0} --x0 {1}")
    @MethodSource("startPointErrors")
    void badStartPointsAreUsageErrors(String expression, String startPoint, String expectedMessage) {
        Cli.Result result = Cli.run("run", "--f", expression, "--x0", startPoint);

        assertEquals(2, result.exitCode(), result.err());
        assertShortMessage(result, expectedMessage);
    }

    @Test
    void missingStartPointNamesTheVariables() {
        Cli.Result result = Cli.run("run", "--f", "w^2+10*b^2");

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "missing --x0: give a start value for each variable, e.g. --x0 w=1,b=1");
    }

    @Test
    void missingExpression() {
        Cli.Result result = Cli.run("run", "--x0", "1");

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "adagrad run: missing required option: '--f=EXPR'");
    }

    @Test
    void emptyExpression() {
        Cli.Result result = Cli.run("run", "--f", "  ", "--x0", "1");

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "--f is empty");
    }

    static Stream<Arguments> malformedExpressions() {
        return Stream.of(
                Arguments.of("x + foo(2)", "unknown function 'foo' (character 5 of --f)", 4),
                Arguments.of("2 x", "missing operator", 2),
                Arguments.of("2x", "missing operator", 1),
                Arguments.of("x**2", "'**' is not an operator", 1),
                Arguments.of("* x", "'*' needs a number, variable or ')' before it", 0),
                Arguments.of("(x+1", "'(' is never closed", 0),
                Arguments.of("x+1)", "')' has no matching opening bracket", 3),
                Arguments.of("x+", "(at the end of --f)", 2),
                Arguments.of("max(x)", "max takes 2 arguments but is given 1", 0),
                Arguments.of("sin + x", "'sin' is a function", 0),
                Arguments.of("x ! 2", "unexpected character '!'", 2),
                Arguments.of("x^2 + 1.2.3", "malformed number '1.2.3'", 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedExpressions")
    void malformedExpressionsPointAtTheCharacter(String expression, String expectedMessage, int position) {
        Cli.Result result = Cli.run("run", "--f", expression, "--x0", "1");

        assertEquals(2, result.exitCode(), result.err());
        assertShortMessage(result, expectedMessage);
        String[] lines = result.errLines();
        assertEquals(3, lines.length, "problem, expression, caret");
        assertEquals("  " + expression, lines[1]);
        assertEquals(" ".repeat(2 + position) + "^", lines[2]);
    }

    @Test
    void longExpressionsAreShownAsAWindowWithTheCaretStillInPlace() {
        String expression = "x + ".repeat(40) + "foo(x)" + " + x".repeat(40);
        Cli.Result result = Cli.run("run", "--f", expression, "--x0", "1");

        assertEquals(2, result.exitCode());
        String[] lines = result.errLines();
        assertEquals(3, lines.length);
        int caret = lines[2].indexOf('^');
        assertEquals("foo", lines[1].substring(caret, caret + 3), lines[1] + "\n" + lines[2]);
        assertTrue(lines[1].length() < 80, "the window keeps the line short");
    }

    @Test
    void anExpressionAboveTheLengthLimitIsRefusedWithTheLimit() {
        String deep = "(".repeat(60_000) + "x" + ")".repeat(59_999);
        Cli.Result result = Cli.run("run", "--f", deep, "--x0", "1");

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "the expression is 120000 characters long, above the limit of 100000");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedWhereItHappens() {
        String deep = "(".repeat(101) + "x" + ")".repeat(101);
        Cli.Result result = Cli.run("run", "--f", deep, "--x0", "1");

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "brackets nested more than 100 deep, the limit (character 101 of --f)");
    }

    @Test
    void nestingUpToTheLimitRuns() {
        String deep = "sqrt(".repeat(50) + "(".repeat(50) + "x^2" + ")".repeat(100);
        Cli.Result result = Cli.run("run", "--f", deep, "--x0", "4", "--lr", "1", "--steps", "1", "--format", "csv");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().lines().count() == 3, result.out());
    }

    @Test
    void moreVariablesThanTheLimitAreRefused() {
        StringBuilder sum = new StringBuilder("v0");
        for (int i = 1; i <= 10_000; i++) {
            sum.append("+v").append(i);
        }
        Cli.Result result = Cli.run("run", "--f", sum.toString(), "--x0", "1");

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "more than 10000 different names, the limit for variables");
    }

    @Test
    void outputToADirectoryIsAUsageError(@TempDir Path directory) {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--output", directory.toString());

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "is a directory");
    }

    @Test
    void outputIntoAMissingDirectoryIsARuntimeError(@TempDir Path directory) {
        Path file = directory.resolve("missing").resolve("out.csv");
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--output", file.toString());

        assertEquals(1, result.exitCode());
        assertShortMessage(result, "cannot write the output");
        assertFalse(Files.exists(file));
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "name a command");
    }

    @Test
    void unknownCommandIsAUsageError() {
        Cli.Result result = Cli.run("runn", "--f", "x^2");

        assertEquals(2, result.exitCode());
        assertShortMessage(result, "no command named 'runn' (did you mean run?)");
    }

    static void assertShortMessage(Cli.Result result, String expectedFragment) {
        assertTrue(result.err().contains(expectedFragment),
                "stderr should contain «" + expectedFragment + "» but was:\n" + result.err());
        assertTrue(result.errLines().length <= 3, "at most three lines:\n" + result.err());
        assertFalse(result.err().contains("\tat "), "no stack trace:\n" + result.err());
        assertFalse(result.err().contains("Exception"), "no exception names:\n" + result.err());
    }
}
