package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fit's table fits COLUMNS by showing fewer of its (at most three) parameter columns: no line of the table is wider,
 * the parameters shown are the first ones with the CSV's values at six decimals, and the line above the table says
 * how many are left out whenever the width left one out. A table that cannot fit even without parameters is printed
 * at its narrowest.
 */
class FitTableWidthTest {

    @TempDir
    static Path directory;

    private static String data(String kind) {
        Path file = directory.resolve(kind + ".csv");
        if (!file.toFile().exists()) {
            Cli.output(List.of("data", kind, "--rows", "60", "--features", "4", "--seed", "3", "--output",
                    file.toString()));
        }
        return file.toString();
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60, 80, 100, 120, 200})
    void theTableFitsAndShowsTheFirstParametersAsTheCsvHasThem(int width) {
        for (List<String> problem : List.of(
                List.of("--data", data("linear"), "--model", "linear", "--target", "y"),
                List.of("--data", data("linear"), "--model", "linear", "--target", "y", "--validation-split", "0.2"),
                List.of("--data", data("classification"), "--model", "logistic", "--target", "y",
                        "--validation-split", "0.2"))) {
            List<String> args = new ArrayList<>(List.of("fit", "--epochs", "3", "--lr", "0.1"));
            args.addAll(problem);
            Cli.Result table = Cli.run(Map.of("COLUMNS", Integer.toString(width)), args.toArray(String[]::new));
            assertEquals(0, table.exitCode(), table.err());
            List<String> csvArgs = new ArrayList<>(args);
            csvArgs.addAll(List.of("--format", "csv"));
            CsvTable csv = new CsvTable(Cli.output(csvArgs));

            String[] lines = table.out().split("\n");
            int headerAt = 0;
            while (!lines[headerAt].startsWith("Epoch")) {
                headerAt++;
            }
            List<String> header = List.of(lines[headerAt].split("\\s*\\|\\s*"));
            int parameters = 5; // 4 weights and the bias
            int shown = (int) header.stream().filter(h -> h.startsWith("w_") || h.equals("b")).count();
            for (int i = 0; i < shown; i++) {
                assertEquals(csv.header().get(3 + i), header.get(3 + i), "the first parameters, in order");
            }
            int epochs = 0;
            for (int k = headerAt; k < lines.length && (k <= headerAt + 1 || lines[k].contains(" | ")); k++) {
                // With no parameter shown the table is as narrow as it gets (Epoch, Step, Loss, accuracy,
                // validation), which may still be wider than a very narrow terminal.
                assertTrue(shown == 0 || lines[k].length() <= width, width + " columns: " + lines[k]);
                if (k > headerAt + 1) {
                    String[] cells = lines[k].trim().split("\\s*\\|\\s*");
                    for (int i = 0; i < shown; i++) {
                        double value = csv.number(epochs, header.get(3 + i));
                        assertEquals(new BigDecimal(value).setScale(6, RoundingMode.HALF_UP).toPlainString(),
                                cells[3 + i], "epoch " + epochs + ", " + header.get(3 + i));
                    }
                    epochs++;
                }
            }
            assertEquals(csv.size(), epochs, "a row per epoch");
            boolean cut = shown < 3;
            String said = headerAt > 0 ? lines[headerAt - 1] : "";
            assertEquals(cut, said.contains(" columns, --format csv shows all"), width + ": " + said);
            if (cut) {
                assertTrue(said.startsWith("(" + parameters + " parameters; "), said);
            }
        }
    }
}
