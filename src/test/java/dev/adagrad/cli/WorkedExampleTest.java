package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The first acceptance test: {@code adagrad run --f "x^2" --x0 4 --lr 1 --steps 10} prints the table of seed 000,
 * section 5.
 */
class WorkedExampleTest {

    /**
     * The rows printed by the seed's own Python program (section 5: f'(x) = 2x, x = 4, eta = 1, epsilon = 1e-8, its
     * format {@code {x:7.4f} | {g:8.4f} | {G:8.4f} | {adjusted_eta:13.6f} | {update:7.4f}}), run with numpy. Steps 1–3
     * are also the seed's manual calculation: G = 64, 100, 123.04; learning rate 0.125, 0.1, ≈0.090; x = 3, 2.4, ≈1.968.
     */
    private static final String[][] SEED_ROWS = {
            {"1", "3.0000", "8.0000", "64.0000", "0.125000", "1.0000"},
            {"2", "2.4000", "6.0000", "100.0000", "0.100000", "0.6000"},
            {"3", "1.9673", "4.8000", "123.0400", "0.090152", "0.4327"},
            {"4", "1.6330", "3.9345", "138.5206", "0.084966", "0.3343"},
            {"5", "1.3656", "3.2659", "149.1869", "0.081872", "0.2674"},
            {"6", "1.1474", "2.7312", "156.6462", "0.079899", "0.2182"},
            {"7", "0.9670", "2.2947", "161.9120", "0.078589", "0.1803"},
            {"8", "0.8168", "1.9340", "165.6525", "0.077696", "0.1503"},
            {"9", "0.6908", "1.6335", "168.3209", "0.077078", "0.1259"},
            {"10", "0.5849", "1.3817", "170.2299", "0.076645", "0.1059"},
    };

    /**
     * f(xₜ) = xₜ² to 4 decimals, with xₜ from the seed's recursion worked here (g = 2x, G += g², x −= g/(√G + 1e-10)),
     * not from the program.
     */
    private static String[] fColumn() {
        String[] f = new String[SEED_ROWS.length + 1];
        double x = 4;
        double sum = 0;
        f[0] = "16.0000";
        for (int t = 1; t <= SEED_ROWS.length; t++) {
            double g = 2 * x;
            sum += g * g;
            x -= g / (Math.sqrt(sum) + 1e-10);
            f[t] = new BigDecimal(x * x).setScale(4, RoundingMode.HALF_UP).toPlainString();
        }
        return f;
    }

    @Test
    void wideShowsTheSeedsTenRowsToFourDecimalsWithFAndTheStart() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10", "--wide");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err());
        String[] lines = result.outLines();
        assertEquals(List.of("Step", "f", "x", "Gradient", "G", "Learning Rate", "Update"), cells(lines[0]));
        assertTrue(lines[1].matches("-+"), "a rule under the header");
        String[] f = fColumn();
        assertEquals(List.of("0", "16.0000", "4.0000"), cells(lines[2]), "row 0: x₀ = 4, f = 16, nothing else");
        for (int row = 0; row < SEED_ROWS.length; row++) {
            List<String> expected = new ArrayList<>(Arrays.asList(SEED_ROWS[row]));
            expected.add(1, f[row + 1]);
            assertEquals(expected, cells(lines[3 + row]), "row " + (row + 1));
        }
        assertEquals(3 + SEED_ROWS.length + 1, lines.length, "header, rule, row 0, 10 rows and one summary line");
        assertTrue(lines[lines.length - 1].startsWith("Done: 10 steps"), lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].contains("x = 0.58494"), lines[lines.length - 1]);
    }

    /**
     * At 80 columns the seven columns fit narrow (4 + 5·(3 + 9) + (3 + 13) = 80): every digit of the seed's rows,
     * the update included (step 1: x = 4 − 0.125·8 = 3), and no note on stderr.
     */
    @Test
    void eightyColumnsShowEveryColumnAndEveryDigitWithoutANote() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10");

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.err(), "nothing left out, so nothing to say");
        String[] lines = result.outLines();
        assertEquals(List.of("Step", "f", "x", "Gradient", "G", "Learning Rate", "Update"), cells(lines[0]));
        String[] f = fColumn();
        assertEquals(List.of("0", "16.0000", "4.0000"), cells(lines[2]));
        for (int row = 0; row < SEED_ROWS.length; row++) {
            List<String> expected = new ArrayList<>(Arrays.asList(SEED_ROWS[row]));
            expected.add(1, f[row + 1]);
            assertEquals(expected, cells(lines[3 + row]), "row " + (row + 1));
            assertEquals(80, lines[3 + row].length(), lines[3 + row]);
        }
    }

    @Test
    void columnsAreAligned() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "4", "--lr", "1", "--steps", "10", "--wide");

        String[] lines = result.outLines();
        for (int row = 3; row < 13; row++) {
            assertEquals(lines[3].length(), lines[row].length(), "every row has the same width");
            assertEquals(positionsOfBars(lines[3]), positionsOfBars(lines[row]));
        }
        assertEquals(positionsOfBars(lines[3]).subList(0, 2), positionsOfBars(lines[2]), "row 0's bars too");
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.split("\\|")).map(String::strip).toList();
    }

    private static List<Integer> positionsOfBars(String line) {
        return IntStream.range(0, line.length()).filter(i -> line.charAt(i) == '|').boxed().toList();
    }
}
