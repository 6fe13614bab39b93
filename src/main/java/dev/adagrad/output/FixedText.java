package dev.adagrad.output;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The table's numbers ({@link NumberText#fixed}): a fixed number of decimals, rounded half up from the shortest
 * decimal that reads back as the double ({@link ShortestDecimal}), as {@code String.format("%.nf")} and
 * {@code "%.ne"} round Double.toString's digits on Java 17; built in a reused buffer and appended to the row, so a
 * table cell costs no BigDecimal and no String. Not shared between threads.
 */
final class FixedText {

    private final ShortestDecimal decimal = new ShortestDecimal();
    /** The shortest digits, most significant first. */
    private final char[] digits = new char[20];
    /** The text being built: up to 309 integer digits, a point and the decimals. */
    private char[] text = new char[400];
    private int length;

    /** {@link NumberText#fixed}'s text, right-aligned in {@code width} characters, appended to {@code line}. */
    void appendFixed(StringBuilder line, double value, int decimals, int width) {
        fixed(value, decimals);
        for (int i = length; i < width; i++) {
            line.append(' ');
        }
        line.append(text, 0, length);
    }

    /**
     * {@link NumberText#narrow}'s text, right-aligned in {@code width} characters, appended to {@code line}; returns
     * whether it had to give up digits to fit.
     */
    boolean appendNarrow(StringBuilder line, double value, int decimals, int width) {
        boolean shortened = narrow(value, decimals, width);
        for (int i = length; i < width; i++) {
            line.append(' ');
        }
        line.append(text, 0, length);
        return shortened;
    }

    String narrowText(double value, int decimals, int width) {
        narrow(value, decimals, width);
        return new String(text, 0, length);
    }

    /**
     * The fixed text when it has at most {@code width} characters; else scientific notation with as many significant
     * digits as fit (one fewer when rounding up adds an exponent digit: 9.9999e99 is 1.00e+100 in 9), never more than
     * the fixed text's. Returns whether it gave up digits. Every finite double fits 7 characters ("-1e+100").
     */
    private boolean narrow(double value, int decimals, int width) {
        fixed(value, decimals);
        if (length <= width) {
            return false;
        }
        // sign, first digit, point, the others, "e±" and two exponent digits at least
        int sign = Double.doubleToRawLongBits(value) < 0 ? 1 : 0;
        for (int digits = Math.min(decimals + 1, width - sign - 5); digits > 1; digits--) {
            scientific(value, digits - 1);
            if (length <= width) {
                return true;
            }
        }
        scientific(value, 0);
        return true;
    }

    String text(double value, int decimals) {
        fixed(value, decimals);
        return new String(text, 0, length);
    }

    String plainText(double value, int decimals) {
        plain(value, decimals);
        return new String(text, 0, length);
    }

    String scientificText(double value, int decimals) {
        scientific(value, decimals);
        return new String(text, 0, length);
    }

    private void fixed(double value, int decimals) {
        length = 0;
        if (!Double.isFinite(value)) {
            put(Double.isNaN(value) ? "NaN" : (value > 0 ? "inf" : "-inf"));
            return;
        }
        double magnitude = Math.abs(value);
        boolean plain = magnitude == 0 || (magnitude >= Math.pow(10, -(decimals - 2)) && magnitude < 1e5);
        if (plain) {
            plain(value, decimals);
        } else {
            scientific(value, decimals);
        }
    }

