package dev.adagrad.cli;

import dev.adagrad.output.StepCsv;
import dev.adagrad.output.StepScreen;
import dev.adagrad.run.Landscape;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepThrough;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What each key of {@code adagrad step} does to the step-through, and the view of it that the screen draws: the one
 * place both the terminal and the line-by-line mode go through, so the tests of one hold for the other.
 */
final class StepSession {

    /** Where {@code s} saves when Enter is pressed on an empty file name. */
    static final String DEFAULT_FILE = "adagrad-step.csv";

    private final StepThrough run;
    private final List<String> variables;
    private final String title;
    private final Landscape landscape;
    private final StepKeys keys = new StepKeys();
    private String status = "";
    private boolean help;
    private int focus;
    private boolean picture;

    StepSession(StepThrough run, List<String> variables, String title, Landscape landscape) {
        this.run = run;
        this.variables = List.copyOf(variables);
        this.title = title;
        this.landscape = landscape;
    }

    StepKeys keys() {
        return keys;
    }

    StepThrough run() {
        return run;
    }

    /** The view to draw, coloured or not. */
    StepScreen.View view(boolean colour) {
        return new StepScreen.View(run, variables, title, landscape, colour, status, prompt(), help, focus, picture);
    }

    private String prompt() {
        long c = run.current();
        return switch (keys.prompt()) {
            case NONE -> null;
            case STEP -> "jump to step (Enter): " + keys.typed();
            case RATE -> "learning rate from step " + (c + 1) + " on (0.05, or " + run.lanes().get(0).name()
                    + "=0.05; Esc cancels): " + keys.typed();
            case FILE -> "save rows 0–" + c + " as CSV to (Enter: " + DEFAULT_FILE + "; Esc cancels): "
                    + keys.typed();
        };
    }

    /** Carries out a command; false when it is to quit. */
    boolean apply(StepKeys.Command command) {
        if (command.kind() == StepKeys.Kind.TYPING || command.kind() == StepKeys.Kind.REDRAW) {
            return true;
        }
        if (help && command.kind() != StepKeys.Kind.QUIT) {
            help = false; // any key closes the help
            status = "";
            return true;
        }
        status = "";
        switch (command.kind()) {
            case NEXT -> {
                if (!run.next()) {
                    status = "this is the last step: " + end();
                }
            }
            case PREVIOUS -> {
                if (!run.previous()) {
                    status = "this is step 0, the start";
                }
            }
            case JUMP -> jump(command.argument());
            case RUN -> {
                long from = run.current();
                run.moveTo(run.maxSteps());
                status = "ran from step " + from + " to step " + run.current() + ": " + end();
            }
            case RATE -> rate(command.argument());
            case SAVE -> save(command.argument());
            case HELP -> help = true;
            case FOCUS -> focus = (focus + 1) % run.lanes().size();
            case PICTURE -> picture = !picture;
            case CANCEL -> status = "cancelled";
            case UNKNOWN -> status = "unknown key " + command.argument() + "; the keys: " + StepScreen.KEYS;
            case QUIT -> {
                return false;
            }
            default -> {
            }
        }
        return true;
    }

    private void jump(String text) {
        long target;
        try {
            target = Long.parseLong(text);
        } catch (NumberFormatException e) {
            target = Long.MAX_VALUE; // more digits than a long holds: past any end
        }
        long reached = run.moveTo(target);
        if (reached < target) {
            status = "step " + text + " is past the end; this is the last step, " + reached + ": " + end();
        }
    }

    private void rate(String text) {
        String lane = null;
        String number = text;
        int equals = text.indexOf('=');
        if (equals >= 0) {
            lane = text.substring(0, equals).strip();
            number = text.substring(equals + 1);
            String named = lane;
            if (run.lanes().stream().noneMatch(l -> l.name().equals(named))) {
                status = "refused: no optimizer '" + Messages.shown(lane) + "' here (these are: "
                        + String.join(", ", run.lanes().stream().map(StepThrough.Lane::name).toList())
                        + "); the learning rate is unchanged";
                return;
            }
        }
        double value;
        try {
            value = Numbers.parseFinite(number);
        } catch (IllegalArgumentException e) {
            value = Double.NaN;
        }
        if (!(value > 0)) {
            status = "refused: '" + Messages.shown(number.strip()) + "' is not a learning rate; give a positive finite "
                    + "number such as 0.05";
            return;
        }
        try {
            run.changeLearningRate(lane, value);
        } catch (IllegalArgumentException e) {
            status = "refused: " + e.getMessage();
            return;
        }
        long c = run.current();
        status = "learning rate " + StepScreen.number(value) + " from step " + (c + 1) + " on"
                + (lane == null ? "" : " for " + lane) + (c == 0 ? "" : "; steps 1–" + c + " are kept");
    }

    private void save(String text) {
        Path path = Path.of(text.isEmpty() ? DEFAULT_FILE : text);
        long c = run.current();
        try {
            List<Path> written = StepCsv.write(path, run.lanes(), variables, c);
            status = "saved rows 0–" + c + " to " + String.join(", ", written.stream().map(Path::toString).toList());
        } catch (IOException | RuntimeException e) {
            status = "could not save to " + Messages.shown(path.toString()) + ": " + e.getMessage();
        }
    }

    /** Why the run ends where it does. */
    private String end() {
        if (run.current() >= run.maxSteps()) {
            return "the step limit (--steps " + run.maxSteps() + ")";
        }
        for (StepThrough.Lane lane : run.lanes()) {
            RunResult end = lane.end();
            if (end != null) {
                return switch (end.reason()) {
                    case TOLERANCE_REACHED -> "the gradient norm reached --tol";
                    case NON_FINITE -> "a value became non-finite at step " + end.divergence().step();
                    case INTERRUPTED -> "interrupted";
                    case TIME_LIMIT -> "--max-seconds reached";
                    default -> "the end";
                };
            }
        }
        return "the end";
    }
}
