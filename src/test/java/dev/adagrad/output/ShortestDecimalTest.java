package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * ShortestDecimal against two independent references: jackson-core's Schubfach ({@code DoubleToDecimal.toString}, a
 * separately kept implementation of the same algorithm) on millions of doubles, and a search for the shortest decimal
 * with BigDecimal arithmetic straight from the definition. Every text must read back to its double.
 */
class ShortestDecimalTest {

    private final ShortestDecimal decimal = new ShortestDecimal();
    private final byte[] buffer = new byte[ShortestDecimal.MAX_LENGTH + 8];

    private String text(double value) {
        int end = decimal.write(value, buffer, 3);
        return new String(buffer, 3, end - 3, StandardCharsets.US_ASCII);
    }

    /** Subnormals, the extremes, powers of ten and two with their neighbours, integers around 2⁵³, signed zeros. */
    private static List<Double> edges() {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, 2 * Double.MIN_VALUE,
                3 * Double.MIN_VALUE, 4 * Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE), 9007199254740992.0, 9007199254740994.0,
                9007199254740991.0, 1e23, 2e23, 8.41e21, 5e-324, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100.0, 1e7, 9999999.0,
                9999999.999999998, 0.001, 0.0009999999999999998, 1e-4));
        for (int e = -325; e <= 309; e++) {
            double p = Double.parseDouble("1e" + e);
            values.add(p);
            values.add(Math.nextUp(p));
            values.add(Math.nextDown(p));
        }
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            values.add(p);
            values.add(Math.nextUp(p));
            values.add(Math.nextDown(p));
        }
        for (long n = 0; n < 2000; n++) {
            values.add((double) n);
            values.add(n / 1000.0);
        }
        List<Double> signed = new ArrayList<>();
        for (double v : values) {
            signed.add(v);
            signed.add(-v);
        }
        return signed;
    }

    @Test
    void edgeValuesMatchJacksonAndReadBack() {
        for (double value : edges()) {
            String text = text(value);
            assertEquals(DoubleToDecimal.toString(value), text, "digits of " + value);
            assertEquals(Double.doubleToRawLongBits(value), Double.doubleToRawLongBits(Double.parseDouble(text)), text);
        }
    }

    @Test
    void randomBitPatternsAndRandomMagnitudesMatchJacksonAndReadBack() {
        SplittableRandom random = new SplittableRandom(20261202);
        for (int i = 0; i < 500_000; i++) {
            double value = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong())
                    : random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
            String text = text(value);
            assertEquals(DoubleToDecimal.toString(value), text);
            if (!Double.isNaN(value)) {
                assertEquals(value, Double.parseDouble(text), text);
            }
        }
    }

    @Test
    void digitsAreTheShortestThatReadBackAndOfThoseTheClosest() {
        SplittableRandom random = new SplittableRandom(7);
        List<Double> values = new ArrayList<>(edges());
        for (int i = 0; i < 20_000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE));
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(-8, 8)));
        }
        for (double value : values) {
            double magnitude = Math.abs(value);
            if (magnitude == 0 || !Double.isFinite(magnitude)) {
                continue;
            }
            BigDecimal expected = shortestByDefinition(magnitude);
            decimal.decimal(magnitude);
            BigDecimal actual = BigDecimal.valueOf(decimal.digits).scaleByPowerOfTen(decimal.exponent);
            assertEquals(0, expected.compareTo(actual), value + ": expected " + expected + ", got " + actual);
        }
    }

    /**
     * Double.toString's choice as its specification (JDK 19 on) defines it: of the decimals that read back to
     * {@code v}, those of the fewest significant digits m (of one or two digits when m = 1), the closest to v's exact
     * value, on a tie the even one. Among p-digit decimals only the two around v's exact value can be closest.
     */
    private static BigDecimal shortestByDefinition(double v) {
        BigDecimal exact = new BigDecimal(v);
        BigDecimal one = closestThatReadsBack(v, exact, 1);
        if (one == null) {
            for (int p = 2; p <= 17; p++) {
                BigDecimal found = closestThatReadsBack(v, exact, p);
                if (found != null) {
                    return found;
                }
            }
            throw new AssertionError("no decimal of 17 digits reads back to " + v);
        }
        BigDecimal two = closestThatReadsBack(v, exact, 2);
        return exact.subtract(two).abs().compareTo(exact.subtract(one).abs()) < 0 ? two : one;
    }

    /** The p-digit decimal closest to {@code exact} that reads back to v (the even one on a tie), or null. */
    private static BigDecimal closestThatReadsBack(double v, BigDecimal exact, int p) {
        {
            BigDecimal down = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal ulp = down.ulp();
            BigDecimal up = down.compareTo(exact) == 0 ? down : down.add(ulp);
            boolean downReads = down.doubleValue() == v;
            boolean upReads = up.doubleValue() == v;
            if (downReads && upReads) {
                int side = exact.subtract(down).compareTo(up.subtract(exact));
                if (side != 0) {
                    return side < 0 ? down : up;
                }
                return down.unscaledValue().testBit(0) ? up : down;
            }
            if (downReads || upReads) {
                return downReads ? down : up;
            }
            return null;
        }
    }

    /** Where JDK 17's Double.toString is longer than it need be, and this class is not (the README's examples). */
    @Test
    void shortestWhereJdk17IsNot() {
        assertEquals("2.0E23", text(2e23)); // JDK 17: 1.9999999999999998E23
        assertEquals("1.0E23", text(1e23)); // JDK 17: 9.999999999999999E22
        assertEquals("8.41E21", text(8.41e21)); // JDK 17: 8.409999999999999E21
        assertEquals("4.9E-324", text(Double.MIN_VALUE));
        assertEquals("-0.0", text(-0.0));
        assertEquals("NaN", text(Double.NaN));
        assertEquals("-Infinity", text(Double.NEGATIVE_INFINITY));
    }

    /** Every entry of the table of 10^−k against BigInteger arithmetic from its definition. */
    @Test
    void tableOfPowersOfTenMatchesItsDefinition() throws ReflectiveOperationException {
        Field field = ShortestDecimal.class.getDeclaredField("G");
        field.setAccessible(true);
        long[] g = (long[]) field.get(null);
        assertEquals(2 * (292 + 324 + 1), g.length);
        for (int k = -324; k <= 292; k++) {
            // 10^−k = β·2^r with 2^125 ≤ β < 2^126: β = 10^−k·2^−r, g = floor(β) + 1
            BigInteger numerator = k <= 0 ? BigInteger.TEN.pow(-k) : BigInteger.ONE;
            BigInteger denominator = k <= 0 ? BigInteger.ONE : BigInteger.TEN.pow(k);
            int r = numerator.bitLength() - denominator.bitLength() - 126;
            BigInteger beta;
            while (true) {
                BigInteger n = r < 0 ? numerator.shiftLeft(-r) : numerator;
                BigInteger d = r > 0 ? denominator.shiftLeft(r) : denominator;
                beta = n.divide(d);
                if (beta.bitLength() > 126) {
                    r++;
                } else if (beta.bitLength() < 126) {
                    r--;
                } else {
                    break;
                }
            }
            BigInteger expected = beta.add(BigInteger.ONE);
            BigInteger actual = BigInteger.valueOf(g[(k + 324) * 2]).shiftLeft(63)
                    .or(BigInteger.valueOf(g[(k + 324) * 2 + 1]));
            assertEquals(expected, actual, "g for k = " + k);
            assertTrue(g[(k + 324) * 2 + 1] >= 0);
        }
    }
}
