package dev.adagrad.data;

/** How a label is written in a message: whole numbers without a fraction. */
final class Labels {

    private Labels() {
    }

    static String text(double label) {
        return label == Math.rint(label) && Math.abs(label) < 1e15 ? Long.toString((long) label)
                : Double.toString(label);
    }
}
