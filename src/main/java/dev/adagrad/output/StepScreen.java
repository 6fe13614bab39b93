package dev.adagrad.output;

import dev.adagrad.optim.StateColumn;
import dev.adagrad.run.Landscape;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepRecord;
import dev.adagrad.run.StepThrough;
import dev.adagrad.run.StopReason;
import java.util.ArrayList;
import java.util.List;

/**
 * One screen of {@code adagrad step}, as lines of text no wider than the terminal: the title; for each optimizer its
 * row of the step shown (x, gradient, state, learning rate, update per variable); the narrated arithmetic of that step
 * as {@code explain} prints it; a bar per variable for its effective learning rate; the terminal picture (contours and
 * paths in 2-D, the curve in 1-D, f against step otherwise) with each optimizer's path so far in its colour; and the
 * status and key lines. A pure function of the view and the size, so tests read it like a screen.
 *
 * <p>Narrower than {@value #COMPACT_BELOW} columns the layout is compact: each variable's numbers on two short lines,
 * no picture below {@value #SMALLEST_PICTURE} columns. Every line is cut to the width (colour escapes take none), and
 * the arithmetic is cut short, with a note, before the picture shrinks below {@value #MIN_PICTURE_ROWS} rows.
 */
public final class StepScreen {

    /** Narrower terminals get the compact layout. */
    public static final int COMPACT_BELOW = 60;
    /** From this width the arithmetic and the picture stand side by side. */
    static final int SIDE_BY_SIDE = 120;
    static final int MIN_PICTURE_ROWS = 6;
    static final int SMALLEST_PICTURE = 30;
    private static final int DIGITS = 6;
    private static final int AXIS_LABEL = 9;
    private static final int[] BITS = {0x01, 0x02, 0x04, 0x40, 0x08, 0x10, 0x20, 0x80};
    private static final String RESET = "\u001b[0m";

    /** The key line under every screen. */
    public static final String KEYS = "space/→ next · ← back · N⏎ jump · r run · l lr · s save · p · ? help · q quit";
    static final String COMPACT_KEYS = "␣ next ← back r run l lr ? help q quit";

    /** The full help, shown in place of the arithmetic after {@code ?}. */
    public static final List<String> HELP = List.of(
            "Keys",
            "  space, →, n, Enter  next step (computed once, then read from the record)",
            "  ←, b, Backspace     the step before, from the record",
            "  12 then Enter       jump to step 12 (past the end: the last step)",
            "  r                   run to the end: --steps, or until ‖g‖ ≤ --tol",
            "  l                   learning rate from the next step on: 0.05, or adam=0.05;",
            "                      the steps so far are kept, later ones computed again",
            "  Tab                 narrate the next optimizer's arithmetic",
            "  p                   short terminal: the picture or the arithmetic",
            "  s                   save the rows so far as CSV, as run --format csv does",
            "  ?                   this help; any key closes it",
            "  q, Ctrl-D, Ctrl-C   quit, leaving the terminal as it was");

    /**
     * What a screen shows.
     *
     * @param run       the step-through, at the step shown
     * @param variables the variables' names
     * @param title     the objective as the title names it
     * @param landscape f for the picture
     * @param colour    whether to colour with ANSI escapes (never under NO_COLOR or without a terminal)
     * @param status    the status line: what the last key did, or a refusal ("" for none)
     * @param prompt    the line being typed after l, s or a digit (null when none is)
     * @param help      whether the full help is open
     * @param focus     the optimizer whose arithmetic is narrated
     * @param picture   whether the picture, rather than the arithmetic, gets the room when both do not fit
     */
    public record View(StepThrough run, List<String> variables, String title, Landscape landscape, boolean colour,
                       String status, String prompt, boolean help, int focus, boolean picture) {
    }

    private StepScreen() {
    }

