package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** adagrad data: the file's shape, --output, reproducibility, and misuse. */
class DataCommandTest {

    @TempDir
    Path directory;

    @Test
    void writesTheHeaderAndTheRowsAskedFor() {
        CsvTable table = new CsvTable(Cli.output(List.of("data", "sparse-logistic", "--rows", "30", "--features",
                "12", "--density", "0.2", "--seed", "4")));

        assertEquals(List.of("x1", "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "y"),
                table.header());
        assertEquals(30, table.size());
        assertTrue(table.cell(0, "y").equals("1") || table.cell(0, "y").equals("-1"), "whole numbers as integers");
    }

    @Test
    void outputGoesToTheFileAndTheSameSeedWritesTheSameBytes() throws Exception {
        Path file = directory.resolve("linear.csv");

        Cli.Result result = Cli.run("data", "linear", "--rows", "5", "--seed", "9", "--output", file.toString());

        assertEquals(0, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertEquals(Files.readString(file), Cli.output(List.of("data", "linear", "--rows", "5", "--seed", "9")));
        assertEquals(6, Files.readAllLines(file).size());
    }

    @Test
    void misuseIsAUsageError() {
        String[][] cases = {
                {"unknown dataset 'iris' (known: linear, classification, sparse-logistic)", "iris"},
                {"linear does not use --density", "linear", "--density", "0.1"},
                {"classification does not use --noise", "classification", "--noise", "1"},
                {"--density must be in (0, 1] (got 1.5)", "sparse-logistic", "--density", "1.5"},
                {"classification needs --features from 2 to 100000 (got 1)", "classification", "--features", "1"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "data";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            Cli.Result result = Cli.run(args);
            assertEquals(2, result.exitCode(), String.join(" ", args));
            assertEquals("adagrad data: " + c[0], result.errLines()[0]);
        }
    }
}