    /** {@code %.nf}: the digits rounded half up to n decimals; a minus sign for negative values and −0. */
    private void plain(double value, int decimals) {
        length = 0;
        if (Double.doubleToRawLongBits(value) < 0) {
            put('-');
        }
        int start = length;
        double magnitude = Math.abs(value);
        int count;
        int point; // digits before the decimal point in digits × 10^(point − count)
        if (magnitude == 0) {
            count = 1;
            digits[0] = '0';
            point = 1;
        } else {
            count = shortest(magnitude);
            point = count + decimal.exponent;
        }
        // n = the digits of round(value × 10^decimals), written from text[start]
        int kept = point + decimals;
        room(start + Math.max(kept, 1) + 2);
        if (kept >= count) {
            System.arraycopy(digits, 0, text, start, count);
            for (int i = count; i < kept; i++) {
                text[start + i] = '0';
            }
            length = start + kept;
        } else if (kept <= 0) {
            text[start] = kept == 0 && digits[0] >= '5' ? '1' : '0';
            length = start + 1;
        } else {
            System.arraycopy(digits, 0, text, start, kept);
            length = start + kept;
            if (digits[kept] >= '5') {
                roundUp(start);
            }
        }
        // place the point: "0.00n" when n has no more digits than decimals
        int n = length - start;
        if (decimals == 0) {
            return;
        }
        if (n <= decimals) {
            int zeros = decimals - n + 2; // "0." and the leading zeros
            room(length + zeros);
            System.arraycopy(text, start, text, start + zeros, n);
            text[start] = '0';
            text[start + 1] = '.';
            for (int i = 2; i < zeros; i++) {
                text[start + i] = '0';
            }
            length += zeros;
        } else {
            int at = length - decimals;
            room(length + 1);
            System.arraycopy(text, at, text, at + 1, decimals);
            text[at] = '.';
            length++;
        }
    }

    /** {@code %.ne}: one digit, the point, n digits, then e, the exponent's sign and at least two digits. */
    private void scientific(double value, int decimals) {
        length = 0;
        if (Double.doubleToRawLongBits(value) < 0) {
            put('-');
        }
        double magnitude = Math.abs(value);
        room(length + decimals + 8);
        int start = length;
        int exponent;
        if (magnitude == 0) {
            for (int i = 0; i <= decimals; i++) {
                text[length++] = '0';
            }
            exponent = 0;
        } else if (magnitude < Double.MIN_NORMAL) {
            // A subnormal has too few bits for its shortest decimal to be near it (Double.MIN_VALUE, 4.94066e-324,
            // reads back from "4.9E-324", which Formatter pads to 4.9000e-324): its exact value is rounded instead, as
            // the summary line's digits are. Normal doubles keep Formatter's output to the character.
            BigDecimal rounded = new BigDecimal(magnitude).round(new MathContext(decimals + 1, RoundingMode.HALF_UP));
            String unscaled = rounded.unscaledValue().toString();
            for (int i = 0; i <= decimals; i++) {
                text[length++] = i < unscaled.length() ? unscaled.charAt(i) : '0';
            }
            exponent = rounded.precision() - rounded.scale() - 1;
        } else {
            int count = shortest(magnitude);
            exponent = count + decimal.exponent - 1;
            int keep = decimals + 1;
            for (int i = 0; i < keep; i++) {
                text[length++] = i < count ? digits[i] : '0';
            }
            if (count > keep && digits[keep] >= '5' && roundUp(start)) {
                length--; // 9.99…→10.0…: one digit too many, and the exponent one higher
                exponent++;
            }
        }
        // the point after the first digit
        System.arraycopy(text, start + 1, text, start + 2, decimals);
        text[start + 1] = '.';
        length++;
        if (decimals == 0) {
            length--;
        }
        text[length++] = 'e';
        text[length++] = exponent < 0 ? '-' : '+';
        int e = Math.abs(exponent);
        if (e >= 100) {
            text[length++] = (char) ('0' + e / 100);
        }
        text[length++] = (char) ('0' + e / 10 % 10);
        text[length++] = (char) ('0' + e % 10);
    }

    /** The shortest digits of a positive finite double into {@link #digits}; returns how many. */
    private int shortest(double magnitude) {
        decimal.decimal(magnitude);
        long f = decimal.digits;
        int count = ShortestDecimal.length(f);
        for (int i = count - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + f % 10);
            f /= 10;
        }
        return count;
    }

    /**
     * Adds one to the last digit of text[start..length), carrying; when every digit was 9 the result is a 1 and
     * zeros, one digit longer, and this returns true.
     */
    private boolean roundUp(int start) {
        for (int i = length - 1; i >= start; i--) {
            if (text[i] != '9') {
                text[i]++;
                return false;
            }
            text[i] = '0';
        }
        room(length + 1);
        text[start] = '1';
        text[length++] = '0';
        return true;
    }

    private void put(char c) {
        text[length++] = c;
    }

    private void put(String s) {
        for (int i = 0; i < s.length(); i++) {
            text[length++] = s.charAt(i);
        }
    }

    private void room(int size) {
        if (size > text.length) {
            text = java.util.Arrays.copyOf(text, Math.max(size, 2 * text.length));
        }
    }
}