    /** The screen's lines, each at most {@code width} columns, at most {@code height} of them. */
    public static List<String> render(View view, int width, int height) {
        boolean compact = width < COMPACT_BELOW;
        long t = view.run().current();
        List<String> top = new ArrayList<>();
        top.add(title(view, t, compact));
        List<StepThrough.Lane> lanes = view.run().lanes();
        for (int i = 0; i < lanes.size(); i++) {
            top.addAll(compact ? compactRows(view, i, t) : rows(view, i, t));
        }
        List<String> bars = bars(view, t, width, compact);
        List<String> bottom = new ArrayList<>();
        bottom.add(view.prompt() != null ? view.prompt() + "▏" : view.status());
        bottom.add(compact ? COMPACT_KEYS : KEYS);

        List<String> text = view.help() ? HELP : narration(view, t);
        int free = height - top.size() - bars.size() - bottom.size();
        List<String> middle = new ArrayList<>();
        boolean picture = width >= SMALLEST_PICTURE;
        if (!compact && width >= SIDE_BY_SIDE && picture) {
            int pictureWidth = Math.min(70, width / 2);
            int textWidth = width - pictureWidth - 2;
            int rows = Math.max(0, free - 1);
            int plotRows = rows - chartOverhead(view);
            List<String> chart = plotRows >= MIN_PICTURE_ROWS ? picture(view, t, pictureWidth, plotRows) : List.of();
            List<String> left = cut(text, Math.max(rows, chart.size()));
            middle.add("");
            for (int r = 0; r < Math.max(left.size(), chart.size()); r++) {
                String l = r < left.size() ? fit(left.get(r), textWidth) : "";
                String c = r < chart.size() ? chart.get(r) : "";
                middle.add(pad(l, textWidth) + "  " + c);
            }
        } else {
            int overhead = chartOverhead(view);
            int room = free - 2; // a blank line above the arithmetic and above the picture
            int textRows = Math.min(text.size(), room - overhead - MIN_PICTURE_ROWS);
            int plotRows = room - Math.max(textRows, 0) - overhead;
            if (!picture || room - overhead < MIN_PICTURE_ROWS) {
                textRows = Math.max(0, free - 1);
                plotRows = 0;
            } else if (textRows < text.size()) {
                // both do not fit: the one asked for (p) gets the room, the other a line saying so
                if (view.picture()) {
                    textRows = Math.min(text.size(), 1);
                    plotRows = room - textRows - overhead;
                } else {
                    textRows = Math.max(0, free - 2);
                    plotRows = 0;
                }
            }
            middle.add("");
            if (textRows < text.size()) {
                List<String> kept = new ArrayList<>(text.subList(0, Math.max(0, textRows - 1)));
                kept.add("… " + (text.size() - kept.size()) + " more lines: p shows " + (plotRows > 0
                        ? "them instead of the picture" : "the picture instead") + ", a taller terminal both");
                middle.addAll(textRows == 0 ? List.of() : kept);
            } else {
                middle.addAll(text);
                if (plotRows == 0 && picture && !view.help() && room - overhead >= MIN_PICTURE_ROWS) {
                    middle.add("(p shows the picture)");
                }
            }
            if (plotRows > 0) {
                middle.add("");
                middle.addAll(picture(view, t, width, plotRows));
            }
        }
        List<String> screen = new ArrayList<>(top);
        screen.addAll(middle);
        screen.addAll(bars);
        screen.addAll(bottom);
        List<String> lines = new ArrayList<>();
        for (String line : screen) {
            if (lines.size() < height) {
                lines.add(fit(line, width));
            }
        }
        return lines;
    }

    /** Lines the picture takes besides its plot rows (axis and labels). */
    private static int chartOverhead(View view) {
        return view.variables().size() <= 2 ? 2 : 4;
    }

    private static String title(View view, long t, boolean compact) {
        StepThrough run = view.run();
        String end = run.atEnd() ? " · the end" : "";
        if (compact) {
            return "step " + t + "/" + run.maxSteps() + end + " · f = " + view.title();
        }
        return "adagrad step · f = " + view.title() + " · step " + t + " of " + run.maxSteps() + end;
    }

