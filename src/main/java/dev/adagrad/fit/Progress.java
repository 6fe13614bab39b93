package dev.adagrad.fit;

/**
 * Told after every step how far the epoch has come, for a progress bar. Called on the training thread; an
 * implementation that draws must decide cheaply when not to (most calls).
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (epoch, done, rows) -> { };

    /** After a step of {@code epoch}: {@code done} of its {@code rows} rows have been trained on. */
    void step(long epoch, int done, int rows);
}
