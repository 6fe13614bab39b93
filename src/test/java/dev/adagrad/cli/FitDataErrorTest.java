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

/** Every data error: exit 2, one line on stderr naming the file (and the row and column where there is one). */
class FitDataErrorTest {

    @TempDir
    Path directory;

    private Cli.Result fit(String fileName, String content, String... args) throws IOException {
        Path file = directory.resolve(fileName);
        if (content != null) {
            Files.writeString(file, content);
        }
        List<String> command = new ArrayList<>(List.of("fit", "--data", file.toString()));
        command.addAll(List.of(args.length == 0
                ? new String[] {"--loss", "(w*x+b-y)^2", "--params", "w=0,b=0"} : args));
        return Cli.run(command.toArray(String[]::new));
    }

    private void assertDataError(Cli.Result result, String expected) {
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertEquals(1, result.errLines().length, "one line: " + result.err());
        assertEquals("adagrad fit: " + directory.resolve("").toString() + "/" + expected, result.errLines()[0]);
        assertFalse(result.err().contains("Exception"));
        assertFalse(result.err().contains("\tat "));
    }

    @Test
    void missingFile() throws IOException {
        assertDataError(fit("nothing.csv", null), "nothing.csv: no such file");
    }

    @Test
    void emptyFile() throws IOException {
        assertDataError(fit("empty.csv", ""), "empty.csv: the file is empty; its first line must name the "
                + "columns, e.g. x,y");
    }

    @Test
    void headerOnly() throws IOException {
        assertDataError(fit("header.csv", "x,y\n"), "header.csv: the file has a header but no rows");
    }

    @Test
    void missingHeader() throws IOException {
        assertDataError(fit("numbers.csv", "1,2\n3,4\n"), "numbers.csv, line 1: no header: the first line (1,2) "
                + "holds numbers where it must name the columns, e.g. x,y");
    }

    @Test
    void nonNumericCell() throws IOException {
        assertDataError(fit("text.csv", "x,y\n1,2\n2,four\n"),
                "text.csv, row 2 (line 3), column y: 'four' is not a number");
    }

    @Test
    void emptyCell() throws IOException {
        assertDataError(fit("hole.csv", "x,y\n1,2\n,4\n"),
                "hole.csv, row 2 (line 3), column x: the cell is empty; every cell must be a number");
    }

    @Test
    void raggedRows() throws IOException {
        assertDataError(fit("short.csv", "x,y\n1,2\n3\n"),
                "short.csv, row 2 (line 3), column y: missing: the row has 1 field where the header has 2");
        assertDataError(fit("long.csv", "x,y\n1,2,5\n"),
                "long.csv, row 1 (line 2), column 3: the row has 3 fields where the header has 2 columns");
    }

    @Test
    void duplicateAndUnnamedColumns() throws IOException {
        assertDataError(fit("twice.csv", "x,x\n1,2\n"), "twice.csv, column x: the header names it twice");
        assertDataError(fit("unnamed.csv", "x,,y\n1,2,3\n"),
                "unnamed.csv, column 2: the header gives this column no name");
    }

    @Test
    void aColumnTheLossNamesThatTheFileLacks() throws IOException {
        assertDataError(fit("points.csv", "x,y\n1,2\n", "--loss", "(w*x+b-target)^2", "--params", "w=0,b=0"),
                "points.csv: the loss uses 'target', which is neither a column of the file (its columns: x, y) "
                        + "nor given a start value in --params");
    }

    @Test
    void aParameterMissingFromParams() throws IOException {
        assertDataError(fit("points.csv", "x,y\n1,2\n", "--loss", "(w*x+b-y)^2", "--params", "w=0"),
                "points.csv: the loss uses 'b', which is neither a column of the file (its columns: x, y) "
                        + "nor given a start value in --params");
    }

    @Test
    void aParameterThatIsAlsoAColumn() throws IOException {
        assertDataError(fit("points.csv", "x,y\n1,2\n", "--loss", "(w*x-y)^2", "--params", "w=0,x=1"),
                "points.csv, column x: also given in --params; a name in the loss is either a column or a parameter");
    }

    @Test
    void aTargetTheFileLacks() throws IOException {
        assertDataError(fit("points.csv", "x,y\n1,2\n", "--model", "linear", "--target", "label"),
                "points.csv, column label: no such column; the file's columns are x, y");
    }

    @Test
    void labelsThatAreNotClasses() throws IOException {
        assertDataError(fit("labels.csv", "x,y\n1,1\n2,3\n", "--model", "logistic"),
                "labels.csv, row 2, column y: the label is 3; a classifier's labels are 0 and 1, or -1 and 1");
    }

    @Test
    void aColumnNameTheModelCannotUse() throws IOException {
        assertDataError(fit("names.csv", "sepal length,y\n1,1\n", "--model", "linear"),
                "names.csv, column sepal length: a model needs column names of letters, digits and _ (the "
                        + "weights are named w_<column> in the output)");
    }

    @Test
    void misuseOfOptionsIsAUsageErrorWithAPointerToHelp() throws IOException {
        String[][] cases = {
                {"give either --loss EXPR (with --params) or --model linear|logistic|hinge|mlp, not neither", "--epochs", "0"},
                {"unknown model 'svm' (known: linear, logistic, hinge, mlp)", "--model", "svm"},
                {"--seed has no effect without --shuffle", "--model", "linear", "--seed", "1"},
                {"--l2 goes with --model; with --loss, write the penalty into the loss", "--loss", "(w*x-y)^2",
                        "--params", "w=0", "--l2", "1"},
                {"--params names 'c', which the loss does not use", "--loss", "(w*x-y)^2", "--params", "w=0,c=1"},
                {"--params: 'w' has no value; give each parameter as name=value, e.g. w=0,b=0", "--loss",
                        "(w*x-y)^2", "--params", "w"},
        };
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            Cli.Result result = fit("points.csv", "x,y\n1,2\n", args);
            assertEquals(2, result.exitCode(), result.err());
            assertEquals(List.of("adagrad fit: " + c[0], "Try 'adagrad fit --help' for more information."),
                    List.of(result.errLines()));
        }
    }

    @Test
    void aBadLossPointsAtTheCharacterInLoss() throws IOException {
        Cli.Result result = fit("points.csv", "x,y\n1,2\n", "--loss", "(w*x-y)^^2", "--params", "w=0");

        assertEquals(2, result.exitCode());
        assertEquals("adagrad fit: '^' needs a number, variable or ')' before it (character 9 of --loss)",
                result.errLines()[0]);
    }
}
