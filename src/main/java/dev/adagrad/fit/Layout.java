package dev.adagrad.fit;

import java.util.List;

/**
 * How a model's parameter vector is cut into named matrices and vectors, as Keras's {@code get_weights()} lists a
 * network's: kernel l is W{l} (inputs × units, row by row), its bias b{l}. A linear model is one Dense unit: W1 is
 * d × 1 and b1 holds b. This is the layout of {@code --init} and {@code --save} files.
 *
 * @param blocks the blocks in the order of the parameter vector
 */
public record Layout(List<Block> blocks) {

    /**
     * One named block.
     *
     * @param name    W1, b1, …
     * @param rows    rows of a matrix; for a vector, its length
     * @param columns columns of a matrix, or 0 for a vector
     * @param offset  where it starts in the parameter vector
     */
    public record Block(String name, int rows, int columns, int offset) {
        public int size() {
            return columns == 0 ? rows : rows * columns;
        }

        public boolean matrix() {
            return columns > 0;
        }
    }

    public Layout {
        blocks = List.copyOf(blocks);
    }

    /** The layout of a network with these units per layer (inputs first, one output last). */
    public static Layout dense(int[] sizes) {
        List<Block> blocks = new java.util.ArrayList<>();
        int offset = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            blocks.add(new Block("W" + (l + 1), sizes[l], sizes[l + 1], offset));
            offset += sizes[l] * sizes[l + 1];
            blocks.add(new Block("b" + (l + 1), sizes[l + 1], 0, offset));
            offset += sizes[l + 1];
        }
        return new Layout(blocks);
    }

    /** The number of parameters. */
    public int dimension() {
        Block last = blocks.get(blocks.size() - 1);
        return last.offset() + last.size();
    }
}
