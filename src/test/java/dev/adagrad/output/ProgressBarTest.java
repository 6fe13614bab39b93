package dev.adagrad.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.fit.EpochListener;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress bar: nothing in a fit's first second, then at most ten redraws a second, cleared before a line. */
class ProgressBarTest {

    private long now;

    @Test
    void drawsOnlyAfterASecondAtMostTenTimesASecondAndClearsItselfBeforeTheEpochsLine() {
        StringWriter out = new StringWriter();
        EpochListener lines = record -> out.write("Epoch line\n");
        ProgressBar bar = new ProgressBar(out, lines, 50, () -> now);
        now = 500_000_000L;
        bar.step(1, 100, 1000);
        assertEquals("", out.toString(), "nothing in the first second");
        now = 1_000_000_000L;
        bar.step(1, 416, 1000);
        String drawn = "\rEpoch 1/50   416/1000 [===========>                  ]";
        assertEquals(drawn, out.toString(), "30 columns, 12 of them filled for 41.6 %");
        now += 50_000_000L;
        bar.step(1, 500, 1000);
        assertEquals(drawn, out.toString(), "not again within a tenth of a second");
        bar.onEpoch(null);
        String cleared = drawn + "\r" + " ".repeat(drawn.length() - 1) + "\r" + "Epoch line\n";
        assertEquals(cleared, out.toString());
        now += 100_000_000L;
        bar.step(2, 1000, 1000);
        assertEquals(cleared + "\rEpoch 2/50  1000/1000 [=============================>]", out.toString());
    }
}
