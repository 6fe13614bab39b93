package dev.adagrad.output;

import dev.adagrad.expr.GradientCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints {@code --check-grad}: both gradients at x₀ per variable, every digit, and their relative differences. */
public final class GradientCheckReport {

    private GradientCheckReport() {
    }

    /**
     * @param step how the central differences chose h, for the heading
     */
    public static void write(PrintWriter out, GradientCheck check, String step) {
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < check.variables().size(); i++) {
            coordinates.add(check.variables().get(i) + " = " + check.point()[i]);
        }
        out.println("Gradient check at x0 (" + String.join(", ", coordinates) + "), f = " + check.f());
        out.println("central: central differences, " + step + "; exact: reverse-mode automatic differentiation");
        out.println("relative difference: |central - exact| / max(|central|, |exact|)");
        out.println();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"variable", "central", "exact", "relative difference"});
        for (int i = 0; i < check.variables().size(); i++) {
            rows.add(new String[] {check.variables().get(i), NumberText.shortest(check.central()[i]),
                    NumberText.shortest(check.exact()[i]), relative(check.relativeDifference(i))});
        }
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int c = 0; c < 4; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < 4; c++) {
                if (c > 0) {
                    line.append(" | ");
                }
                line.append(c == 0 || r == 0 ? pad(row[c], widths[c]) : padLeft(row[c], widths[c]));
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
        int largest = check.largest();
        out.println("Largest relative difference: " + relative(check.relativeDifference(largest)) + " ("
                + check.variables().get(largest) + ")");
        out.flush();
    }

    private static String relative(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.2e", value);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(width - text.length()) + text;
    }
}
