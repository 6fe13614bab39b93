package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How explain shows numbers and fills an optimizer's formula with them. */
class ExplainWriterTest {

    @ParameterizedTest
    @CsvSource({
            "8.000000000000002, 8",
            "7.99999999996, 8",
            "0.125, 0.125",
            "0.09015230393, 0.0901523",
            "123.04, 123.04",
            "1e-10, 1e-10",
            "0.0000242218, 2.42218e-5",
            "0.0001, 0.0001",
            "999999.4, 999999",
            "1234567, 1.23457e6",
            "-0.5, -0.5",
            "0, 0",
    })
    void numbersHaveSixSignificantDigitsAndNoTrailingZeros(double value, String shown) {
        assertEquals(shown, ExplainWriter.number(value));
    }

    @Test
    void nonFiniteNumbers() {
        assertEquals("-∞", ExplainWriter.number(Double.NEGATIVE_INFINITY));
        assertEquals("NaN", ExplainWriter.number(Double.NaN));
    }

    @Test
    void placeholdersTakeTheNumbersInOrder() {
        assertEquals("4 − 0.125·8", ExplainWriter.substitute("{} − {}·{}", 4, 0.125, 8));
        assertEquals("0.8 / (1 − 0.9¹²)", ExplainWriter.substitute("{} / (1 − {}{t})", 0.8, 0.9, 12));
    }

    @Test
    void negativeNumbersAreBracketedAfterAnOperatorOrWhenRaised() {
        assertEquals("-4 − (-0.5)·(-8)", ExplainWriter.substitute("{} − {}·{}", -4, -0.5, -8));
        assertEquals("0 + (-8)²", ExplainWriter.substitute("{} + {}²", 0, -8));
        assertEquals("max(-1, |-8| + 1e-8)", ExplainWriter.substitute("max({}, |{}| + {})", -1, -8, 1e-8));
    }

    @Test
    void widthIgnoresCombiningMarks() {
        assertEquals(1, ExplainWriter.width("η̂"));
        assertEquals(2, ExplainWriter.width("m̂ₜ"));
    }
}
