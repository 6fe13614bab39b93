package dev.adagrad.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys of {@code adagrad step}, turned into commands: one key at a time from a raw terminal ({@link #key}), or a
 * line at a time from standard input ({@link #line}), where a line holds the keys typed before Enter. Arrow keys
 * arrive as escape sequences (ESC [ C, or ESC O C in a terminal's application mode); a lone ESC (after
 * {@link #pause}) closes a prompt.
 */
final class StepKeys {

    /** What a key asks for. */
    enum Kind { NEXT, PREVIOUS, JUMP, RUN, RATE, SAVE, HELP, FOCUS, PICTURE, QUIT, REDRAW, CANCEL, TYPING, UNKNOWN }

    /**
     * A command.
     *
     * @param kind     what to do
     * @param argument the step number (JUMP), the learning rate text (RATE), the file (SAVE), the key (UNKNOWN)
     */
    record Command(Kind kind, String argument) {
        Command(Kind kind) {
            this(kind, null);
        }
    }

    /** What is being typed: nothing, a step number, a learning rate or a file name. */
    enum Prompt { NONE, STEP, RATE, FILE }

    private static final int ESCAPE = 0x1b;
    private static final int DELETE = 0x7f;

    private Prompt prompt = Prompt.NONE;
    private final StringBuilder typed = new StringBuilder();
    /** 0 outside an escape sequence, 1 after ESC, 2 inside ESC [ … or ESC O …. */
    private int escape;

    /** What is being typed, and the text so far. */
    Prompt prompt() {
        return prompt;
    }

    String typed() {
        return typed.toString();
    }

    /** The command for one key (a Unicode code point), or a TYPING command while a prompt is open. */
    Command key(int key) {
        if (escape == 1) {
            if (key == '[' || key == 'O') {
                escape = 2;
                return new Command(Kind.TYPING);
            }
            escape = 0;
            Command cancelled = cancel();
            return key == ESCAPE ? cancelled : key(key);
        }
        if (escape == 2) {
            if (key < 0x40 || key > 0x7e) {
                return new Command(Kind.TYPING); // parameters of the sequence
            }
            escape = 0;
            if (prompt != Prompt.NONE) {
                return new Command(Kind.TYPING); // arrows inside a prompt do nothing
            }
            return switch (key) {
                case 'C' -> new Command(Kind.NEXT);
                case 'D' -> new Command(Kind.PREVIOUS);
                case 'A' -> new Command(Kind.UNKNOWN, "↑");
                case 'B' -> new Command(Kind.UNKNOWN, "↓");
                default -> new Command(Kind.UNKNOWN, "that key");
            };
        }
        if (key == ESCAPE) {
            escape = 1;
            return new Command(Kind.TYPING);
        }
        if (prompt != Prompt.NONE) {
            return typing(key);
        }
        return switch (key) {
            case ' ', 'n', '\r', '\n' -> new Command(Kind.NEXT);
            case 'b', DELETE, '\b' -> new Command(Kind.PREVIOUS);
            case 'r' -> new Command(Kind.RUN);
            case 'l' -> open(Prompt.RATE);
            case 's' -> open(Prompt.FILE);
            case '?', 'h' -> new Command(Kind.HELP);
            case '\t' -> new Command(Kind.FOCUS);
            case 'p' -> new Command(Kind.PICTURE);
            case 'q', 'Q', 4 -> new Command(Kind.QUIT);
            case 12 -> new Command(Kind.REDRAW);
            default -> {
                if (key >= '0' && key <= '9') {
                    open(Prompt.STEP);
                    typed.append((char) key);
                    yield new Command(Kind.TYPING);
                }
                yield new Command(Kind.UNKNOWN, describe(key));
            }
        };
    }

    /** No key came for a moment: a lone ESC was the Escape key, which closes a prompt. */
    Command pause() {
        if (escape == 1) {
            escape = 0;
            return cancel();
        }
        return null;
    }

    /**
     * The commands of one line of standard input: its keys, then Enter when a prompt is open or the line is empty (so
     * that a line with a space is one step, and an empty line is one too).
     */
    List<Command> line(String line) {
        List<Command> commands = new ArrayList<>();
        line.codePoints().forEach(key -> add(commands, key(key)));
        if (escape == 1) {
            add(commands, pause());
        }
        escape = 0;
        if (prompt != Prompt.NONE || line.isEmpty()) {
            add(commands, key('\r'));
        }
        return commands;
    }

    private static void add(List<Command> commands, Command command) {
        if (command != null && command.kind() != Kind.TYPING) {
            commands.add(command);
        }
    }

    private Command open(Prompt what) {
        prompt = what;
        typed.setLength(0);
        return new Command(Kind.TYPING);
    }

    private Command cancel() {
        if (prompt == Prompt.NONE) {
            return new Command(Kind.TYPING);
        }
        prompt = Prompt.NONE;
        typed.setLength(0);
        return new Command(Kind.CANCEL);
    }

    private Command typing(int key) {
        if (key == '\r' || key == '\n') {
            String text = typed.toString().strip();
            Prompt what = prompt;
            if (what == Prompt.RATE && text.isEmpty()) {
                return new Command(Kind.TYPING); // a rate is needed: Escape closes the prompt
            }
            prompt = Prompt.NONE;
            typed.setLength(0);
            return switch (what) {
                case STEP -> new Command(Kind.JUMP, text);
                case RATE -> new Command(Kind.RATE, text);
                default -> new Command(Kind.SAVE, text);
            };
        }
        if (key == DELETE || key == '\b') {
            if (typed.length() > 0) {
                typed.setLength(typed.length() - 1);
            }
            if (typed.length() == 0 && prompt == Prompt.STEP) {
                prompt = Prompt.NONE;
            }
            return new Command(Kind.TYPING);
        }
        if (key == 4 || key == 3) {
            return cancel();
        }
        if (prompt == Prompt.STEP && (key < '0' || key > '9')) {
            prompt = Prompt.NONE; // a step number ends at the first other key, which counts as itself
            typed.setLength(0);
            return key(key);
        }
        if (key < ' ' || prompt == Prompt.RATE && key == ' ') {
            return new Command(Kind.TYPING);
        }
        if (typed.length() < 200) {
            typed.appendCodePoint(key);
        }
        return new Command(Kind.TYPING);
    }

    private static String describe(int key) {
        if (key < ' ') {
            return "Ctrl-" + (char) (key + '@');
        }
        return "'" + new String(Character.toChars(key)) + "'";
    }
}
