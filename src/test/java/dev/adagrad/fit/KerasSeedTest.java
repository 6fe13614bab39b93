package dev.adagrad.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's Keras network — Dense(64, relu), Dense(1, sigmoid), binary cross-entropy, Adagrad(learning_rate=0.01),
 * batch 32, 50 epochs — on a 1000 × 20 file from fixed starting weights, against two real implementations whose
 * output is committed beside their scripts in {@code src/test/resources/keras-seed/}:
 *
 * <ul>
 *   <li>PyTorch 1.13 in float64 with autograd gradients, Keras's conventions written out ({@code torch_fit.py});</li>
 *   <li>TensorFlow.js's own {@code model.fit} ({@code tfjs_fit.js}), which computes in float32, so it can only agree
 *       to float32's rounding accumulated over 1,600 updates.</li>
 * </ul>
 */
class KerasSeedTest {

    private static final Path SEED = Path.of("src/test/resources/keras-seed");

    private static CsvTable fixture(String name) throws IOException {
        return new CsvTable(Files.readString(SEED.resolve(name)));
    }

    private static CsvTable fit(String... extra) {
        List<String> args = new ArrayList<>(List.of("fit", "--data", SEED.resolve("data.csv").toString(), "--model",
                "mlp", "--hidden", "64", "--compat", "keras", "--optimizer", "adagrad", "--lr", "0.01",
                "--batch-size", "32", "--epochs", "50", "--init", SEED.resolve("init.json").toString(), "--format",
                "csv"));
        args.addAll(List.of(extra));
        return new CsvTable(Cli.output(args));
    }

    /** The largest relative difference of a column over epochs from..50. */
    private static double largest(CsvTable expected, CsvTable actual, String column, int from) {
        double worst = 0;
        for (int epoch = from; epoch <= 50; epoch++) {
            int row = epoch - from;
            double e = expected.number(row, column);
            double a = actual.number(epoch, column);
            assertEquals(epoch, (int) expected.number(row, "epoch"));
            worst = Math.max(worst, Math.abs(e - a) / Math.max(Math.abs(e), 1e-300));
        }
        return worst;
    }

    @Test
    void everyEpochsLossAndAccuracyAreFloat64PyTorchsWithKerasConventions() throws IOException {
        CsvTable actual = fit();
        CsvTable torch = fixture("torch.csv");
        assertEquals(List.of("epoch", "step", "loss", "accuracy"), actual.header());
        assertEquals(51, actual.size());
        assertEquals(1600, actual.number(50, "step"), 0, "31 batches of 32 and one of 8 an epoch");
        assertEquals(0, largest(torch, actual, "loss", 0), 1e-10);
        assertEquals(0, largest(torch, actual, "accuracy", 0), 1e-12);
    }

    @Test
    void everyEpochAgreesWithTensorFlowJsModelFitToFloat32Rounding() throws IOException {
        CsvTable actual = fit();
        CsvTable tfjs = fixture("tfjs.csv");
        assertEquals(0, largest(tfjs, actual, "loss", 1), 1e-6, "float32 against float64 over 1,600 updates");
        assertEquals(0, largest(tfjs, actual, "accuracy", 1), 1e-6);
    }

    @Test
    void aValidationSplitHoldsOutTheLastFifthAsKerasDoes() throws IOException {
        CsvTable actual = fit("--validation-split", "0.2");
        assertEquals(List.of("epoch", "step", "loss", "accuracy", "val_loss", "val_accuracy"), actual.header());
        assertEquals(50 * 25, actual.number(50, "step"), 0, "800 rows: 25 batches of 32");
        CsvTable torch = fixture("torch-validation.csv");
        for (String column : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
            assertEquals(0, largest(torch, actual, column, 0), 1e-10, column);
        }
        // Against float32 TensorFlow.js the losses drift apart by up to 2·10⁻⁵ over the 1,250 updates of this run,
        // and once (epoch 31) a row whose p is within float32's rounding of 0.5 falls on the other side: the
        // accuracies may differ by one row. PyTorch above, in float64, agrees with adagrad to 1e-10 throughout.
        CsvTable tfjs = fixture("tfjs-validation.csv");
        assertEquals(0, largest(tfjs, actual, "loss", 1), 5e-5, "loss against float32 TensorFlow.js");
        assertEquals(0, largest(tfjs, actual, "val_loss", 1), 5e-5, "val_loss against float32 TensorFlow.js");
        for (int epoch = 1; epoch <= 50; epoch++) {
            assertEquals(tfjs.number(epoch - 1, "accuracy"), actual.number(epoch, "accuracy"), 1.0 / 800 + 1e-7);
            assertEquals(tfjs.number(epoch - 1, "val_accuracy"), actual.number(epoch, "val_accuracy"),
                    1.0 / 200 + 1e-7);
        }
    }
}
