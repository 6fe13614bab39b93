package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models' losses and accuracy by hand, mini-batches by hand, shuffling by seed, and what a bad fit prints. */
class FitCommandTest {

    @TempDir
    Path directory;

    private Path file(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** Two rows: (x1, x2, y) = (1, 2, 1) and (−1, 0.5, −1); at w_x1 = 0.5, w_x2 = −1, b = 0.25, z = −1.25, −0.75. */
    private CsvTable atStart(String labels, String model, String... extra) throws IOException {
        String[] y = labels.split(",");
        Path data = file("two.csv", "x1,x2,y\n1,2," + y[0] + "\n-1,0.5," + y[1] + "\n");
        List<String> args = new ArrayList<>(List.of("fit", "--data", data.toString(), "--model", model,
                "--params", "w_x1=0.5,w_x2=-1,b=0.25", "--epochs", "0", "--format", "csv"));
        args.addAll(List.of(extra));
        return new CsvTable(Cli.output(args));
    }

    @Test
    void linearModelLossIsTheMeanSquaredError() throws IOException {
        CsvTable table = atStart("1,-1", "linear");

        assertEquals(List.of("epoch", "step", "loss", "w_x1", "w_x2", "b"), table.header());
        // ((−1.25 − 1)² + (−0.75 + 1)²) / 2 = (5.0625 + 0.0625) / 2
        assertEquals(2.5625, table.number(0, "loss"), 1e-12);
    }

    @Test
    void logisticModelLossAndAccuracy() throws IOException {
        CsvTable table = atStart("1,-1", "logistic");

        assertEquals(List.of("epoch", "step", "loss", "w_x1", "w_x2", "b", "accuracy"), table.header());
        // log(1 + e^(−y·z)): row 1 −y·z = 1.25, row 2 −y·z = −0.75
        assertEquals((Math.log(1 + Math.exp(1.25)) + Math.log(1 + Math.exp(-0.75))) / 2, table.number(0, "loss"),
                1e-12);
        // z < 0 for both: predicted −1, −1 against labels 1, −1
        assertEquals(0.5, table.number(0, "accuracy"));
    }

    @Test
    void hingeModelWithL2AndZeroOneLabels() throws IOException {
        CsvTable table = atStart("1,0", "hinge", "--l2", "0.1");

        // max(0, 1 − y·z): 1 + 1.25 = 2.25 and 1 − 0.75 = 0.25, mean 1.25; plus 0.1·(0.5² + 1²) = 0.125 (not b)
        assertEquals(1.375, table.number(0, "loss"), 1e-12);
        assertEquals(0.5, table.number(0, "accuracy"), "label 0 is class −1");
    }

    @Test
    void logisticLossStaysFiniteForHugeMargins() throws IOException {
        Path data = file("two.csv", "x1,x2,y\n1,2,1\n-1,0.5,-1\n");
        CsvTable table = new CsvTable(Cli.output(List.of("fit", "--data", data.toString(), "--model", "logistic",
                "--params", "w_x1=-1000,w_x2=-1,b=0.25", "--epochs", "0", "--format", "csv")));

        // z = −1001.75 (y = 1) and 999.75 (y = −1): log(1 + e^1001.75) = 1001.75 to double precision, and 999.75
        assertEquals((1001.75 + 999.75) / 2, table.number(0, "loss"), 1e-9);
    }

    @Test
    void miniBatchesStepOncePerBatchOnTheBatchMean() throws IOException {
        Path points = file("points.csv", "x,y\n1,2\n2,4\n3,6\n4,8\n");

        CsvTable table = new CsvTable(Cli.output(List.of("fit", "--data", points.toString(), "--loss", "(w*x-y)^2",
                "--params", "w=0", "--optimizer", "sgd", "--lr", "0.01", "--batch-size", "2", "--epochs", "1",
                "--format", "csv")));

        // Batch (1,2),(2,4) at w = 0: mean of 2(wx − y)x = (−4 − 16)/2 = −10, so w = 0.1.
        // Batch (3,6),(4,8) at w = 0.1: (2(0.3 − 6)·3 + 2(0.4 − 8)·4)/2 = −47.5, so w = 0.575.
        // Loss over all rows: mean((0.575 − 2)²x²) = 1.425²·7.5
        assertEquals(2, table.number(1, "step"));
        assertEquals(0.575, table.number(1, "w"), 1e-9);
        assertEquals(1.425 * 1.425 * 7.5, table.number(1, "loss"), 1e-8);
    }

    @Test
    void shufflingIsReproducibleBySeedAndDiffersBetweenSeeds() throws IOException {
        Path points = file("points.csv", "x,y\n1,2\n2,4\n3,6\n4,8\n5,9\n6,13\n");
        List<String> args = List.of("fit", "--data", points.toString(), "--loss", "(w*x+b-y)^2", "--params",
                "w=0,b=0", "--optimizer", "sgd", "--lr", "0.01", "--batch-size", "1", "--epochs", "3",
                "--format", "csv", "--shuffle", "--seed");
        List<String> seven = new ArrayList<>(args);
        seven.add("7");
        List<String> eight = new ArrayList<>(args);
        eight.add("8");
        List<String> unshuffled = new ArrayList<>(args.subList(0, args.size() - 2));

        String first = Cli.output(seven);
        assertEquals(first, Cli.output(seven));
        assertNotEquals(first, Cli.output(eight));
        assertNotEquals(first, Cli.output(unshuffled));
        assertEquals(18, new CsvTable(first).number(3, "step"), "six steps per epoch whatever the order");
    }

    @Test
    void aLossThatBecomesNonFiniteExitsWithThreeAndKeepsTheEpochsBefore() throws IOException {
        Path points = file("points.csv", "x,y\n1,2\n2,4\n");

        Cli.Result result = Cli.run("fit", "--data", points.toString(), "--loss", "(w*x-y)^2", "--params", "w=0",
                "--optimizer", "sgd", "--lr", "1e200", "--epochs", "5", "--format", "csv");

        assertEquals(3, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("epoch,step,loss,w\n0,0,"), result.out());
        assertEquals(1, result.errLines().length, result.err());
        assertTrue(result.err().startsWith("adagrad fit: epoch "), result.err());
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void moreThanThreeParametersShowTheFirstThreeAndSaySo() throws IOException {
        Path data = file("wide.csv", "a,b2,c,d,y\n1,0,0,0,1\n0,1,0,0,-1\n");

        // A terminal wide enough for three (at 80 columns two fit: FitTableWidthTest)
        Cli.Result result = Cli.run(java.util.Map.of("COLUMNS", "120"), "fit", "--data", data.toString(), "--model",
                "hinge", "--epochs", "1");

        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.outLines();
        assertEquals("(5 parameters; the table shows the first 3, --format csv shows all)", lines[0]);
        assertTrue(lines[1].startsWith("Epoch | Step | Loss          | w_a           | w_b2          | w_c"), lines[1]);
        assertTrue(lines[1].endsWith("| Accuracy"), lines[1]);
        assertTrue(lines[lines.length - 1].startsWith("Final parameters: w_a = "), lines[lines.length - 1]);
        assertTrue(lines[lines.length - 1].contains(", b = "), lines[lines.length - 1]);
    }

    /**
     * Seed 002's model (hinge + L2 with AdaGrad, per-row steps) on a generated classification dataset: the reported
     * loss and accuracy are recomputed here from the file and the final parameters with the documented formulas.
     */
    @Test
    void theScikitLearnSeedsModelReportsTheLossAndAccuracyOfItsParameters() throws IOException {
        Path data = directory.resolve("classification.csv");
        Cli.output(List.of("data", "classification", "--features", "4", "--rows", "100", "--seed", "0",
                "--output", data.toString()));

        CsvTable table = new CsvTable(Cli.output(List.of("fit", "--data", data.toString(), "--model", "hinge",
                "--l2", "0.00005", "--lr", "0.1", "--epochs", "5", "--batch-size", "1", "--shuffle", "--seed", "0",
                "--print-every", "5", "--format", "csv")));
        CsvTable rows = new CsvTable(Files.readString(data));

        int last = table.size() - 1;
        double[] w = new double[4];
        for (int j = 0; j < 4; j++) {
            w[j] = table.number(last, "w_x" + (j + 1));
        }
        double b = table.number(last, "b");
        double hinge = 0;
        int correct = 0;
        for (int r = 0; r < rows.size(); r++) {
            double z = b;
            for (int j = 0; j < 4; j++) {
                z += w[j] * rows.number(r, "x" + (j + 1));
            }
            double y = rows.number(r, "y");
            hinge += Math.max(0, 1 - y * z) / rows.size();
            correct += (z > 0 ? 1 : -1) == y ? 1 : 0;
        }
        double penalty = 0.00005 * (w[0] * w[0] + w[1] * w[1] + w[2] * w[2] + w[3] * w[3]);
        assertEquals(hinge + penalty, table.number(last, "loss"), 1e-12);
        assertEquals(correct / (double) rows.size(), table.number(last, "accuracy"));
        assertEquals(500, table.number(last, "step"), "100 rows, one step per row, 5 epochs");
        assertTrue(table.number(last, "accuracy") > 0.8, "the classes are separable enough for a linear model");
    }
}
