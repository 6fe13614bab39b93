package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's scale, end to end with the packaged jar in the JVM's default heap: a million svmlight features and
 * 10⁵ rows piped from {@code adagrad data} into {@code adagrad fit --data -}, one epoch of AdaGrad at batch 1.
 */
class SparseScaleIT {

    private static final Path JAR = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("target/adagrad.jar");

    @Test
    void aMillionSparseFeaturesTrainFromAPipeInTheDefaultHeap() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String pipeline = String.join(" ", java, "-jar", JAR.toString(), "data sparse-logistic --features 1000000"
                + " --rows 100000 --density 5e-5 --seed 1 --format svmlight |", java, "-jar", JAR.toString(),
                "fit --data - --data-format svmlight --model logistic --batch-size 1 --epochs 1 --lr 0.1 --format csv");
        Process process = new ProcessBuilder(List.of("bash", "-o", "pipefail", "-c", pipeline)).start();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "finished in time");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), err);
        assertEquals("", err);
        CsvTable table = new CsvTable(out);
        assertEquals(List.of("epoch", "step", "loss", "accuracy"), table.header(), "no weight columns: 10⁶ of them");
        assertEquals(Math.log(2), table.number(0, "loss"), 1e-11, "all weights 0: ln 2 on every row (summed 10⁵ times)");
        assertEquals(100_000, table.number(1, "step"));
        // The labels come from a logistic model of the features, so one pass of AdaGrad must learn a good part of
        // it: the generator's rare features alone carry weights ±5.
        assertTrue(table.number(1, "loss") < 0.5, "loss after one epoch: " + table.number(1, "loss"));
        assertTrue(table.number(1, "accuracy") > 0.8, "accuracy after one epoch: " + table.number(1, "accuracy"));
    }
}
