package dev.adagrad.fuzz;

import dev.adagrad.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that what a command wrote parses in its format. Each method returns null when it does, or what is wrong.
 */
final class OutputChecks {

    /** A number as {@link Double#toString} writes it (or a whole number, as data labels are), and the non-finites. */
    private static final Pattern JAVA_DOUBLE = Pattern.compile(
            "-?(\\d+(\\.\\d+)?(E-?\\d+)?|Infinity)|NaN");
    /** Whole numbers, for the step, epoch and count columns. */
    private static final Pattern WHOLE = Pattern.compile("\\d+");
    private static final Set<String> OPTIMIZERS = Set.copyOf(Optimizers.names());
    /**
     * Columns that are never empty or null, when present. (A sweep's final_f is null in JSON when a run had no finite
     * f at all.)
     */
    private static final Set<String> ALWAYS_FILLED = Set.of("optimizer", "step", "epoch", "f", "loss", "lr",
            "diverged");

    private OutputChecks() {
    }

    /** Table or text: anything but empty. */
    static String text(String output) {
        return output.isBlank() ? "empty output" : null;
    }

    /**
     * CSV: a header of distinct names, then rows with the header's number of fields; the optimizer column holds an
     * optimizer's name, diverged true or false, the rest numbers, empty only in a start row (step or epoch 0) and
     * only where the start has no value (gradients, state, updates).
     *
     * @param allowNoRows whether a header alone (or nothing, for a run that stopped at x₀) is fine
     */
    static String csv(String output, boolean allowNoRows) {
        List<String> lines = output.lines().toList();
        if (lines.isEmpty()) {
            return allowNoRows ? null : "no CSV header";
        }
        String[] header = lines.get(0).split(",", -1);
        if (Set.of(header).size() != header.length) {
            return "duplicate column in the header: " + lines.get(0);
        }
        for (String name : header) {
            if (name.isEmpty() || name.strip().length() != name.length()) {
                return "empty or padded column name in the header: " + lines.get(0);
            }
        }
        if (lines.size() == 1 && !allowNoRows) {
            return "a header and no rows";
        }
        for (int row = 1; row < lines.size(); row++) {
            String[] cells = lines.get(row).split(",", -1);
            if (cells.length != header.length) {
                return "line " + (row + 1) + " has " + cells.length + " fields, the header " + header.length + ": "
                        + lines.get(row);
            }
            boolean start = isStartRow(header, cells);
            for (int column = 0; column < header.length; column++) {
                String problem = cell(header[column], cells[column], start);
                if (problem != null) {
                    return "line " + (row + 1) + ", column " + header[column] + ": " + problem;
                }
            }
        }
        return null;
    }

    private static boolean isStartRow(String[] header, String[] cells) {
        for (int i = 0; i < header.length; i++) {
            if ((header[i].equals("step") || header[i].equals("epoch")) && cells[i].equals("0")) {
                return true;
            }
        }
        return false;
    }

    private static String cell(String column, String value, boolean startRow) {
        switch (column) {
            case "optimizer":
                return OPTIMIZERS.contains(value) ? null : "'" + value + "' is not an optimizer";
            case "diverged":
                return value.equals("true") || value.equals("false") ? null : "'" + value + "' is not a boolean";
            case "step":
            case "epoch":
                return WHOLE.matcher(value).matches() ? null : "'" + value + "' is not a whole number";
            default:
                if (value.isEmpty()) {
                    return startRow && !ALWAYS_FILLED.contains(column) ? null : "empty cell";
                }
                return JAVA_DOUBLE.matcher(value).matches() ? null : "'" + value + "' is not a number";
        }
    }

