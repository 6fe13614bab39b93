package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NumberText's fixed-point and scientific forms against java.util.Formatter, the implementation they replace. */
class NumberTextFormatterTest {

    private static final double[] EDGES = {0.0, -0.0, 1, -1, 0.5, 0.00005, 0.00015, 0.000049999, 2.5e-5, 9.99995,
            9.999949, 99999.99995, 1e5, 123456.789, 0.125, 0.0625, 1.0000500000000001, Double.MIN_NORMAL, 1.7976931348623157e308,
            -3.870147053, 0.584948001, 1e-10, 64.0, 0.090152, 123.04, 1e300, 9.5e-7, 0.1 + 0.2};

    private static void check(double value) {
        for (int decimals = 1; decimals <= 8; decimals++) {
            String what = value + " with " + decimals + " decimals";
            assertEquals(String.format(Locale.ROOT, "%." + decimals + "f", value),
                    NumberText.plainFixed(value, decimals), what);
            assertEquals(String.format(Locale.ROOT, "%." + decimals + "e", value),
                    NumberText.scientificFixed(value, decimals), what);
        }
    }

    @Test
    void edgeCasesMatchFormatter() {
        for (double value : EDGES) {
            check(value);
            check(-value);
        }
    }

    /**
     * Where NumberText departs from Formatter: a subnormal in scientific form is its exact value rounded, not
     * Double.toString's shortest digits padded with zeros (Formatter's 4.9000e-324 for Double.MIN_VALUE). The exact
     * values: 2⁻¹⁰⁷⁴ = 4.94065645841…e-324, 1e-320 is stored as 2024·2⁻¹⁰⁷⁴ = 9.99988867…e-321, 2.5e-323 as 5·2⁻¹⁰⁷⁴
     * = 2.47032822…e-323, and 1e-310 as 9.99999999999999969…e-311.
     */
    @Test
    void subnormalsShowTheirExactValueRounded() {
        assertEquals("4.9407e-324", NumberText.scientificFixed(Double.MIN_VALUE, 4));
        assertEquals("-4.9407e-324", NumberText.scientificFixed(-Double.MIN_VALUE, 4));
        assertEquals("4.940656e-324", NumberText.scientificFixed(Double.MIN_VALUE, 6));
        assertEquals("9.9999e-321", NumberText.scientificFixed(1e-320, 4));
        assertEquals("2.4703e-323", NumberText.scientificFixed(2.5e-323, 4));
        assertEquals("1.0000e-310", NumberText.scientificFixed(1e-310, 4));
        assertEquals("4.9407e-324", NumberText.fixed(Double.MIN_VALUE, 4));
        // the largest subnormal, just below 2⁻¹⁰²² = 2.2250738585072014e-308, and the smallest normal
        assertEquals("2.2251e-308", NumberText.scientificFixed(Math.nextDown(Double.MIN_NORMAL), 4));
        assertEquals("2.2251e-308", NumberText.scientificFixed(Double.MIN_NORMAL, 4));
    }

    /**
     * A narrow cell (9 characters, or a wider title's): a number whose usual text fits is printed as the wide table
     * prints it; the others in scientific notation with as many significant digits as fit, rounded half up: 123450 is
     * 1.235e+05, not 1.234e+05. 9.9999e99 rounds to 1.000e+100 at four digits, ten characters, so it has three.
     * Double.MIN_VALUE = 4.94065…e-324 keeps three digits, two with its minus sign.
     */
    @Test
    void narrowCellsKeepUsualNumbersAndShortenTheOthers() {
        assertEquals("4.0000", NumberText.narrow(4, 4, 9));
        assertEquals("123.0400", NumberText.narrow(123.04, 4, 9));
        assertEquals("0.125000", NumberText.narrow(0.125, 6, 9));
        assertEquals("-999.9999", NumberText.narrow(-999.9999, 4, 9));
        assertEquals("1234.5678", NumberText.narrow(1234.5678, 4, 9));
        assertEquals("-0.0000", NumberText.narrow(-0.0, 4, 9));
        assertEquals("NaN", NumberText.narrow(Double.NaN, 4, 9));
        assertEquals("-inf", NumberText.narrow(Double.NEGATIVE_INFINITY, 4, 9));
        assertEquals("4.050026e-05", NumberText.narrow(4.0500256e-5, 6, 13), "a 13-wide title's room");

        assertEquals("-1.23e+03", NumberText.narrow(-1234.5678, 4, 9));
        assertEquals("1.235e+04", NumberText.narrow(12345.6789, 4, 9));
        assertEquals("-1.23e+04", NumberText.narrow(-12345.6789, 4, 9));
        assertEquals("1.235e+05", NumberText.narrow(123456.7, 4, 9));
        assertEquals("-1.23e+05", NumberText.narrow(-123456.7, 4, 9));
        assertEquals("1.235e+05", NumberText.narrow(123450, 4, 9));
        assertEquals("1.234e-04", NumberText.narrow(0.0001234, 4, 9));
        assertEquals("1.23e-200", NumberText.narrow(1.23456e-200, 4, 9));
        assertEquals("-1.2e-200", NumberText.narrow(-1.23456e-200, 4, 9));
        assertEquals("1.00e+100", NumberText.narrow(9.9999e99, 4, 9));
        assertEquals("-1.0e+100", NumberText.narrow(-9.9999e99, 4, 9));
        assertEquals("1.80e+308", NumberText.narrow(Double.MAX_VALUE, 4, 9));
        assertEquals("4.94e-324", NumberText.narrow(Double.MIN_VALUE, 4, 9));
        assertEquals("-4.9e-324", NumberText.narrow(-Double.MIN_VALUE, 4, 9));
        assertEquals("100.0000", NumberText.narrow(99.99999, 4, 9));
        assertEquals("1.000e+04", NumberText.narrow(9999.99999, 4, 9), "10000.0000 does not fit");
    }

    /** Shortened narrow cells are Formatter's %.ne with the largest n whose text fits. */
    @Test
    void shortenedNarrowCellsMatchFormatter() {
        SplittableRandom random = new SplittableRandom(20261203);
        for (int i = 0; i < 20_000; i++) {
            double value = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-300, 300));
            for (int width : new int[] {9, 10, 13}) {
                int decimals = random.nextBoolean() ? 4 : 6;
                String usual = NumberText.fixed(value, decimals);
                String expected = usual;
                for (int n = decimals; expected.length() > width; n--) {
                    expected = String.format(Locale.ROOT, "%." + n + "e", value);
                }
                assertEquals(expected, NumberText.narrow(value, decimals, width),
                        value + " with " + decimals + " decimals in " + width);
            }
        }
    }

    @Test
    void randomValuesOverEveryMagnitudeMatchFormatter() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int i = 0; i < 20_000; i++) {
            double value = random.nextDouble(-1, 1) * Math.pow(10, random.nextInt(-12, 12));
            check(value);
            // values that sit exactly on a rounding boundary of their short decimal form
            check(Math.round(value * 1e4) / 1e4 + 0.00005);
        }
    }
}