    /** The lane's head line: its number in its colour, name, learning rate (and any change of it), f, how it ended. */
    private static String head(View view, int i, long t, boolean compact) {
        StepThrough.Lane lane = view.run().lanes().get(i);
        StepRecord row = lane.row(t);
        StringBuilder text = new StringBuilder();
        text.append(colour(view, i, (i + 1) + " " + lane.name()));
        text.append(compact ? " γ " : "  γ = ").append(number(lane.learningRate(Math.max(row.step(), 1))));
        List<StepThrough.RateChange> changes = lane.rateChanges();
        if (changes.size() > 1) {
            StepThrough.RateChange last = changes.get(changes.size() - 1);
            StepThrough.RateChange before = changes.get(changes.size() - 2);
            text.append(" (").append(number(before.rate())).append(" → ").append(number(last.rate()))
                    .append(" from step ").append(last.fromStep()).append(')');
        }
        text.append(compact ? " f " : "  f = ").append(number(row.f()));
        if (row.step() < t || lane.end() != null && t >= lane.recorded()) {
            text.append(compact ? " · " : "  · ").append(ending(lane));
        }
        return text.toString();
    }

    private static String ending(StepThrough.Lane lane) {
        RunResult end = lane.end();
        if (end == null) {
            return "at step " + lane.recorded();
        }
        return switch (end.reason()) {
            case TOLERANCE_REACHED -> "stopped after step " + end.steps() + ": ‖g‖ ≤ --tol";
            case NON_FINITE -> "stopped: step " + end.divergence().step() + " went non-finite";
            case INTERRUPTED -> "interrupted after step " + end.steps();
            case TIME_LIMIT -> "--max-seconds reached after step " + end.steps();
            default -> "ended after step " + end.steps();
        };
    }

