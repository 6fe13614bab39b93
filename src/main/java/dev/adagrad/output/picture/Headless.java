package dev.adagrad.output.picture;

/** Pictures are drawn off-screen: AWT must not look for a display. */
final class Headless {

    private Headless() {
    }

    /** Call before the first use of AWT or the chart library. */
    static void ensure() {
        System.setProperty("java.awt.headless", "true");
    }
}
