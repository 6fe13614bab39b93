package dev.adagrad.cli;

import dev.adagrad.output.NumberText;
import dev.adagrad.run.Divergence;
import dev.adagrad.run.RunResult;
import java.util.List;

/** Texts for stderr that describe a result. */
final class Messages {

    /** The most characters of one name or value echoed in a message. */
    static final int MOST_PER_VALUE = 80;
    /** The most characters of one line on stderr. */
    static final int MOST_PER_LINE = 200;

    private Messages() {
    }

    /**
     * A name or value as a message shows it: control characters escaped ({@code \x1b}) so input cannot drive the
     * terminal, and cut to {@link #MOST_PER_VALUE} characters with {@code …}.
     */
    static String shown(String value) {
        return cut(escaped(value), MOST_PER_VALUE);
    }

    /**
     * A whole line of stderr made safe: control characters escaped, every run of characters without a space longer
     * than {@link #MOST_PER_VALUE} cut (a megabyte header, a name of 200,000 columns), the line cut to
     * {@link #MOST_PER_LINE}.
     */
    static String clean(String line) {
        String text = escaped(DEBUG ? line : JavaClass.PATTERN.matcher(line).replaceAll(""));
        StringBuilder shown = new StringBuilder(Math.min(text.length(), 2 * MOST_PER_LINE));
        int word = 0;
        for (int i = 0; i < text.length() && shown.length() <= MOST_PER_LINE; i++) { // one more: then cut with …
            char c = text.charAt(i);
            word = c == ' ' ? 0 : word + 1;
            if (word == MOST_PER_VALUE) {
                shown.append('…');
                while (i + 1 < text.length() && text.charAt(i + 1) != ' ') {
                    i++;
                }
                continue;
            }
            shown.append(c);
        }
        return cut(shown.toString(), MOST_PER_LINE);
    }

    /**
     * A Java exception's class name with its colon ({@code java.io.IOException: }), which a library's message can
     * carry into ours: users are told what went wrong, not which class said so. Kept with {@code ADAGRAD_DEBUG}.
     */
    private static final class JavaClass { // compiled with the first line written to stderr, not at every start
        static final java.util.regex.Pattern PATTERN = java.util.regex.Pattern.compile(
                "\\b(?:java|javax|sun|jdk|com\\.sun)\\.(?:[a-z]\\w*\\.)*[A-Z]\\w*(?:Exception|Error)(?::\\s*)?");
    }

    private static final boolean DEBUG = System.getenv("ADAGRAD_DEBUG") != null;

    private static String cut(String text, int most) {
        return text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }

    /** Control characters (C0, DEL, C1) as {@code \xHH}; everything else as it is. */
    private static String escaped(String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (shown == null) {
                    shown = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                shown.append(String.format("\\x%02x", (int) c));
            } else if (shown != null) {
                shown.append(c);
            }
        }
        return shown == null ? text : shown.toString();
    }

    /** How far above its start f must end for {@link #growth} to say so. */
    static final double GROWTH = 1e6;

    /**
     * "f grew from 16 to 1.2e+129: diverging? try a smaller --lr" when a run ended with f more than a million times
     * its start, or null. For a start at or below 0 a ratio says nothing (f from -1 to 5 is "-5 times"), so there f
     * must have risen by more than a million times the start's size, or a million from 0: f from -2 to 3e6 is noted,
     * from -2 to 5 is not. A run that met a non-finite value has its own message and gets none.
     */
    static String growth(double start, double end) {
        if (!Double.isFinite(start) || !Double.isFinite(end)) {
            return null;
        }
        boolean grew = start > 0 ? end > GROWTH * start : end - start > GROWTH * Math.max(1, Math.abs(start));
        return grew ? "f grew from " + NumberText.significant(start, 2) + " to " + NumberText.significant(end, 2)
                + ": diverging? try a smaller --lr" : null;
    }

    /** One line naming the step and the values where a run met a non-finite value. */
    static String divergence(RunResult result, List<String> variables) {
        return divergence(result, variables, "rows");
    }

    /** {@link #divergence(RunResult, List)}, calling what was written {@code written} ("rows", "steps"). */
    static String divergence(RunResult result, List<String> variables, String written) {
        Divergence divergence = result.divergence();
        String at = point(variables, divergence.x());
        if (divergence.step() == 0) {
            return "f is not finite at the start point: f = " + divergence.f() + " at " + at;
        }
        String kept = result.steps() > 0 ? written + " up to step " + result.steps() + " were written"
                : written.equals("rows") ? "only the start row was written" : "no step was completed";
        String what = switch (divergence.quantity()) {
            case F -> "f became non-finite: f = " + divergence.f() + " at " + at;
            case X -> "x became non-finite: " + at;
            case GRADIENT -> "the gradient became non-finite: " + point(gradientNames(variables),
                    divergence.gradient()) + " at " + at;
        };
        return "step " + divergence.step() + ": " + what + " (" + kept + ")";
    }

    private static List<String> gradientNames(List<String> variables) {
        return variables.stream().map(v -> "grad_" + v).toList();
    }

    private static String point(List<String> names, double[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(values[i]);
        }
        return text.toString();
    }
}
