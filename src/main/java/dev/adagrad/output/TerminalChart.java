package dev.adagrad.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code --chart}: f against step drawn in the terminal with braille characters (2×4 dots a character), one line per
 * run, each run's number written at the right of the row where it ends and explained in the legend below, so the
 * lines can be told apart without colour. Colour (ANSI) is added only when {@link Style#colour()} says so.
 *
 * <p>The scale is logarithmic when every f is ≥ 0 and the positive values span at least two decades (the largest is
 * 100 times the smallest); there an f of exactly 0 is drawn on the bottom edge, which is labelled with the smallest
 * positive f. Any negative f makes the scale linear.
 */
public final class TerminalChart {

    /** The widest chart drawn, whatever COLUMNS says. */
    static final int MAX_WIDTH = 500;

    /** Width when COLUMNS is unset or unreadable; narrower than this is refused in favour of it. */
    public static final int DEFAULT_WIDTH = 80;
    private static final int MIN_WIDTH = 40;
    public static final int DEFAULT_HEIGHT = 14;
    private static final int LABEL_WIDTH = 10;
    private static final int END_WIDTH = 6;
    private static final String[] ANSI = {"31", "34", "33", "32", "35", "36", "91", "94", "93", "92"};
    private static final int[] BITS = {0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80};

    /**
     * One line of the chart: a run's steps and f, its legend text, whether it diverged, and its optimizer's look (the
     * colour it has in the pictures too; null for none). The scale is set by the
     * runs that did not diverge (by all of them if every run did), so one run that blows up does not flatten the
     * others: its line is drawn until it leaves the chart.
     */
    public record Series(String label, double[] steps, double[] f, boolean diverged, Looks.Look look) {

        /** A line with no look of its own: it is coloured by its place in the chart. */
        public Series(String label, double[] steps, double[] f, boolean diverged) {
            this(label, steps, f, diverged, null);
        }
    }

    /**
     * How the chart is laid out.
     *
     * @param width  the terminal's width in characters (the chart fills it)
     * @param height rows of plot
     * @param colour whether to colour each run's line with ANSI escapes
     */
    public record Style(int width, int height, boolean colour) {

        /**
         * The style for this terminal: COLUMNS wide (80 if unset or not a number, at least 40, at most 500: wider
         * than any screen is a mistake, and would only make the chart slow to draw), colour only when
         * standard output is a console and NO_COLOR is unset (https://no-color.org).
         */
        public static Style of(Map<String, String> environment, boolean console) {
            int width = DEFAULT_WIDTH;
            String columns = environment.get("COLUMNS");
            if (columns != null) {
                try {
                    width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Integer.parseInt(columns.strip())));
                } catch (NumberFormatException e) {
                    width = DEFAULT_WIDTH;
                }
            }
            return new Style(width, DEFAULT_HEIGHT, console && !environment.containsKey("NO_COLOR"));
        }

        /** Braille cells across the plot area. */
        public int plotWidth() {
            return Math.max(1, width - LABEL_WIDTH - 2 - END_WIDTH);
        }
    }

    private TerminalChart() {
    }

    /** The chart as lines of text, each ending in a newline. */
    public static String render(List<Series> series, Style style) {
        int columns = style.plotWidth();
        int rows = style.height();
        int dotColumns = 2 * columns;
        int dotRows = 4 * rows;
        List<Series> scaling = series.stream().filter(s -> !s.diverged()).toList();
        if (scaling.isEmpty()) {
            scaling = series;
        }
        boolean log = spansDecades(scaling);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double lastStep = 0;
        for (Series s : series) {
            for (int k = 0; k < s.f().length; k++) {
                double value = s.f()[k];
                if (scaling.contains(s) && Double.isFinite(value) && (!log || value > 0)) {
                    low = Math.min(low, scaled(value, log));
                    high = Math.max(high, scaled(value, log));
                }
                lastStep = Math.max(lastStep, s.steps()[k]);
            }
        }
        if (!(low <= high)) {
            low = 0;
            high = 1;
        } else if (low == high) {
            double half = log ? 1 : Math.max(1, Math.abs(low)) / 2;
            low -= half;
            high += half;
        }
        int[] dots = new int[rows * columns];
        int[] owner = new int[rows * columns];
        List<List<Integer>> endsByRow = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            endsByRow.add(new ArrayList<>());
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            int previousColumn = -1;
            int previousRow = -1;
            boolean previousOutside = false;
            int endRow = -1;
            for (int k = 0; k < s.f().length; k++) {
                double value = s.f()[k];
                if (!Double.isFinite(value)) {
                    continue;
                }
                double y = log && value <= 0 ? low : scaled(value, log);
                int column = (int) Math.round(lastStep == 0 ? 0 : s.steps()[k] / lastStep * (dotColumns - 1));
                double exact = (y - low) / (high - low) * (dotRows - 1);
                int row = (int) Math.round(Math.max(-1, Math.min(dotRows, exact)));
                boolean outside = row < 0 || row >= dotRows;
                row = Math.max(0, Math.min(dotRows - 1, row));
                if (previousColumn < 0) {
                    set(dots, owner, columns, rows, column, row, i);
                } else if (!(outside && previousOutside)) { // a line that stays off the chart is not drawn
                    line(dots, owner, columns, rows, previousColumn, previousRow, column, row, i);
                }
                previousColumn = column;
                previousRow = row;
                previousOutside = outside;
                endRow = outside ? -1 : row;
            }
            if (endRow >= 0) {
                endsByRow.get(rows - 1 - endRow / 4).add(i + 1);
            }
        }

        StringBuilder out = new StringBuilder();
        out.append(log ? "f (log scale) against step" : "f against step").append('\n');
        for (int r = 0; r < rows; r++) {
            String label = "";
            if (r == 0) {
                label = number(high, log);
            } else if (r == rows - 1) {
                label = number(low, log);
            } else if (r == rows / 2) {
                label = number(low + (high - low) * (rows - 1 - r + 0.5) / rows, log);
            }
            out.append(pad(label, LABEL_WIDTH)).append(' ').append(label.isEmpty() ? '│' : '┤');
            int current = -1;
            for (int c = 0; c < columns; c++) {
                int cell = r * columns + c;
                int colour = dots[cell] == 0 ? -1 : owner[cell];
                if (style.colour() && colour != current) {
                    out.append(colour < 0 ? "\u001b[0m" : "\u001b[" + ansi(series, colour) + "m");
                    current = colour;
                }
                out.append(dots[cell] == 0 ? ' ' : (char) (0x2800 + dots[cell]));
            }
            if (style.colour() && current >= 0) {
                out.append("\u001b[0m");
            }
            out.append(ends(series, endsByRow.get(r), style.colour())).append('\n');
        }
        out.append(" ".repeat(LABEL_WIDTH + 1)).append('└').append("─".repeat(columns)).append('\n');
        String first = "0";
        String last = NumberText.significant(lastStep, 6);
        String middle = "step";
        int gap = Math.max(1, columns - first.length() - last.length() - middle.length());
        out.append(" ".repeat(LABEL_WIDTH + 2)).append(first).append(" ".repeat(gap / 2)).append(middle)
                .append(" ".repeat(gap - gap / 2)).append(last).append('\n');
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < series.size(); i++) {
            String item = colourText(Integer.toString(i + 1), ansi(series, i), style.colour()) + " "
                    + series.get(i).label();
            legend.append(i == 0 ? "" : "   ").append(item);
        }
        out.append(" ".repeat(LABEL_WIDTH + 2)).append(legend).append('\n');
        return out.toString();
    }

    /**
     * The escape's colour of line {@code i}: its look's colour in 24-bit colour (black, unreadable on a dark terminal,
     * as the terminal's own text colour), or an ANSI colour by its place when it has no look.
     */
    static String ansi(List<Series> series, int i) {
        Looks.Look look = series.get(i).look();
        if (look == null) {
            return ANSI[i % ANSI.length];
        }
        int rgb = look.rgb();
        return rgb == Looks.BLACK ? "39"
                : "38;2;" + ((rgb >> 16) & 0xff) + ";" + ((rgb >> 8) & 0xff) + ";" + (rgb & 0xff);
    }

    private static String ends(List<Series> series, List<Integer> runs, boolean colour) {
        if (runs.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" ");
        int width = 1;
        for (int k = 0; k < runs.size(); k++) {
            String number = Integer.toString(runs.get(k));
            String separator = k == 0 ? "" : ",";
            if (width + separator.length() + number.length() > END_WIDTH) {
                text.append('…');
                break;
            }
            text.append(separator).append(colourText(number, ansi(series, runs.get(k) - 1), colour));
            width += separator.length() + number.length();
        }
        return text.toString();
    }

    private static String colourText(String text, String ansi, boolean colour) {
        return colour ? "\u001b[" + ansi + "m" + text + "\u001b[0m" : text;
    }

    private static boolean spansDecades(List<Series> series) {
        return LogScale.spansDecades(series.stream().map(Series::f).toArray(double[][]::new));
    }

    private static double scaled(double value, boolean log) {
        return log ? Math.log10(value) : value;
    }

    private static String number(double value, boolean log) {
        return NumberText.significant(log ? Math.pow(10, value) : value, 3);
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** Lights dot (column, row), row 0 at the bottom. */
    private static void set(int[] dots, int[] owner, int columns, int rows, int column, int row, int series) {
        int cellColumn = column / 2;
        int cellRow = rows - 1 - row / 4;
        int dotX = column % 2;
        int dotY = 3 - row % 4;
        int cell = cellRow * columns + cellColumn;
        dots[cell] |= BITS[dotX * 4 + dotY];
        owner[cell] = series;
    }

    /** Lights the dots of a straight segment (Bresenham). */
    private static void line(int[] dots, int[] owner, int columns, int rows, int x0, int y0, int x1, int y1,
                             int series) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        int x = x0;
        int y = y0;
        while (true) {
            set(dots, owner, columns, rows, x, y, series);
            if (x == x1 && y == y1) {
                return;
            }
            int twice = 2 * error;
            if (twice >= dy) {
                error += dy;
                x += sx;
            }
            if (twice <= dx) {
                error += dx;
                y += sy;
            }
        }
    }
}
