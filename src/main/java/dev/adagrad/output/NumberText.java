package dev.adagrad.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for people. Machine formats use {@link Double#toString} instead, which loses nothing. */
public final class NumberText {

    private NumberText() {
    }

    /**
     * {@code decimals} digits after the point in plain notation when that shows the value well, otherwise the same
     * number of decimals in scientific notation: below 10^−(decimals−2), plain notation would show fewer than three
     * significant digits, and from 1e5 up it would widen the column.
     */
    static String fixed(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "NaN" : (value > 0 ? "inf" : "-inf");
        }
        double magnitude = Math.abs(value);
        boolean plain = magnitude == 0 || (magnitude >= Math.pow(10, -(decimals - 2)) && magnitude < 1e5);
        return String.format(Locale.ROOT, plain ? "%." + decimals + "f" : "%." + decimals + "e", value);
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
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
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
