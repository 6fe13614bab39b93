package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where fit's rows come from: the same sparse-logistic rows as CSV, as svmlight, gzipped and from standard input
 * give the same fit; the svmlight writer writes what the format says; --check-grad on a network.
 */
class FitDataSourcesTest {

    private static final Pattern SVMLIGHT_LINE = Pattern.compile("-?1( [1-9][0-9]*:1)*");

    @TempDir
    Path directory;

    private static String fit(String data, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("fit", "--data", data, "--model", "logistic",
                "--batch-size", "7", "--epochs", "3", "--lr", "0.3", "--format", "csv"));
        args.addAll(List.of(extra));
        return Cli.output(args);
    }

    @Test
    void theSameRowsAsCsvSvmlightGzipAndStandardInputGiveTheSameFit() throws Exception {
        Path csv = directory.resolve("rows.csv");
        Path svm = directory.resolve("rows.svm");
        String[] data = {"data", "sparse-logistic", "--rows", "60", "--features", "30", "--density", "0.2", "--seed",
                "5", "--output"};
        Cli.output(concat(data, csv.toString()));
        Cli.output(concat(data, svm.toString()));
        List<String> lines = Files.readAllLines(svm);
        assertEquals(60, lines.size());
        for (String line : lines) {
            assertTrue(SVMLIGHT_LINE.matcher(line).matches(), "label, then index:1 for each feature: " + line);
        }
        // The svmlight rows are the CSV rows: feature j present in line r exactly where the CSV has a 1.
        CsvTable table = new CsvTable(Files.readString(csv));
        for (int r = 0; r < 60; r++) {
            StringBuilder expected = new StringBuilder(table.cell(r, "y"));
            for (int j = 1; j <= 30; j++) {
                if (table.cell(r, "x" + j).equals("1")) {
                    expected.append(' ').append(j).append(":1");
                }
            }
            assertEquals(expected.toString(), lines.get(r), "row " + (r + 1));
        }

        String fromSvm = fit(svm.toString());
        CsvTable a = new CsvTable(fit(csv.toString()));
        CsvTable b = new CsvTable(fromSvm);
        for (int epoch = 0; epoch <= 3; epoch++) {
            assertEquals(a.number(epoch, "loss"), b.number(epoch, "loss"), 1e-15, "epoch " + epoch);
            assertEquals(a.number(epoch, "accuracy"), b.number(epoch, "accuracy"), 0);
        }

        Path gz = directory.resolve("rows.svm.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(svm, out);
        }
        assertEquals(fromSvm, fit(gz.toString()));

        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(svm)));
            assertEquals(fromSvm, fit("-", "--data-format", "svmlight"));
            System.setIn(new ByteArrayInputStream(Files.readString(csv).getBytes(StandardCharsets.UTF_8)));
            assertEquals(fit(csv.toString()), fit("-"), "standard input is CSV unless told");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void checkGradOnANetworkPrintsBothGradientsAndTheyAgree() {
        Path data = Path.of("src/test/resources/keras-seed/data.csv");
        Cli.Result result = Cli.run("fit", "--data", data.toString(), "--model", "mlp", "--hidden", "3",
                "--batch-size", "32", "--check-grad");
        assertEquals(0, result.exitCode(), result.err());
        List<String> rows = result.out().lines().filter(line -> line.matches("^[Wb][0-9]\\[.*")).toList();
        assertEquals(20 * 3 + 3 + 3 + 1, rows.size(), "one line per parameter: " + result.out());
        for (String row : rows) {
            String[] cells = row.split("\\|");
            double central = Double.parseDouble(cells[1].strip());
            double exact = Double.parseDouble(cells[2].strip());
            assertEquals(exact, central, 1e-6 * Math.max(1, Math.abs(exact)), row);
        }
    }

    /**
     * A named pipe, as {@code --data <(zcat rows.csv.gz)} gives one: the same fit as the file itself, CSV and svmlight
     * (before, JDK 17's NIO stream asked the pipe for its position and the run ended "cannot be read: Illegal seek").
     */
    @Test
    void aNamedPipeGivesTheSameFitAsTheFile() throws Exception {
        for (String name : List.of("rows.csv", "rows.svm")) {
            Path file = directory.resolve(name);
            Cli.output(concat(new String[] {"data", "sparse-logistic", "--rows", "3000", "--features", "30",
                    "--density", "0.2", "--seed", "5", "--output"}, file.toString()));
            Path pipe = directory.resolve("pipe-" + name);
            assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
            Thread writer = new Thread(() -> {
                try (var out = Files.newOutputStream(pipe)) {
                    Files.copy(file, out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.start();
            String format = name.endsWith(".svm") ? "svmlight" : "csv";
            String fromPipe = fit(pipe.toString(), "--data-format", format);
            writer.join();
            assertEquals(fit(file.toString()), fromPipe, name);
        }
    }

    private static List<String> concat(String[] head, String last) {
        List<String> all = new java.util.ArrayList<>(List.of(head));
        all.add(last);
        return all;
    }
}
