package dev.adagrad.cli;

import dev.adagrad.run.Divergence;
import dev.adagrad.run.RunResult;
import java.util.List;

/** Texts for stderr that describe a result. */
final class Messages {

    private Messages() {
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
