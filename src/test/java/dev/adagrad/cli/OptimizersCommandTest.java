package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code adagrad optimizers}: the list of twelve and one optimizer in full. */
class OptimizersCommandTest {

    private static final List<String> TWELVE = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop",
            "adadelta", "adam", "adamw", "amsgrad", "adamax", "nadam", "radam");

    @Test
    void listsAllTwelveWithTheirDefaults() {
        Cli.Result result = Cli.run("optimizers");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        for (int i = 0; i < TWELVE.size(); i++) {
            assertTrue(lines[2 * i].startsWith(TWELVE.get(i) + " "), lines[2 * i]);
        }
        // PyTorch's documented defaults.
        assertTrue(lines[1].contains("--lr 0.001") && lines[1].contains("--momentum 0 "), lines[1]);
        assertTrue(lines[3].contains("--momentum 0.9"), lines[3]);
        assertTrue(lines[5].contains("--nesterov true"), lines[5]);
        assertTrue(lines[7].contains("--lr 0.01") && lines[7].contains("--eps 1e-10"), lines[7]);
        assertTrue(lines[9].contains("--alpha 0.99") && lines[9].contains("--eps 1e-8"), lines[9]);
        assertTrue(lines[11].contains("--lr 1 ") && lines[11].contains("--rho 0.9") && lines[11].contains("1e-6"),
                lines[11]);
        assertTrue(lines[15].contains("--weight-decay 0.01"), lines[15]);
        assertTrue(lines[17].contains("--amsgrad true"), lines[17]);
        assertTrue(lines[19].contains("--lr 0.002"), lines[19]);
        assertTrue(lines[21].contains("--momentum-decay 0.004"), lines[21]);
    }

    @Test
    void listsAFrameworksDefaultsAndWhatItLacks() {
        Cli.Result result = Cli.run("optimizers", "--compat", "keras");

        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.contains("--initial-accumulator-value 0.1"), out);
        assertTrue(out.contains("--eps-inside-sqrt true"), out);
        assertTrue(out.contains("(Keras has no radam optimizer)"), out);
    }

    @Test
    void showsOneOptimizersAlgorithmOptionsPresetsAndColumns() {
        Cli.Result result = Cli.run("optimizers", "nadam");

        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.contains("μₜ ← β₁·(1 − ½·0.96^(tψ))"), out);
        assertTrue(out.contains("--momentum-decay 0.004"), out);
        assertTrue(out.contains("keras  decoupled_weight_decay true, eps 1e-7, lr 0.001, momentum_decay 1"), out);
        assertTrue(out.contains("tfjs   TensorFlow.js has no nadam optimizer"), out);
        assertTrue(out.contains("m_v ") && out.contains("v_v ") && out.contains("lr_v "), out);
    }

    @Test
    void unknownNameIsAUsageError() {
        Cli.Result result = Cli.run("optimizers", "lbfgs");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("unknown optimizer 'lbfgs'"), result.err());
    }
}
