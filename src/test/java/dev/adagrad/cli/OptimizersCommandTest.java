package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code adagrad optimizers}: the list of every built-in and one optimizer in full. */
class OptimizersCommandTest {

    private static final List<String> ALL = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop",
            "adadelta", "adam", "adamw", "amsgrad", "adamax", "nadam", "radam", "rprop", "asgd", "lion", "newton", "lbfgs");

    @Test
    void listsEveryBuiltInWithItsDefaults() {
        Cli.Result result = Cli.run("optimizers");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        for (int i = 0; i < ALL.size(); i++) {
            assertTrue(lines[2 * i].startsWith(ALL.get(i) + " "), lines[2 * i]);
        }
        assertTrue(lines[2 * ALL.size()].isBlank(), "no optimizer after " + ALL.get(ALL.size() - 1) + ": " + result.out());
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
        assertTrue(lines[25].contains("--etaminus 0.5") && lines[25].contains("--etaplus 1.2")
                && lines[25].contains("--step-size-min 1e-6") && lines[25].contains("--step-size-max 50"), lines[25]);
        assertTrue(lines[27].contains("--lambd 0.0001") && lines[27].contains("--alpha 0.75")
                && lines[27].contains("--t0 1000000"), lines[27]);
        assertTrue(lines[29].contains("--lr 0.001") && lines[29].contains("--beta2 0.99"), lines[29]);
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
        Cli.Result result = Cli.run("optimizers", "sophia");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("unknown optimizer 'sophia'"), result.err());
    }
}
