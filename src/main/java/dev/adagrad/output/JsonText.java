package dev.adagrad.output;

/** JSON's text for strings and numbers, shared by JSON Lines and the page's embedded data. */
public final class JsonText {

    private JsonText() {
    }

    /** {@code text} as a JSON string: quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * A number as the CSV writes it ({@link NumberText#shortest}, which reads back to the same double), or {@code null}
     * for NaN and infinities, which JSON cannot express.
     */
    public static String number(double value) {
        return Double.isFinite(value) ? NumberText.shortest(value) : "null";
    }
}
