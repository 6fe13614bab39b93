package dev.adagrad.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "did you mean rosenbrock?" for a name that is one or two keystrokes from a known one: the optimal string alignment
 * distance (insertions, deletions, substitutions and swaps of neighbours each count one), at most 1 for names of up to
 * four letters and 2 beyond, so {@code rn} finds {@code run} but {@code x} does not find {@code exp}.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** The known names closest to {@code typed}, nearest first; empty when none is close. */
    static List<String> near(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(Locale.ROOT);
        int limit = lower.length() <= 4 ? 1 : 2;
        List<String> best = new ArrayList<>();
        int bestDistance = limit + 1;
        for (String name : known) {
            if (Math.abs(name.length() - lower.length()) > limit) {
                continue; // farther than the limit, whatever the letters: a long argument costs no long comparisons
            }
            int distance = distance(lower, name.toLowerCase(Locale.ROOT));
            if (distance == 0 && !name.equals(typed)) {
                distance = 1; // only the case differs
            }
            if (distance == 0 || distance > limit || distance > bestDistance) {
                continue;
            }
            if (distance < bestDistance) {
                best.clear();
                bestDistance = distance;
            }
            best.add(name);
        }
        return best;
    }

    /** " (did you mean run?)" or "" — to append to a message. */
    static String didYouMean(String typed, Collection<String> known) {
        List<String> near = near(typed, known);
        return near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)";
    }

    /**
     * Names other frameworks give an option of ours, too far from it to be found as a typo: Keras's and TF.js's
     * learning_rate is PyTorch's lr, Keras's epsilon PyTorch's eps. Keys as {@link #unknownOption} spells them.
     */
    private static final java.util.Map<String, String> FRAMEWORK_NAMES = java.util.Map.of(
            "--learning-rate", "--lr", "--learningrate", "--lr", "--epsilon", "--eps");

    /**
     * " (did you mean --steps?)" for an option {@code spec} does not have, or "": the option that framework is known
     * to call so, else the command's nearest options as for any other name.
     */
    static String unknownOption(String typed, CommandSpec spec) {
        String framework = FRAMEWORK_NAMES.get(typed.replace('_', '-').toLowerCase(Locale.ROOT));
        if (framework != null && spec.optionsMap().containsKey(framework)) {
            return " (did you mean " + framework + "?)";
        }
        return didYouMean(typed, spec.optionsMap().keySet());
    }

    /** Whether the top-level command was given a word that names no command ({@code adagrad rn}). */
    static boolean isUnknownCommand(UnmatchedArgumentException unmatched) {
        List<String> words = unmatched.getUnmatched();
        return unmatched.getCommandLine().getCommandSpec().parent() == null && !words.isEmpty()
                && !words.get(0).startsWith("-");
    }

    /** "no command named 'rn' (did you mean run?); the commands are …" */
    static String unknownCommand(String typed, CommandLine root) {
        return "no command named '" + Errors.shorten(typed) + "'" + didYouMean(typed, root.getSubcommands().keySet())
                + "; the commands are: " + String.join(", ", root.getSubcommands().keySet());
    }

    /** Optimal string alignment distance between a and b. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
