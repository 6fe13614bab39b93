package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --chart}: which braille cells light up for known series, the scale, the legend, colour and width. */
class TerminalChartTest {

    private static final int ROWS = 8;

    /**
     * A style whose plot area is 2·ROWS cells wide, so it has 4·ROWS dot columns and 4·ROWS dot rows: a line from
     * the bottom-left corner to the top-right one lights dot (c, c) for every c.
     */
    private static TerminalChart.Style square() {
        int plotWidth = 2 * ROWS;
        TerminalChart.Style style = new TerminalChart.Style(plotWidth + 18, ROWS, false);
        assertEquals(plotWidth, style.plotWidth());
        return style;
    }

    /** The plot rows, each cut to the plot area: what follows the axis character. */
    private static List<String> plotRows(String chart, int width) {
        List<String> rows = new ArrayList<>();
        String[] lines = chart.split("\n");
        for (int r = 1; r <= ROWS; r++) {
            int axis = Math.max(lines[r].indexOf('┤'), lines[r].indexOf('│'));
            assertTrue(axis > 0, lines[r]);
            String rest = lines[r].substring(axis + 1);
            rows.add(rest.length() >= width ? rest.substring(0, width) : rest + " ".repeat(width - rest.length()));
        }
        return rows;
    }

    /** In the cell row j from the bottom, a diagonal lights exactly cell columns 2j and 2j+1. */
    private static void assertDiagonal(String chart) {
        List<String> rows = plotRows(chart, 2 * ROWS);
        for (int r = 0; r < ROWS; r++) {
            int j = ROWS - 1 - r;
            for (int c = 0; c < 2 * ROWS; c++) {
                boolean lit = rows.get(r).charAt(c) != ' ';
                assertEquals(c == 2 * j || c == 2 * j + 1, lit, "row " + r + " column " + c + ":\n" + chart);
            }
        }
        // The lower-left cell of the diagonal holds dots (0,0) and (1,1) counted from its bottom-left corner:
        // dot 7 (0x40) and dot 6 (0x20).
        assertEquals((char) (0x2800 + 0x40 + 0x20), rows.get(ROWS - 1).charAt(0), chart);
    }

    @Test
    void aStraightLineOnALinearScaleLightsTheDiagonal() {
        int n = 4 * ROWS; // steps 0..31 map one to one onto the 32 dot columns and the 32 dot rows
        double[] steps = new double[n];
        double[] f = new double[n];
        for (int t = 0; t < n; t++) {
            steps[t] = t;
            f[t] = 5 + 2 * t; // all positive, but 67/5 < 100: a linear scale
        }
        String chart = TerminalChart.render(List.of(new TerminalChart.Series("line", steps, f, false)), square());

        assertTrue(chart.startsWith("f against step\n"), chart);
        assertDiagonal(chart);
        String[] lines = chart.split("\n");
        assertTrue(lines[1].strip().startsWith("67 ┤"), lines[1]);
        assertTrue(lines[ROWS].strip().startsWith("5 ┤"), lines[ROWS]);
    }

