package dev.adagrad.cli;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Strict number parsing for options. {@link Double#parseDouble} also accepts {@code NaN}, {@code Infinity},
 * {@code 0x1p3}, {@code 1d} and {@code 1e400} (as ∞); none of those is a sensible hyperparameter, so only plain
 * decimals with an optional exponent are accepted, and the value must be finite.
 */
public final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The largest --steps accepted. */
    public static final long MAX_STEPS = 1_000_000_000L;

    private Numbers() {
    }

    /**
     * Parses a finite decimal number. One too large for a double ({@code 1e400}) is refused, and so is one too small,
     * which would silently be 0 ({@code 1e-400}; {@code 0e-400} is 0).
     *
     * @throws IllegalArgumentException with a message such as {@code 'abc' is not a number}
     */
    public static double parseFinite(String text) {
        return parse(text, true);
    }

    /** As {@link #parseFinite}; with {@code refuseUnderflow} false a tiny value that reads as 0 is 0. */
    private static double parse(String text, boolean refuseUnderflow) {
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
        double value = Double.parseDouble(trimmed);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("'" + text + "' is too large for a double");
        }
        if (refuseUnderflow && value == 0 && mantissaIsNotZero(trimmed)) {
            throw new IllegalArgumentException("'" + text + "' is too small for a double (it would be 0)");
        }
        return value;
    }

    /** Whether the digits before any exponent are not all zero: "1e-400" is not zero, though it reads as 0.0. */
    private static boolean mantissaIsNotZero(String decimal) {
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** picocli converter for every {@code double} option. */
    public static final class FiniteDouble implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            try {
                return parseFinite(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * picocli converter for a count that is not of steps (--seed, --rows, --every): as {@link StepCount}, with
     * messages that do not speak of steps ("'-1' is negative; it must be a whole number ≥ 0").
     */
    public static final class Count extends StepCount {
        @Override
        String unit() {
            return "";
        }
    }

    /** picocli converter for --steps: a whole number from 0 to {@link #MAX_STEPS}; {@code 1e6} is accepted. */
    public static class StepCount implements ITypeConverter<Long> {

        /** What is counted, for the messages: " of steps", or nothing. */
        String unit() {
            return " of steps";
        }

        private String negative() {
            return unit().isEmpty() ? "it must be a whole number ≥ 0" : "the step count must be ≥ 0";
        }

        @Override
        public Long convert(String value) {
            String stripped = value.strip();
            if (!stripped.isEmpty() && stripped.length() <= 18 && allDigits(stripped)) {
                // the usual --steps 100: read without BigDecimal, whose first use is felt at start-up
                long whole = Long.parseLong(stripped);
                if (whole > MAX_STEPS) {
                    throw new TypeConversionException(aboveLimit(value));
                }
                return whole;
            }
            double parsed;
            try {
                parsed = parse(value, false); // a fraction too small for a double is refused below as not whole
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            BigDecimal exact;
            try {
                exact = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                // An exponent beyond BigDecimal's int range: parseFinite has refused the huge ones, so the value is
                // 0 (0e99999999999) or a fraction too small for a double (1e-9999999999).
                if (value.strip().split("[eE]")[0].matches("[+-]?[0.]*")) {
                    return 0L;
                }
                throw new TypeConversionException("'" + value + "' is not a whole number" + unit());
            }
            if (exact.signum() < 0) {
                throw new TypeConversionException("'" + value + "' is negative; " + negative());
            }
            if (exact.stripTrailingZeros().scale() > 0) {
                throw new TypeConversionException("'" + value + "' is not a whole number" + unit());
            }
            if (parsed > MAX_STEPS) {
                throw new TypeConversionException(aboveLimit(value));
            }
            return exact.longValueExact();
        }

        private String aboveLimit(String value) {
            return "'" + value + "' is above the limit of " + MAX_STEPS + (unit().isEmpty() ? "" : " steps");
        }

        private static boolean allDigits(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    /** A number as a message shows it, as people write it: {@code 0}, {@code 0.1}, {@code 1e-8}; never {@code 0.0}. */
    static String text(double value) {
        return dev.adagrad.optim.Hyperparameter.text(value);
    }
}
