package dev.adagrad.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting for people. Machine formats use the shortest decimal that reads back as the double instead
 * ({@link ShortestDecimal}), which loses nothing.
 */
public final class NumberText {

    private NumberText() {
    }

    /**
     * {@code decimals} digits after the point in plain notation when that shows the value well, otherwise the same
     * number of decimals in scientific notation: below 10^−(decimals−2), plain notation would show fewer than three
     * significant digits, and from 1e5 up it would widen the column.
     */
    static String fixed(double value, int decimals) {
        return new FixedText().text(value, decimals);
    }

    /**
     * {@link #fixed}'s text when it has at most {@code width} characters, else scientific notation with as many
     * significant digits as fit: 1234.5678 and 0.125000 as they are in 9, -12345.6789 as -1.23e+04, 123456.7 as
     * 1.235e+05, Double.MIN_VALUE as 4.94e-324.
     */
    static String narrow(double value, int decimals, int width) {
        return new FixedText().narrowText(value, decimals, width);
    }

    /*
     * The two below give exactly what String.format(Locale.ROOT, "%.nf" / "%.ne", value) gives, without
     * java.util.Formatter, whose first use costs about 15 ms of a command's start-up (FixedText does the work). Like
     * Formatter on Java 17, they round the shortest decimal that reads back as the double half up; the one departure
     * is a subnormal value in scientific form, whose exact value is rounded.
     */

    /** {@code %.nf}: n digits after the point, a minus sign for negative values and −0. */
    static String plainFixed(double value, int decimals) {
        return new FixedText().plainText(value, decimals);
    }

    /** {@code %.ne}: one digit, the point, n digits, then e, the exponent's sign and at least two digits. */
    static String scientificFixed(double value, int decimals) {
        return new FixedText().scientificText(value, decimals);
    }

    private static String twoDigits(int exponent) {
        return exponent < 10 ? "0" + exponent : Integer.toString(exponent);
    }

    /**
     * The machine formats' text of a double: laid out as {@link Double#toString} lays it out, with the shortest digits
     * that read back to it ({@link ShortestDecimal}), which JDK 17's Double.toString does not always find.
     */
    public static String shortest(double value) {
        byte[] bytes = new byte[ShortestDecimal.MAX_LENGTH];
        int length = new ShortestDecimal().write(value, bytes, 0);
        return new String(bytes, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** The widest {@link #fixed} text for ordinary values, for column widths. */
    static int fixedWidth(int decimals) {
        return 7 + decimals;
    }

    /** Up to {@code digits} significant digits, trailing zeros dropped: 0.5848863820 → "0.584886382". */
    public static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -5 || exponent >= digits) {
            String mantissa = rounded.movePointLeft(exponent).toPlainString();
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + twoDigits(Math.abs(exponent));
        }
        return rounded.toPlainString();
    }

    /** A point as "(1, −2.5)", each coordinate with up to {@code digits} significant digits. */
    static String tuple(double[] values, int digits) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ", ").append(significant(values[i], digits));
        }
        return text.append(')').toString();
    }

    /**
     * {@code digits} significant digits with trailing zeros dropped, for arithmetic people read and check: 8 for
     * 7.99999999996 (at 6 digits), 0.125, 1e-10, 2.42532e-5. Plain notation from 1e-4 up to 10^digits, scientific
     * outside, with no padding of the exponent. Non-finite values are NaN, ∞ and -∞.
     */
    static String compact(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "∞" : "-∞");
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            return rounded.movePointLeft(exponent).toPlainString() + "e" + exponent;
        }
        return rounded.toPlainString();
    }
}
