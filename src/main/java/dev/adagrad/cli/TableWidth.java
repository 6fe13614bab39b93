package dev.adagrad.cli;

import dev.adagrad.output.Format;
import dev.adagrad.output.RunWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --wide}, and otherwise the terminal's width, which the table fits: COLUMNS when it is a positive whole
 * number, else 80. The variable is read, never asked of the terminal ({@code stty} would cost a process at start-up);
 * bash sets COLUMNS without exporting it, so a table usually fits 80 columns, piped or not.
 */
public final class TableWidth {

    /** The width when COLUMNS is unset or not a positive whole number. */
    static final int DEFAULT = 80;

    @Option(names = "--wide", description = "Show every column of the table with its full decimals, however wide. "
            + "Without it the table fits COLUMNS (80 if unset) and says what it left out.")
    boolean wide;

    /** The width the table must fit: no limit with --wide. */
    int width(Map<String, String> environment) {
        return wide ? Format.WIDE : columns(environment);
    }

    /** COLUMNS when it is a positive whole number ("120", not "120.5", "-1", "0" or " 120"), else 80. */
    static int columns(Map<String, String> environment) {
        String text = environment.get("COLUMNS");
        if (text == null || text.isEmpty()) {
            return DEFAULT;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return DEFAULT;
            }
            value = Math.min(Integer.MAX_VALUE, value * 10 + (c - '0')); // a huge width is no limit
        }
        return value > 0 ? (int) value : DEFAULT;
    }

    /** "note: Update left out to fit 80 columns; --wide shows all" (short enough for 80 columns itself), or null. */
    static String note(RunWriter writer, int width) {
        return note(writer.narrowing(), width);
    }

    /** The same note for a table that says what it changed in {@code narrowing} (null: nothing, no note). */
    static String note(String narrowing, int width) {
        return narrowing == null ? null : "note: " + narrowing + " to fit " + width + " columns; --wide shows all";
    }
}