    @Test
    void aGeometricSeriesOnALogScaleIsAStraightLine() {
        int n = 4 * ROWS;
        double[] steps = new double[n];
        double[] f = new double[n];
        for (int t = 0; t < n; t++) {
            steps[t] = t;
            f[t] = 1e3 * Math.pow(10, -6.0 * t / (n - 1)); // 1e3 down to 1e-3: six decades
        }
        String chart = TerminalChart.render(List.of(new TerminalChart.Series("geometric", steps, f, false)),
                square());

        assertTrue(chart.startsWith("f (log scale) against step\n"), chart);
        // Falling, so the diagonal runs from the top-left to the bottom-right: mirror the columns.
        List<String> rows = plotRows(chart, 2 * ROWS);
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < 2 * ROWS; c++) {
                boolean lit = rows.get(r).charAt(c) != ' ';
                assertEquals(c == 2 * r || c == 2 * r + 1, lit, "row " + r + " column " + c + ":\n" + chart);
            }
        }
        String[] lines = chart.split("\n");
        assertTrue(lines[1].strip().startsWith("1e+03 ┤"), lines[1]);
        assertTrue(lines[ROWS].strip().startsWith("0.001 ┤"), lines[ROWS]);
    }

    @Test
    void aNegativeValueKeepsTheScaleLinearAndZeroSitsOnTheBottomOfALogScale() {
        double[] steps = {0, 1, 2};
        String negative = TerminalChart.render(List.of(new TerminalChart.Series("a", steps,
                new double[] {1000, 1, -1}, false)), square());
        assertTrue(negative.startsWith("f against step\n"), negative);

        String zero = TerminalChart.render(List.of(new TerminalChart.Series("a", steps,
                new double[] {1000, 1, 0}, false)), square());
        assertTrue(zero.startsWith("f (log scale) against step\n"), zero);
        List<String> rows = plotRows(zero, 2 * ROWS);
        assertTrue(rows.get(ROWS - 1).charAt(2 * ROWS - 1) != ' ', "the last point, f = 0, on the bottom row:\n"
                + zero);
    }

    @Test
    void eachRunIsNumberedWhereItEndsAndNamedInTheLegend() {
        double[] steps = {0, 1, 2, 3};
        String chart = TerminalChart.render(List.of(
                new TerminalChart.Series("high", steps, new double[] {10, 10, 10, 10}, false),
                new TerminalChart.Series("low", steps, new double[] {10, 5, 2, 0}, false)), square());

        String[] lines = chart.split("\n");
        assertTrue(lines[1].endsWith(" 1"), "run 1 ends on the top row:\n" + chart);
        assertTrue(lines[ROWS].endsWith(" 2"), "run 2 ends on the bottom row:\n" + chart);
        assertTrue(lines[lines.length - 1].strip().equals("1 high   2 low"), lines[lines.length - 1]);
        assertFalse(chart.contains("\u001b["), "no colour unless asked");
    }

    @Test
    void aDivergedRunDoesNotSetTheScale() {
        double[] steps = {0, 1, 2, 3};
        String chart = TerminalChart.render(List.of(
                new TerminalChart.Series("blows up", steps, new double[] {4, 400, 4e10, 4e100}, true),
                new TerminalChart.Series("settles", steps, new double[] {4, 3, 2, 1}, false)), square());

        assertTrue(chart.startsWith("f against step\n"), chart);
        assertTrue(chart.split("\n")[1].strip().startsWith("4 ┤"), chart);
    }

    @Test
    void colourOnlyOnAConsoleWithoutNoColorAndWidthFromColumns() {
        assertEquals(new TerminalChart.Style(120, TerminalChart.DEFAULT_HEIGHT, true),
                TerminalChart.Style.of(Map.of("COLUMNS", "120"), true));
        assertEquals(new TerminalChart.Style(80, TerminalChart.DEFAULT_HEIGHT, false),
                TerminalChart.Style.of(Map.of("NO_COLOR", ""), true));
        assertEquals(new TerminalChart.Style(80, TerminalChart.DEFAULT_HEIGHT, false),
                TerminalChart.Style.of(Map.of("COLUMNS", "wide"), false));

        String coloured = TerminalChart.render(List.of(new TerminalChart.Series("a", new double[] {0, 1},
                new double[] {2, 1}, false)), new TerminalChart.Style(60, 6, true));
        assertTrue(coloured.contains("\u001b[31m"), coloured);

        // A run with its optimizer's look is drawn in the look's colour, 24-bit: Okabe and Ito's bluish green is
        // (0, 158, 115); black, unreadable on a dark terminal, is the terminal's own text colour.
        String looks = TerminalChart.render(List.of(
                new TerminalChart.Series("adagrad", new double[] {0, 1}, new double[] {2, 1}, false,
                        Looks.ofOptimizer("adagrad")),
                new TerminalChart.Series("adadelta", new double[] {0, 1}, new double[] {3, 1}, false,
                        Looks.ofOptimizer("adadelta"))), new TerminalChart.Style(60, 6, true));
        assertTrue(looks.contains("\u001b[38;2;0;158;115m1\u001b[0m adagrad"), looks);
        assertTrue(looks.contains("\u001b[39m2\u001b[0m adadelta"), looks);
        for (String line : coloured.split("\n")) {
            assertTrue(line.replaceAll("\u001b\\[[0-9;]*m", "").length() <= 60, line);
        }
    }
}
