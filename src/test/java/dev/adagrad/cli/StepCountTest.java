package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/**
 * --steps and the other counts: a whole number from 0 to {@link Numbers#MAX_STEPS}, in any notation a double has;
 * the expected values here come from BigDecimal, the exact reading of the text.
 */
class StepCountTest {

    private static List<String> texts() {
        List<String> texts = new ArrayList<>(List.of("0", "1", "10", "100", "007", "000", " 42 ", "\t5",
                "999999999", "1000000000", "1000000001", "999999999999999999", "9999999999999999999",
                "1e6", "1E3", "+5", "10.0", "1.5", "-0", "-1", "5.", ".5e1", "12345678901234567890"));
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            int digits = random.nextInt(1, 20);
            StringBuilder text = new StringBuilder();
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            texts.add(text.toString());
        }
        return texts;
    }

    @Test
    void aCountIsTheWholeNumberItsTextSaysUpToTheLimit() {
        for (Numbers.StepCount count : List.of(new Numbers.StepCount(), new Numbers.Count())) {
            String unit = count instanceof Numbers.Count ? "" : " steps";
            for (String text : texts()) {
                BigDecimal exact = new BigDecimal(text.strip());
                if (exact.signum() < 0 || exact.stripTrailingZeros().scale() > 0) {
                    continue; // refused for another reason, with messages of their own
                }
                if (exact.compareTo(BigDecimal.valueOf(Numbers.MAX_STEPS)) > 0) {
                    TypeConversionException e = assertThrows(TypeConversionException.class,
                            () -> count.convert(text), text);
                    assertEquals("'" + text + "' is above the limit of 1000000000" + unit, e.getMessage());
                } else {
                    assertEquals(exact.longValueExact(), count.convert(text), text);
                }
            }
        }
    }
}
