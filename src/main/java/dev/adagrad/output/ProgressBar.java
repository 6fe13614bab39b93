package dev.adagrad.output;

import dev.adagrad.fit.EpochListener;
import dev.adagrad.fit.EpochRecord;
import dev.adagrad.fit.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.LongSupplier;

/**
 * Keras's progress bar within an epoch, on a terminal: {@code Epoch 3/50  416/1000 [=========>          ]}, redrawn
 * in place at most ten times a second, and only once a fit has run for a second (a quick fit shows none). Before
 * each epoch's line it clears itself, so the lines read as they would without it. It wraps the epoch listener that
 * writes those lines.
 */
public final class ProgressBar implements Progress, EpochListener {

    private static final long SECOND = 1_000_000_000L;
    private static final int BAR = 30;

    private final Writer out;
    private final EpochListener lines;
    private final long epochs;
    private final LongSupplier clock;
    private final long start;
    private long lastDrawn;
    private int drawnWidth;

    /** @param clock nanoseconds, {@code System::nanoTime} */
    public ProgressBar(Writer out, EpochListener lines, long epochs, LongSupplier clock) {
        this.out = out;
        this.lines = lines;
        this.epochs = epochs;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDrawn = start;
    }

    @Override
    public void step(long epoch, int done, int rows) {
        long now = clock.getAsLong();
        if (now - start < SECOND || now - lastDrawn < SECOND / 10) {
            return;
        }
        lastDrawn = now;
        int filled = (int) ((long) BAR * done / rows);
        String count = Integer.toString(rows);
        String text = "Epoch " + epoch + "/" + epochs + "  " + pad(Integer.toString(done), count.length()) + "/"
                + count + " [" + "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "")
                + " ".repeat(BAR - filled) + "]";
        write("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
        drawnWidth = text.length();
        flush();
    }

    @Override
    public void onEpoch(EpochRecord record) {
        if (drawnWidth > 0) {
            write("\r" + " ".repeat(drawnWidth) + "\r");
            drawnWidth = 0;
        }
        lines.onEpoch(record);
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
