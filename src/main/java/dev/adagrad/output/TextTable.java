package dev.adagrad.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** The summary tables' layout: a header, a rule, then rows; columns separated by " | ", numbers right-aligned. */
final class TextTable {

    private TextTable() {
    }

    /**
     * Writes {@code cells} (the first row is the header) with each column as wide as its widest cell.
     *
     * @param leftAligned which columns are text (left-aligned); the others are numbers (right-aligned)
     */
    static void write(Writer out, List<String[]> cells, IntPredicate leftAligned) throws IOException {
        for (String line : lines(cells, leftAligned)) {
            out.write(line + "\n");
        }
        out.flush();
    }

    /** The lines {@link #write} writes, the rule under the header included, without their line ends. */
    static List<String> lines(List<String[]> cells, IntPredicate leftAligned) {
        int[] widths = new int[cells.get(0).length];
        for (String[] line : cells) {
            for (int c = 0; c < line.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        int total = 3 * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                String cell = cells.get(r)[c];
                String padding = " ".repeat(widths[c] - cell.length());
                text.append(c == 0 ? "" : " | ").append(r == 0 || leftAligned.test(c) ? cell + padding
                        : padding + cell);
            }
            String line = text.toString().stripTrailing();
            lines.add(line);
            if (r == 0) {
                lines.add("-".repeat(total)); // as wide as the widest line, even when the last column is text
            }
        }
        return lines;
    }
}