    private static List<String> rows(View view, int i, long t) {
        StepThrough.Lane lane = view.run().lanes().get(i);
        StepRecord row = lane.row(t);
        List<StateColumn> state = lane.stateColumns();
        List<String> titles = new ArrayList<>();
        titles.add("var");
        titles.add("x");
        titles.add("gradient");
        for (StateColumn column : state) {
            titles.add(column.key());
        }
        titles.add("update");
        List<List<String>> cells = new ArrayList<>();
        cells.add(titles);
        for (int v = 0; v < view.variables().size(); v++) {
            List<String> line = new ArrayList<>();
            line.add(view.variables().get(v));
            line.add(number(row.x(v)));
            line.add(row.isStart() ? "" : number(row.gradient(v)));
            for (int c = 0; c < state.size(); c++) {
                line.add(row.isStart() ? "" : number(row.state(c, v)));
            }
            line.add(row.isStart() ? "" : number(row.update(v)));
            cells.add(line);
        }
        int[] widths = new int[titles.size()];
        for (List<String> line : cells) {
            for (int k = 0; k < line.size(); k++) {
                widths[k] = Math.max(widths[k], ExplainWriter.width(line.get(k)));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(head(view, i, t, false));
        for (List<String> line : cells) {
            StringBuilder text = new StringBuilder("  ");
            for (int k = 0; k < line.size(); k++) {
                text.append(pad(line.get(k), widths[k])).append(k + 1 < line.size() ? "  " : "");
            }
            lines.add(text.toString().stripTrailing());
        }
        return lines;
    }

    private static List<String> compactRows(View view, int i, long t) {
        StepThrough.Lane lane = view.run().lanes().get(i);
        StepRecord row = lane.row(t);
        List<StateColumn> state = lane.stateColumns();
        List<String> lines = new ArrayList<>();
        lines.add(head(view, i, t, true));
        for (int v = 0; v < view.variables().size(); v++) {
            String name = view.variables().get(v);
            lines.add(" " + name + " x " + number(row.x(v)) + (row.isStart() ? "" : " g " + number(row.gradient(v))
                    + " Δ " + number(row.update(v))));
            if (!row.isStart() && !state.isEmpty()) {
                StringBuilder text = new StringBuilder(" " + " ".repeat(ExplainWriter.width(name)));
                for (int c = 0; c < state.size(); c++) {
                    text.append(' ').append(state.get(c).key()).append(' ').append(number(row.state(c, v)));
                }
                lines.add(text.toString());
            }
        }
        return lines;
    }

    private static List<String> narration(View view, long t) {
        List<StepThrough.Lane> lanes = view.run().lanes();
        int focus = Math.floorMod(view.focus(), lanes.size());
        StepThrough.Lane lane = lanes.get(focus);
        List<String> lines = new ArrayList<>();
        if (lanes.size() > 1) {
            lines.add(colour(view, focus, (focus + 1) + " " + lane.name()) + "'s arithmetic (Tab: the next one's):");
        }
        StepRecord row = lane.row(t);
        if (row.isStart()) {
            StringBuilder start = new StringBuilder("Start θ₀: ");
            for (int v = 0; v < view.variables().size(); v++) {
                start.append(v == 0 ? "" : ", ").append(view.variables().get(v)).append(" = ")
                        .append(number(row.x(v)));
            }
            lines.add(start.append(", f(θ₀) = ").append(number(row.f())).toString());
            lines.add("The first step takes the gradient there; space shows it.");
        } else {
            lines.addAll(lane.narration(t).lines().toList());
        }
        if (lane.end() != null && t >= lane.recorded()) {
            if (lane.end().reason() == StopReason.NON_FINITE) {
                lines.add("");
                lines.addAll(lane.divergenceNarration().lines().toList());
            } else if (lane.end().reason() == StopReason.TOLERANCE_REACHED) {
                lines.add("");
                lines.add("The gradient norm at θ" + subscript(lane.recorded()) + " is " + number(lane.end()
                        .gradientNorm()) + ", within --tol: no more steps.");
            }
        }
        return lines;
    }

    /** The effective learning rate of each variable, on a log scale shared by every bar. */
    private static List<String> bars(View view, long t, int width, boolean compact) {
        List<StepThrough.Lane> lanes = view.run().lanes();
        int n = view.variables().size();
        if (n > 8 && !compact) {
            return List.of();
        }
        double[][] rates = new double[lanes.size()][n];
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int i = 0; i < lanes.size(); i++) {
            StepThrough.Lane lane = lanes.get(i);
            int column = rateColumn(lane);
            for (long s = 1; s <= Math.min(t, lane.recorded()); s++) {
                StepRecord row = lane.row(s);
                for (int v = 0; v < n; v++) {
                    double rate = column >= 0 ? row.state(column, v) : lane.learningRate(s);
                    if (s == Math.min(t, lane.recorded())) {
                        rates[i][v] = rate;
                    }
                    if (Double.isFinite(rate) && rate > 0) {
                        low = Math.min(low, rate); // the scale holds every rate so far, so it stays put
                        high = Math.max(high, rate);
                    }
                }
            }
            if (lane.row(t).isStart()) {
                java.util.Arrays.fill(rates[i], Double.NaN);
            }
        }
        if (!(high > 0)) {
            return List.of();
        }
        double lowDecade = Math.pow(10, Math.floor(Math.log10(low)));
        double highDecade = Math.pow(10, Math.ceil(Math.log10(high)));
        if (highDecade <= lowDecade) {
            highDecade = lowDecade * 10;
        }
        int label = 0;
        for (String name : view.variables()) {
            label = Math.max(label, ExplainWriter.width(name));
        }
        label += lanes.size() > 1 ? 2 : 0;
        int barWidth = Math.max(5, width - label - 2 - 13);
        List<String> lines = new ArrayList<>();
        lines.add(compact ? "effective lr (log)" : "effective learning rate per variable (log scale, "
                + number(lowDecade) + " … " + number(highDecade) + ")");
        for (int i = 0; i < lanes.size(); i++) {
            for (int v = 0; v < n; v++) {
                double rate = rates[i][v];
                String name = (lanes.size() > 1 ? (i + 1) + " " : "") + view.variables().get(v);
                double share = Double.isFinite(rate) && rate > 0
                        ? Math.log(rate / lowDecade) / Math.log(highDecade / lowDecade) : 0;
                String bar = bar(Math.max(0, Math.min(1, share)), barWidth);
                lines.add(pad(name, label) + " " + colour(view, i, bar) + " " + number(rate));
            }
        }
        return lines;
    }

    /** The index of the lane's effective learning rate among its state columns, or −1 (SGD's rate is γ). */
    private static int rateColumn(StepThrough.Lane lane) {
        List<StateColumn> state = lane.stateColumns();
        for (int c = 0; c < state.size(); c++) {
            if (state.get(c).key().equals("lr")) {
                return c;
            }
        }
        return -1;
    }

    /** A bar {@code share} of {@code width} long, in eighths of a cell, padded with a faint track. */
    private static String bar(double share, int width) {
        int eighths = (int) Math.round(share * width * 8);
        StringBuilder text = new StringBuilder();
        text.append("█".repeat(eighths / 8));
        if (eighths % 8 != 0) {
            text.append("▏▎▍▌▋▊▉".charAt(eighths % 8 - 1));
        }
        while (ExplainWriter.width(text.toString()) < width) {
            text.append(' ');
        }
        return text.toString();
    }

    private static List<String> picture(View view, long t, int width, int rows) {
        if (rows < 2) {
            return List.of();
        }
        return switch (view.variables().size()) {
            case 1 -> curve(view, t, width, rows);
            case 2 -> contours(view, t, width, rows);
            default -> fAgainstStep(view, t, width, rows);
        };
    }

    /** [lower, upper] of each coordinate over the paths so far, with a margin; never empty. */
    private static double[][] frame(View view, long t, int coordinates) {
        double[] lower = new double[coordinates];
        double[] upper = new double[coordinates];
        java.util.Arrays.fill(lower, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(upper, Double.NEGATIVE_INFINITY);
        for (StepThrough.Lane lane : view.run().lanes()) {
            for (long s = 0; s <= Math.min(t, lane.recorded()); s++) {
                StepRecord row = lane.row(s);
                for (int v = 0; v < coordinates; v++) {
                    lower[v] = Math.min(lower[v], row.x(v));
                    upper[v] = Math.max(upper[v], row.x(v));
                }
            }
        }
        for (StepThrough.Lane lane : view.run().lanes()) {
            StepRecord first = lane.row(0);
            StepRecord last = lane.row(t);
            for (int v = 0; v < coordinates; v++) {
                double ahead = 2 * last.x(v) - first.x(v); // as far again as it has come: where it is heading
                if (Double.isFinite(ahead)) {
                    lower[v] = Math.min(lower[v], ahead);
                    upper[v] = Math.max(upper[v], ahead);
                }
            }
        }
        for (int v = 0; v < coordinates; v++) {
            double span = upper[v] - lower[v];
            double margin = span > 0 ? span * 0.12 : Math.max(1, Math.abs(upper[v])) * 0.5;
            lower[v] -= margin;
            upper[v] += margin;
        }
        return new double[][] {lower, upper};
    }

    private static List<String> contours(View view, long t, int width, int rows) {
        int columns = width - AXIS_LABEL - 1;
        if (columns < 4 || rows < 2) {
            return List.of();
        }
        double[][] frame = frame(view, t, 2);
        double[] lower = frame[0];
        double[] upper = frame[1];
        double[] f = view.landscape().grid(lower, upper, columns, rows);
        int[] band = bands(f, 8);
        char[] cells = new char[columns * rows];
        int[] owner = new int[columns * rows];
        java.util.Arrays.fill(owner, -1);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int k = r * columns + c;
                // alternate bands are dotted: the stripes read as contour bands, lowest f blank
                cells[k] = band[k] % 2 == 1 ? '·' : ' ';
            }
        }
        int[] dots = new int[columns * rows];
        List<StepThrough.Lane> lanes = view.run().lanes();
        for (int i = 0; i < lanes.size(); i++) {
            StepThrough.Lane lane = lanes.get(i);
            int previousX = -1;
            int previousY = -1;
            for (long s = 0; s <= Math.min(t, lane.recorded()); s++) {
                StepRecord row = lane.row(s);
                int x = dot(row.x(0), lower[0], upper[0], 2 * columns, false);
                int y = dot(row.x(1), lower[1], upper[1], 4 * rows, true);
                if (previousX < 0) {
                    light(dots, owner, columns, rows, x, y, i);
                } else {
                    segment(dots, owner, columns, rows, previousX, previousY, x, y, i);
                }
                previousX = x;
                previousY = y;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String label = r == 0 ? number(upper[1], 3) : r == rows - 1 ? number(lower[1], 3)
                    : r == rows / 2 ? view.variables().get(1) : "";
            StringBuilder line = new StringBuilder(padLeft(label, AXIS_LABEL - 1)).append(label.isEmpty() ? " │" : " ┤");
            appendCells(view, line, r, columns, cells, dots, owner, currentCells(view, t, lower, upper, columns, rows));
            lines.add(line.toString());
        }
        lines.add(" ".repeat(AXIS_LABEL) + "└" + "─".repeat(columns));
        lines.add(axis(number(lower[0], 3), view.variables().get(0), number(upper[0], 3), columns));
        return lines;
    }

    /** The cell of each lane's point at step t: its number is drawn there. */
    private static int[] currentCells(View view, long t, double[] lower, double[] upper, int columns, int rows) {
        List<StepThrough.Lane> lanes = view.run().lanes();
        int[] cells = new int[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            StepRecord row = lanes.get(i).row(t);
            int x = dot(row.x(0), lower[0], upper[0], 2 * columns, false) / 2;
            int y = lower.length > 1 ? dot(row.x(1), lower[1], upper[1], 4 * rows, true) / 4 : -1;
            cells[i] = y < 0 ? x : y * columns + x;
        }
        return cells;
    }

    private static void appendCells(View view, StringBuilder line, int r, int columns, char[] cells, int[] dots,
                                    int[] owner, int[] current) {
        for (int c = 0; c < columns; c++) {
            int k = r * columns + c;
            int here = -1;
            for (int i = 0; i < current.length; i++) {
                if (current[i] == k) {
                    here = i;
                }
            }
            if (here >= 0) {
                line.append(colour(view, here, Integer.toString((here + 1) % 10)));
            } else if (dots[k] != 0) {
                line.append(colour(view, owner[k], String.valueOf((char) (0x2800 + dots[k]))));
            } else if (cells[k] != ' ' && view.colour()) {
                line.append("\u001b[2m").append(cells[k]).append(RESET);
            } else {
                line.append(cells[k]);
            }
        }
    }

    private static List<String> curve(View view, long t, int width, int rows) {
        int columns = width - AXIS_LABEL - 1;
        if (columns < 4 || rows < 2) {
            return List.of();
        }
        double[][] frame = frame(view, t, 1);
        double lower = frame[0][0];
        double upper = frame[1][0];
        double[] f = view.landscape().curve(lower, upper, 2 * columns);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : f) {
            if (Double.isFinite(value)) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        if (!(low < high)) {
            low = Double.isFinite(low) ? low - 1 : 0;
            high = low + 2;
        }
        int[] dots = new int[columns * rows];
        int[] owner = new int[columns * rows];
        java.util.Arrays.fill(owner, -1);
        int previousY = -1;
        int curveOwner = Integer.MIN_VALUE;
        for (int d = 0; d < f.length; d++) {
            if (!Double.isFinite(f[d])) {
                previousY = -1;
                continue;
            }
            int y = dot(f[d], low, high, 4 * rows, true);
            if (previousY < 0) {
                light(dots, owner, columns, rows, d, y, curveOwner);
            } else {
                segment(dots, owner, columns, rows, d - 1, previousY, d, y, curveOwner);
            }
            previousY = y;
        }
        char[] cells = new char[columns * rows];
        java.util.Arrays.fill(cells, ' ');
        int[] pathDots = new int[columns * rows];
        int[] pathOwner = new int[columns * rows];
        List<StepThrough.Lane> lanes = view.run().lanes();
        int[] current = new int[lanes.size()];
        for (int i = 0; i < lanes.size(); i++) {
            StepThrough.Lane lane = lanes.get(i);
            for (long s = 0; s <= Math.min(t, lane.recorded()); s++) {
                StepRecord row = lane.row(s);
                int x = dot(row.x(0), lower, upper, 2 * columns, false);
                int y = dot(row.f(), low, high, 4 * rows, true);
                light(pathDots, pathOwner, columns, rows, x, y, i);
            }
            StepRecord row = lane.row(t);
            current[i] = dot(row.f(), low, high, 4 * rows, true) / 4 * columns
                    + dot(row.x(0), lower, upper, 2 * columns, false) / 2;
        }
        for (int k = 0; k < dots.length; k++) {
            if (pathDots[k] != 0) {
                dots[k] = pathDots[k];
                owner[k] = pathOwner[k];
            } else if (dots[k] != 0) {
                cells[k] = (char) (0x2800 + dots[k]);
                dots[k] = 0;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            String label = r == 0 ? number(high, 3) : r == rows - 1 ? number(low, 3) : r == rows / 2 ? "f" : "";
            StringBuilder line = new StringBuilder(padLeft(label, AXIS_LABEL - 1)).append(label.isEmpty() ? " │" : " ┤");
            appendCells(view, line, r, columns, cells, dots, owner, current);
            lines.add(line.toString());
        }
        lines.add(" ".repeat(AXIS_LABEL) + "└" + "─".repeat(columns));
        lines.add(axis(number(lower, 3), view.variables().get(0), number(upper, 3), columns));
        return lines;
    }

    private static List<String> fAgainstStep(View view, long t, int width, int rows) {
        List<TerminalChart.Series> series = new ArrayList<>();
        List<StepThrough.Lane> lanes = view.run().lanes();
        for (StepThrough.Lane lane : lanes) {
            int count = (int) Math.min(t, lane.recorded()) + 1;
            double[] steps = new double[count];
            double[] f = new double[count];
            for (int s = 0; s < count; s++) {
                steps[s] = s;
                f[s] = lane.row(s).f();
            }
            series.add(new TerminalChart.Series(lane.name(), steps, f, false, Looks.ofOptimizer(lane.name())));
        }
        String chart = TerminalChart.render(series, new TerminalChart.Style(Math.max(40, width), rows,
                view.colour()));
        return chart.lines().toList();
    }

    /** Each value's band of {@code count} between the smallest and largest finite value (log when they span decades). */
    private static int[] bands(double[] f, int count) {
        boolean log = LogScale.spansDecades(f);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double value : f) {
            if (Double.isFinite(value) && (!log || value > 0)) {
                double v = log ? Math.log10(value) : value;
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        int[] band = new int[f.length];
        for (int k = 0; k < f.length; k++) {
            double value = f[k];
            if (!Double.isFinite(value) || !(high > low)) {
                band[k] = -1;
                continue;
            }
            double v = log ? Math.log10(Math.max(value, Double.MIN_NORMAL)) : value;
            band[k] = (int) Math.max(0, Math.min(count - 1, Math.floor((v - low) / (high - low) * count)));
        }
        return band;
    }

    /** The dot index of {@code value} across {@code dots} dots; counted from the top when {@code downwards}. */
    private static int dot(double value, double lower, double upper, int dots, boolean downwards) {
        double share = (value - lower) / (upper - lower);
        int index = (int) Math.floor(Math.max(0, Math.min(0.999999, share)) * dots);
        if (!Double.isFinite(share)) {
            index = 0;
        }
        return downwards ? dots - 1 - index : index;
    }

    /** Lights dot (x, y), y counted from the top. */
    private static void light(int[] dots, int[] owner, int columns, int rows, int x, int y, int who) {
        if (x < 0 || y < 0 || x >= 2 * columns || y >= 4 * rows) {
            return;
        }
        int cell = (y / 4) * columns + x / 2;
        dots[cell] |= BITS[(x % 2) * 4 + y % 4];
        owner[cell] = who;
    }

    /** Lights the dots of a straight segment (Bresenham). */
    private static void segment(int[] dots, int[] owner, int columns, int rows, int x0, int y0, int x1, int y1,
                                int who) {
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        int x = x0;
        int y = y0;
        while (true) {
            light(dots, owner, columns, rows, x, y, who);
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

    private static String axis(String low, String name, String high, int columns) {
        int gap = Math.max(1, columns - low.length() - name.length() - high.length());
        return " ".repeat(AXIS_LABEL + 1) + low + " ".repeat(gap / 2) + name + " ".repeat(gap - gap / 2) + high;
    }

    private static List<String> cut(List<String> lines, int rows) {
        if (lines.size() <= rows) {
            return lines;
        }
        if (rows <= 0) {
            return List.of();
        }
        List<String> kept = new ArrayList<>(lines.subList(0, rows - 1));
        kept.add("… " + (lines.size() - rows + 1) + " more lines (a taller terminal shows them)");
        return kept;
    }

    /** Text in lane {@code i}'s colour, when colours are on. */
    private static String colour(View view, int i, String text) {
        if (!view.colour() || i < 0) {
            return text;
        }
        List<StepThrough.Lane> lanes = view.run().lanes();
        Looks.Look look = Looks.of(lanes.stream().map(StepThrough.Lane::name).toList()).get(i);
        int rgb = look.rgb();
        String code = rgb == Looks.BLACK ? "1" : "38;2;" + ((rgb >> 16) & 0xff) + ";" + ((rgb >> 8) & 0xff) + ";"
                + (rgb & 0xff);
        return "\u001b[" + code + "m" + text + RESET;
    }

    public static String number(double value) {
        return number(value, DIGITS);
    }

    private static String number(double value, int digits) {
        return Double.isNaN(value) ? "—" : NumberText.significant(value, digits);
    }

    private static String subscript(long value) {
        String digits = Long.toString(value);
        StringBuilder text = new StringBuilder();
        for (char c : digits.toCharArray()) {
            text.append("₀₁₂₃₄₅₆₇₈₉".charAt(c - '0'));
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - visibleWidth(text)));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - visibleWidth(text))) + text;
    }

    /** Columns the text takes on screen: escapes and combining marks take none. */
    public static int visibleWidth(String text) {
        int width = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '\u001b') {
                i = skipEscape(text, i);
                continue;
            }
            int c = text.codePointAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                width++;
            }
            i += Character.charCount(c);
        }
        return width;
    }

    /** The text cut to {@code width} columns (an ellipsis marks the cut), escapes kept and closed. */
    public static String fit(String text, int width) {
        if (visibleWidth(text) <= width) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        boolean escaped = false;
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '\u001b') {
                int end = skipEscape(text, i);
                kept.append(text, i, end);
                escaped = true;
                i = end;
                continue;
            }
            int c = text.codePointAt(i);
            boolean mark = Character.getType(c) == Character.NON_SPACING_MARK;
            if (!mark && used == width - 1) {
                break;
            }
            kept.appendCodePoint(c);
            used += mark ? 0 : 1;
            i += Character.charCount(c);
        }
        kept.append(width > 0 ? "…" : "");
        if (escaped) {
            kept.append(RESET);
        }
        return kept.toString();
    }

    private static int skipEscape(String text, int i) {
        int j = i + 1;
        if (j < text.length() && text.charAt(j) == '[') {
            j++;
            while (j < text.length() && (text.charAt(j) < 0x40 || text.charAt(j) > 0x7e)) {
                j++;
            }
            return Math.min(text.length(), j + 1);
        }
        return Math.min(text.length(), j + 1);
    }
}
