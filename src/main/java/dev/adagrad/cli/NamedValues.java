package dev.adagrad.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one parser of {@code name=value,…} lists, for {@code --x0} and {@code --params}: names as an expression
 * spells them, values finite decimals, each name once, in the order given. Errors name the option.
 */
final class NamedValues {

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");

    private NamedValues() {
    }

    /**
     * @param noun    what the names are, for messages: "variable", "parameter"
     * @param noValue the message for an item without {@code =}, given the item
     * @throws IllegalArgumentException with a message that starts with the option
     */
    static Map<String, Double> parse(String option, String noun, List<String> items,
                                     Function<String, String> noValue) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (String item : items) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(noValue.apply(item.strip()));
            }
            String name = item.substring(0, equals).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(option + ": '" + name + "' is not a " + noun + " name");
            }
            double value;
            try {
                value = Numbers.parseFinite(item.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(option + ": " + e.getMessage());
            }
            if (named.put(name, value) != null) {
                throw new IllegalArgumentException(option + " gives " + name + " twice");
            }
        }
        return named;
    }

    /** {@code --params w=0,b=0}: a usage error for anything else. */
    static Map<String, Double> parameters(String text) {
        try {
            return parse("--params", "parameter", List.of(text.split(",", -1)), item -> "--params: '" + item
                    + "' has no value; give each parameter as name=value, e.g. w=0,b=0");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
