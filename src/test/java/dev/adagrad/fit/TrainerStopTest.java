package dev.adagrad.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.data.LabelledRows;
import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Optimizers;
import dev.adagrad.run.StopReason;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A stop asked for inside one long batch ends the fit there, with the last whole epoch as its result. */
class TrainerStopTest {

    private static final int ROWS = 10_000;

    private static LabelledRows rows() {
        int[] start = new int[ROWS + 1];
        int[] index = new int[ROWS];
        double[] values = new double[ROWS];
        double[] labels = new double[ROWS];
        int[] lines = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            start[r + 1] = r + 1;
            index[r] = r % 3;
            values[r] = 1 + r % 7;
            labels[r] = r % 2 == 0 ? 1 : -1;
            lines[r] = r + 1;
        }
        return new LabelledRows("rows", null, 3, start, index, values, labels, lines);
    }

    @Test
    void aStopInsideAFullBatchEndsTheFitWithEpochZero() {
        // Epoch 0's evaluation looks at the stop after rows 4096 and 8192 (calls 1, 2); epoch 1 looks before its
        // batch (3) and then after the batch's row 4096 (4): the interrupt answers true from the fourth look on.
        AtomicInteger looks = new AtomicInteger();
        Stop stop = Stop.of(null, () -> looks.incrementAndGet() >= 4);
        LinearModel model = new LinearModel(rows(), LinearModel.Loss.LOGISTIC, 0);
        Trainer trainer = new Trainer(model, null, ExactGradient.instance(),
                Optimizers.byName("adagrad").orElseThrow().create(4, Compat.torch, Map.of()),
                Trainer.Conventions.DEFAULT, stop);
        FitResult result = trainer.train(new double[4], new Schedule(5, Integer.MAX_VALUE, false, 0, 1),
                record -> { });
        assertEquals(StopReason.INTERRUPTED, result.stop());
        assertEquals(4, looks.get(), "stopped at the first look that said so, inside the batch");
        assertEquals(0, result.epochs());
        assertEquals(0, result.steps(), "the interrupted step was not taken");
        assertEquals(1, result.history().size());
        assertEquals(Math.log(2), result.loss(), 1e-12, "epoch 0: every weight 0");
        assertArrayEquals(new double[4], result.parameters());
    }

    @Test
    void aStopInsideACentralDifferenceOfSmallBatchesEndsTheStep() {
        // 200 rows of 50 features: no single evaluation reaches 4,096 rows, but the central difference of 51
        // parameters makes 102 of them per step. The count runs across them: look 1 is the trainer's before epoch
        // 1's batch, looks 2 and 3 come after 4,096 and 8,192 rows of that step's differences; the third says stop.
        int rows = 200;
        int features = 50;
        int[] start = new int[rows + 1];
        int[] index = new int[rows * features];
        double[] values = new double[rows * features];
        double[] labels = new double[rows];
        int[] lines = new int[rows];
        for (int r = 0; r < rows; r++) {
            start[r + 1] = (r + 1) * features;
            for (int j = 0; j < features; j++) {
                index[r * features + j] = j;
                values[r * features + j] = 1 + (r + j) % 5;
            }
            labels[r] = r % 2 == 0 ? 1 : -1;
            lines[r] = r + 1;
        }
        LabelledRows data = new LabelledRows("rows", null, features, start, index, values, labels, lines);
        AtomicInteger looks = new AtomicInteger();
        Stop stop = Stop.of(null, () -> looks.incrementAndGet() >= 3);
        LinearModel model = new LinearModel(data, LinearModel.Loss.LOGISTIC, 0);
        Trainer trainer = new Trainer(model, null, CentralDifference.scaled(),
                Optimizers.byName("adagrad").orElseThrow().create(features + 1, Compat.torch, Map.of()),
                Trainer.Conventions.DEFAULT, stop);
        FitResult result = trainer.train(new double[features + 1], new Schedule(5, Integer.MAX_VALUE, false, 0, 1),
                record -> { });
        assertEquals(StopReason.INTERRUPTED, result.stop());
        assertEquals(3, looks.get());
        assertEquals(0, result.steps(), "stopped inside the first step's differences, which was not taken");
        assertEquals(0, result.epochs());
    }
}
