package dev.adagrad.fit;

/**
 * How the rows are visited.
 *
 * @param epochs     passes over the data (≥ 0)
 * @param batchSize  rows per step (≥ 1); the last batch of an epoch holds what is left, as PyTorch's DataLoader does
 *                   without drop_last; a size above the row count means one full batch
 * @param shuffle    whether the row order is shuffled (Fisher–Yates) at the start of every epoch
 * @param seed       the seed of the shuffles' {@link java.util.SplittableRandom}, created once per fit
 * @param printEvery hand epochs 0, k, 2k, … (and always the last) to the listener
 */
public record Schedule(long epochs, int batchSize, boolean shuffle, long seed, long printEvery) {

    public Schedule {
        if (epochs < 0 || batchSize < 1 || printEvery < 1) {
            throw new IllegalArgumentException("epochs ≥ 0, batch size ≥ 1, print every ≥ 1: " + epochs + ", "
                    + batchSize + ", " + printEvery);
        }
    }

    /** Optimizer steps in one epoch of {@code rows} rows: ⌈rows / batch size⌉. */
    public long stepsPerEpoch(int rows) {
        return (rows + (long) batchSize - 1) / batchSize;
    }
}
