package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.adagrad.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the built-in models (issue 12): a malformed svmlight line, an --init file of the wrong shape or with
 * a number that is not finite, --hidden 0, labels that are not a classifier's. Each is exit 2 with one line that
 * names the file and line (or the option), nothing on stdout, and no file written by --output or --save.
 */
class FitModelErrorTest {

    @TempDir
    Path directory;

    private Path file(String name, String content) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private Cli.Result fit(Path data, String... args) {
        List<String> command = new ArrayList<>(List.of("fit", "--data", data.toString(), "--output",
                directory.resolve("out.csv").toString(), "--save", directory.resolve("saved.json").toString()));
        command.addAll(List.of(args));
        return Cli.run(command.toArray(String[]::new));
    }

    private void assertOneLine(Cli.Result result, String expected) {
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertEquals(expected, result.errLines()[0]);
        assertFalse(result.err().contains("Exception"), result.err());
        assertFalse(Files.exists(directory.resolve("out.csv")), "no output file");
        assertFalse(Files.exists(directory.resolve("saved.json")), "no weights file");
    }

    @Test
    void aMalformedSvmlightLineIsNamedWithItsLineAndColumn() throws IOException {
        Path data = file("rows.svm", "1 1:0.5 3:1\n-1 2:1 2:3\n");
        assertOneLine(fit(data, "--model", "logistic"), "adagrad fit: " + data + ", line 2, column 8: index 2 is "
                + "repeated");
    }

    @Test
    void labelsThatAreNotAClassifiersAreNamedWithTheirLine() throws IOException {
        Path data = file("rows.svm", "1 1:0.5\n2 2:1\n");
        assertOneLine(fit(data, "--model", "hinge"), "adagrad fit: " + data + ", line 2: the label is 2; a "
                + "classifier's labels are 0 and 1, or -1 and 1");
        Path mixed = file("mixed.csv", "x,y\n1,0\n2,-1\n");
        assertOneLine(fit(mixed, "--model", "mlp"), "adagrad fit: " + mixed + ", row 2, column y: the label is -1 "
                + "but row 1 has 0; use 0 and 1, or -1 and 1, not both");
    }

    @Test
    void initFilesOfTheWrongShapeOrWithoutFiniteNumbersAreRefused() throws IOException {
        Path data = file("points.csv", "x1,x2,y\n1,2,0\n2,1,1\n");
        String[] network = {"--model", "mlp", "--hidden", "2", "--init"};
        String[][] cases = {
                {"{\"W1\": [[1, 2], [3, 4]], \"b1\": [0, 0], \"W2\": [[1], [2]]}",
                        ": 'b2' is missing: this model needs a list of 1 numbers"},
                {"{\"W1\": [[1, 2, 3], [3, 4, 5]], \"b1\": [0, 0], \"W2\": [[1], [2]], \"b2\": [0]}",
                        ", line 1, column 16: W1 row 1 has more than 2 numbers (W1 is 2 × 2)"},
                {"{\"W1\": [[1, 2]], \"b1\": [0, 0], \"W2\": [[1], [2]], \"b2\": [0]}",
                        ", line 1, column 15: W1 has 1 row; this model needs 2 × 2"},
                {"{\"W1\": [[1, 2], [3, 4]], \"b1\": [0, 0], \"W2\": [[1], [2]], \"b2\": [1e999]}",
                        ", line 1, column 65: b2: 1e999 is not a finite double"},
                {"{\"W1\": [[1, 2], [3, NaN]], \"b1\": [0, 0], \"W2\": [[1], [2]], \"b2\": [0]}",
                        ", line 1, column 24: 'NaN' is not a finite number (weights must be finite)"},
                {"{\"W1\": [[1, 2], [3, 4]],", ", line 1, column 25: not JSON: Unexpected end-of-input "
                        + "within/between Object entries"},
                {"{\"W3\": []}", ", line 1, column 2: 'W3' is not a block of this model (its blocks: W1, b1, W2, "
                        + "b2)"},
        };
        for (String[] c : cases) {
            Path init = file("init.json", c[0]);
            List<String> args = new ArrayList<>(List.of(network));
            args.add(init.toString());
            assertOneLine(fit(data, args.toArray(String[]::new)), "adagrad fit: " + init + c[1]);
        }
    }

    @Test
    void misusedModelOptionsAreUsageErrors() throws IOException {
        Path data = file("points.csv", "x1,x2,y\n1,2,0\n2,1,1\n");
        String[][] cases = {
                {"--hidden: a layer needs 1 to 100000 units (got 0)", "--model", "mlp", "--hidden", "0"},
                {"--hidden goes with --model mlp", "--model", "logistic", "--hidden", "4"},
                {"unknown activation 'gelu' (known: relu, tanh, sigmoid)", "--model", "mlp", "--activation", "gelu"},
                {"--model mlp takes --loss bce or --loss mse (got 'hinge')", "--model", "mlp", "--loss", "hinge"},
                {"--validation-split must be between 0 and 1 (got 1)", "--model", "mlp", "--validation-split", "1"},
                {"--lazy goes with the linear models (linear, logistic, hinge)", "--model", "mlp", "--lazy"},
                {"--init goes with --model", "--loss", "(w*x1-y)^2", "--params", "w=0", "--init", "w.json"},
        };
        for (String[] c : cases) {
            Cli.Result result = fit(data, java.util.Arrays.copyOfRange(c, 1, c.length));
            assertOneLine(result, "adagrad fit: " + c[0]);
            assertEquals("Try 'adagrad fit --help' for more information.", result.errLines()[1]);
        }
    }
}
