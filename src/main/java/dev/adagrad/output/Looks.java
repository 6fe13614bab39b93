package dev.adagrad.output;

import dev.adagrad.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One colour, dash pattern and marker per optimizer, fixed by its place in the registry, so that AdaGrad is the same
 * bluish green in every picture, animation, terminal chart and page, whichever optimizers are compared with it.
 *
 * <p>The colours are Okabe and Ito's eight, chosen to stay apart for the common kinds of colour blindness. With twelve
 * optimizers registered some share a colour; no two share colour, dash and marker together, and the optimizers
 * usually compared side by side (sgd, momentum, adagrad, rmsprop, adam) differ in colour and in dash or marker, so
 * paths that lie on one another stay visible. A name the registry does not know (a series such as "train", or an
 * optimizer from elsewhere) takes the next look after the registry's, in the order such names appear.
 *
 * <p>Holds no AWT types, so the terminal chart and the page use it without loading the picture classes.
 */
public final class Looks {

    /** Dash patterns, in multiples of the line's width (null: a solid line). */
    public enum Dash {
        SOLID(null), DASHED(new float[] {4, 2.5f}), DOTTED(new float[] {0.1f, 2.2f}),
        DASH_DOT(new float[] {5, 2, 0.1f, 2});

        private final float[] pattern;

        Dash(float[] pattern) {
            this.pattern = pattern;
        }

        /** The pattern scaled to a line {@code width} wide, or null for a solid line. */
        public float[] pattern(float width) {
            if (pattern == null) {
                return null;
            }
            float[] scaled = new float[pattern.length];
            for (int i = 0; i < scaled.length; i++) {
                scaled[i] = pattern[i] * width;
            }
            return scaled;
        }
    }

    /** Marker shapes, drawn by the pictures and the page. */
    public enum Marker {
        CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, PENTAGON
    }

    /**
     * How one series is drawn.
     *
     * @param rgb    its colour, 0xRRGGBB
     * @param dash   its line's dash pattern
     * @param marker the shape of its markers
     */
    public record Look(int rgb, Dash dash, Marker marker) {

        /** The colour as CSS writes it: {@code #d55e00}. */
        public String hex() {
            return String.format(Locale.ROOT, "#%06x", rgb);
        }
    }

    public static final int VERMILLION = 0xd55e00;
    public static final int BLUE = 0x0072b2;
    public static final int SKY_BLUE = 0x56b4e9;
    public static final int BLUISH_GREEN = 0x009e73;
    public static final int ORANGE = 0xe69f00;
    public static final int BLACK = 0x000000;
    public static final int REDDISH_PURPLE = 0xcc79a7;
    public static final int YELLOW = 0xf0e442;

    /**
     * The looks in registry order (sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, adamw, amsgrad, adamax,
     * nadam, radam), then four spare ones; yellow, faint on a pale picture, goes to a rarely compared optimizer.
     */
    private static final Look[] TABLE = {
        new Look(VERMILLION, Dash.SOLID, Marker.CIRCLE),
        new Look(BLUE, Dash.DASHED, Marker.SQUARE),
        new Look(SKY_BLUE, Dash.DOTTED, Marker.TRIANGLE),
        new Look(BLUISH_GREEN, Dash.SOLID, Marker.DIAMOND),
        new Look(ORANGE, Dash.DASHED, Marker.TRIANGLE_DOWN),
        new Look(BLACK, Dash.DOTTED, Marker.PENTAGON),
        new Look(REDDISH_PURPLE, Dash.DASHED, Marker.CIRCLE),
        new Look(YELLOW, Dash.SOLID, Marker.SQUARE),
        new Look(VERMILLION, Dash.DOTTED, Marker.DIAMOND),
        new Look(BLUE, Dash.SOLID, Marker.TRIANGLE),
        new Look(SKY_BLUE, Dash.DASHED, Marker.PENTAGON),
        new Look(BLUISH_GREEN, Dash.DOTTED, Marker.TRIANGLE_DOWN),
        new Look(ORANGE, Dash.DASH_DOT, Marker.CIRCLE),
        new Look(REDDISH_PURPLE, Dash.SOLID, Marker.DIAMOND),
        new Look(BLACK, Dash.DASH_DOT, Marker.SQUARE),
        new Look(SKY_BLUE, Dash.SOLID, Marker.CIRCLE),
    };

    private static final int[] COLOURS = {VERMILLION, BLUE, SKY_BLUE, BLUISH_GREEN, ORANGE, BLACK, REDDISH_PURPLE,
        YELLOW};

    private Looks() {
    }

    /** The look at {@code index}: the table's, then colours, dashes and markers cycling at different rates. */
    public static Look at(int index) {
        if (index < TABLE.length) {
            return TABLE[index];
        }
        Dash[] dashes = Dash.values();
        Marker[] markers = Marker.values();
        return new Look(COLOURS[index % COLOURS.length], dashes[(index / COLOURS.length) % dashes.length],
                markers[index % markers.length]);
    }

    /** The registered optimizer's look, or null for a name the registry does not know. */
    public static Look ofOptimizer(String name) {
        int index = Optimizers.names().indexOf(name);
        return index < 0 ? null : at(index);
    }

    /**
     * A look for each name, in order: a registered optimizer's own, and for each other name the next look after the
     * registry's (the same name twice gets the same look).
     */
    public static List<Look> of(List<String> names) {
        List<String> strangers = new ArrayList<>();
        List<Look> looks = new ArrayList<>();
        int registered = Optimizers.names().size();
        for (String name : names) {
            Look own = ofOptimizer(name);
            if (own == null) {
                if (!strangers.contains(name)) {
                    strangers.add(name);
                }
                own = at(registered + strangers.indexOf(name));
            }
            looks.add(own);
        }
        return looks;
    }
}