    /**
     * JSON Lines: every line one JSON object (a strict parser, below), all with the same keys in the same order;
     * values are numbers, null (a start row's missing values, or a non-finite number), or for optimizer a name and
     * for diverged a boolean.
     */
    static String jsonl(String output, boolean allowNoRows) {
        List<String> lines = output.lines().toList();
        if (lines.isEmpty()) {
            return allowNoRows ? null : "no JSON lines";
        }
        List<String> keys = null;
        for (int i = 0; i < lines.size(); i++) {
            List<String[]> members;
            try {
                members = new Json(lines.get(i)).object();
            } catch (IllegalArgumentException e) {
                return "line " + (i + 1) + " is not a JSON object: " + e.getMessage() + ": " + lines.get(i);
            }
            List<String> these = members.stream().map(member -> member[0]).toList();
            if (Set.copyOf(these).size() != these.size()) {
                return "line " + (i + 1) + " repeats a key: " + lines.get(i);
            }
            if (keys == null) {
                keys = these;
            } else if (!keys.equals(these)) {
                return "line " + (i + 1) + " has keys " + these + ", the first line " + keys;
            }
            for (String[] member : members) {
                String key = member[0];
                String value = member[1];
                boolean ok = switch (key) {
                    case "optimizer" -> value.startsWith("\"") && OPTIMIZERS.contains(value.substring(1,
                            value.length() - 1));
                    case "diverged" -> value.equals("true") || value.equals("false");
                    default -> value.equals("null") ? !ALWAYS_FILLED.contains(key) : !value.startsWith("\"")
                            && !value.equals("true") && !value.equals("false");
                };
                if (!ok) {
                    return "line " + (i + 1) + ", key " + key + ": unexpected value " + value;
                }
            }
        }
        return null;
    }

    /**
     * A strict JSON parser for one line holding an object (RFC 8259: no NaN, no trailing commas, no single quotes,
     * no leading zeros, no raw control characters in strings). Returns the members as {key, raw value}.
     */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        List<String[]> object() {
            List<String[]> members = new ArrayList<>();
            expect('{');
            whitespace();
            if (peek() == '}') {
                at++;
            } else {
                while (true) {
                    whitespace();
                    String key = string();
                    whitespace();
                    expect(':');
                    whitespace();
                    int from = at;
                    value();
                    members.add(new String[] {key, text.substring(from, at)});
                    whitespace();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw fail("expected , or }");
                    }
                }
            }
            whitespace();
            if (at != text.length()) {
                throw fail("text after the object");
            }
            return members;
        }

        private void value() {
            char c = peek();
            if (c == '"') {
                string();
            } else if (c == '{') {
                throw fail("nested objects are not expected");
            } else if (c == '[') {
                at++;
                whitespace();
                if (peek() == ']') {
                    at++;
                    return;
                }
                while (true) {
                    whitespace();
                    value();
                    whitespace();
                    char d = next();
                    if (d == ']') {
                        return;
                    }
                    if (d != ',') {
                        throw fail("expected , or ]");
                    }
                }
            } else if (text.startsWith("true", at)) {
                at += 4;
            } else if (text.startsWith("false", at)) {
                at += 5;
            } else if (text.startsWith("null", at)) {
                at += 4;
            } else {
                number();
            }
        }

        private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

        private void number() {
            int from = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            if (!NUMBER.matcher(text.substring(from, at)).matches()) {
                at = from;
                throw fail("not a JSON value");
            }
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return value.toString();
                }
                if (c < 0x20) {
                    throw fail("raw control character in a string");
                }
                if (c == '\\') {
                    char escaped = next();
                    switch (escaped) {
                        case '"', '\\', '/' -> value.append(escaped);
                        case 'b', 'f', 'n', 'r', 't' -> value.append(' ');
                        case 'u' -> {
                            if (at + 4 > text.length() || !text.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
                                throw fail("bad \\u escape");
                            }
                            value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                            at += 4;
                        }
                        default -> throw fail("bad escape \\" + escaped);
                    }
                } else {
                    value.append(c);
                }
            }
        }

        private void whitespace() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private void expect(char c) {
            if (next() != c) {
                at--;
                throw fail("expected " + c);
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw fail("unexpected end");
            }
            return text.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private IllegalArgumentException fail(String what) {
            return new IllegalArgumentException(what + " at character " + (at + 1));
        }
    }
}
