package dev.adagrad.output.picture;

/** Pictures are drawn off-screen: AWT must not look for a display. */
final class Headless {

    private Headless() {
    }

    /**
     * Call before the first use of AWT or the chart library. ImageIO is also told to encode in memory: its default
     * cache is a temporary file closed by a shutdown hook ("StreamCloser") that threw a NullPointerException at exit
     * after a write to a full disk had failed.
     */
    static void ensure() {
        System.setProperty("java.awt.headless", "true");
        javax.imageio.ImageIO.setUseCache(false);
    }
}
