package dev.adagrad.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adagrad.data.CsvDataLoader;
import dev.adagrad.data.Dataset;
import dev.adagrad.data.LabelledRows;
import dev.adagrad.data.WeightsReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Backpropagation against real PyTorch autograd (float64; fixtures and their script in
 * {@code src/test/resources/mlp/}): the mean loss and every component of its gradient at fixed weights, for two
 * hidden tanh layers with binary cross-entropy, a sigmoid layer with squared error, and relu with Keras's clipped
 * binary cross-entropy (two rows clip, so their gradient is 0) plus an L2 penalty on the kernels.
 */
class MlpGradientTest {

    private static final Path MLP = Path.of("src/test/resources/mlp");

    private static void check(String name, String target, int[] hidden, Mlp.Activation activation,
                              Mlp.Output output, boolean clip, double l2) throws IOException {
        Dataset dataset = CsvDataLoader.load(MLP.resolve("data.csv"), Set.of("x1", "x2", "x3", target)::contains);
        LabelledRows rows = LabelledRows.fromDataset(dataset, dataset.column(target));
        Mlp network = new Mlp(rows, hidden, activation, output, clip, l2);
        Layout layout = Layout.dense(network.sizes());
        double[] weights = WeightsReader.read(MLP.resolve(name + "-weights.json"), layout);
        double[] expected = WeightsReader.read(MLP.resolve(name + "-gradient.json"), layout);
        double loss = Double.parseDouble(Files.readString(MLP.resolve(name + "-loss.txt")).strip());

        double[] gradient = new double[network.dimension()];
        assertEquals(loss, network.valueAndGradient(weights, gradient), 1e-14 * Math.abs(loss), name + ": loss");
        assertEquals(loss, network.value(weights), 1e-14 * Math.abs(loss), name + ": value alone");
        for (int i = 0; i < gradient.length; i++) {
            assertEquals(expected[i], gradient[i], 1e-13 * Math.max(1, Math.abs(expected[i])),
                    name + ": ∂/∂" + network.variables().get(i));
        }
    }

    @Test
    void twoTanhLayersWithBinaryCrossEntropy() throws IOException {
        check("tanh-bce", "y", new int[] {4, 3}, Mlp.Activation.TANH, Mlp.Output.BCE, false, 0);
    }

    @Test
    void aSigmoidLayerWithSquaredError() throws IOException {
        check("sigmoid-mse", "t", new int[] {5}, Mlp.Activation.SIGMOID, Mlp.Output.MSE, false, 0);
    }

    @Test
    void reluWithKerasClippedCrossEntropyAndL2() throws IOException {
        check("relu-keras", "y", new int[] {4}, Mlp.Activation.RELU, Mlp.Output.BCE, true, 0.01);
    }
}
