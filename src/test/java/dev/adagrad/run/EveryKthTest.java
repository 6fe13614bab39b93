package dev.adagrad.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Optimizers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EveryKthTest {

    /** step, f, x, gradient, update, every state value: what a writer would print. */
    private static List<List<Double>> rows(String f, String optimizer, double lr, double x0, long steps, double tol,
                                           long every) {
        List<List<Double>> rows = new ArrayList<>();
        dev.adagrad.optim.Optimizer chosen = Optimizers.byName(optimizer).orElseThrow()
                .create(1, Compat.torch, Map.of("lr", lr));
        int stateColumns = chosen.stateColumns().size();
        StepListener collect = record -> {
            List<Double> row = new ArrayList<>(List.of((double) record.step(), record.f(), record.x(0)));
            if (!record.isStart()) {
                row.add(record.gradient(0));
                row.add(record.update(0));
                for (int c = 0; c < stateColumns; c++) {
                    row.add(record.state(c, 0));
                }
            }
            rows.add(row);
        };
        StepListener filtered = EveryKth.of(collect, every);
        new Runner(Objective.of(f), CentralDifference.scaled(), chosen).run(new double[] {x0}, steps, tol, filtered);
        EveryKth.finish(filtered);
        return rows;
    }

    @Test
    void keepsStepZeroEveryKthAndTheLastRowExactlyAsTheFullRunHasThem() {
        List<List<Double>> all = rows("x^2", "adagrad", 1, 4, 10, 0, 1);
        List<List<Double>> some = rows("x^2", "adagrad", 1, 4, 10, 0, 4);
        assertEquals(List.of(all.get(0), all.get(4), all.get(8), all.get(10)), some);
    }

    @Test
    void aRunStoppedByTheToleranceEndsWithItsLastCompletedRow() {
        List<List<Double>> all = rows("x^2", "adam", 0.1, 4, 1000, 1e-3, 1);
        List<List<Double>> some = rows("x^2", "adam", 0.1, 4, 1000, 1e-3, 7);
        assertEquals(all.get(all.size() - 1), some.get(some.size() - 1));
        assertEquals(1 + (all.size() - 1) / 7 + ((all.size() - 1) % 7 == 0 ? 0 : 1), some.size());
    }

    /** SGD at lr 10 on x⁴ overflows after a few steps; the last row printed is the last finite one. */
    @Test
    void aRunThatDivergesEndsWithItsLastFiniteRow() {
        List<List<Double>> all = rows("x^4", "sgd", 10, 3, 100, 0, 1);
        List<List<Double>> some = rows("x^4", "sgd", 10, 3, 100, 0, 100);
        assertEquals(List.of(all.get(0), all.get(all.size() - 1)), some);
    }
}
