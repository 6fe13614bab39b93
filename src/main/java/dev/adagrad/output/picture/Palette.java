package dev.adagrad.output.picture;

import java.awt.image.IndexColorModel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The 255 colours of an animation, and index 255 for "unchanged since the last frame" (transparent).
 *
 * <p>The colours are the most frequent ones of a picture showing everything the animation will show (its last
 * frame): the contour bands, the lines' colours, the text's greys. A colour outside them (an anti-aliased edge) takes
 * the nearest one. Choosing once, from the picture itself, is both faster than the JDK writer's per-frame
 * quantisation and truer: every frame uses the same colours, so nothing flickers.
 */
final class Palette {

    static final int TRANSPARENT = 255;

    private final int[] colours;
    private final Map<Integer, Byte> indices = new HashMap<>();
    private final IndexColorModel model;

    private Palette(int[] colours) {
        this.colours = colours;
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < colours.length; i++) {
            r[i] = (byte) (colours[i] >> 16);
            g[i] = (byte) (colours[i] >> 8);
            b[i] = (byte) colours[i];
            indices.put(colours[i], (byte) i);
        }
        model = new IndexColorModel(8, 256, r, g, b, TRANSPARENT);
    }

    /** The (at most 255) most frequent colours of {@code rgb}, pixels as 0xRRGGBB (the top byte is ignored). */
    static Palette of(int[] rgb) {
        int[] sorted = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            sorted[i] = rgb[i] & 0xffffff;
        }
        Arrays.sort(sorted);
        long[] counted = new long[rgb.length];
        int distinct = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            counted[distinct++] = ((long) (j - i) << 24) | sorted[i]; // count in the high bits, so sorting ranks
            i = j;
        }
        long[] ranked = Arrays.copyOf(counted, distinct);
        Arrays.sort(ranked);
        int kept = Math.min(TRANSPARENT, distinct);
        int[] colours = new int[kept];
        for (int i = 0; i < kept; i++) {
            colours[i] = (int) (ranked[distinct - 1 - i] & 0xffffff);
        }
        return new Palette(colours);
    }

    IndexColorModel model() {
        return model;
    }

    int size() {
        return colours.length;
    }

    /** The index of the palette colour nearest {@code rgb} (remembered, since an animation repeats its colours). */
    byte index(int rgb) {
        int key = rgb & 0xffffff;
        Byte known = indices.get(key);
        if (known != null) {
            return known;
        }
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < colours.length; i++) {
            long dr = ((key >> 16) & 0xff) - ((colours[i] >> 16) & 0xff);
            long dg = ((key >> 8) & 0xff) - ((colours[i] >> 8) & 0xff);
            long db = (key & 0xff) - (colours[i] & 0xff);
            long distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db; // green weighs most to the eye
            if (distance < bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        indices.put(key, (byte) best);
        return (byte) best;
    }
}
