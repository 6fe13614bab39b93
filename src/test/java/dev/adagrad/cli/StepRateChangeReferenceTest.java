package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.CsvTable;
import dev.adagrad.optim.Hyperparameter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code adagrad step}'s {@code l} key against real PyTorch 1.13: every case of {@code src/test/resources/rate-change/}
 * (written by {@code generate.py} there: float64, autograd gradients, {@code g['lr'] = rate} for every param group
 * after step k) is walked through in-process with scripted keys (a number and Enter to go to step k, {@code l} and the
 * rate, then to the last step, {@code s} to save the rows) with {@code --grad exact}, and every saved row's f and x
 * must agree with torch's to 1e-10 relative.
 */
class StepRateChangeReferenceTest {

    private static final double EXACT = 1e-10;

    record Case(String name, String f, String x0, String optimizer, String lr, String changes, String steps,
                String settings) {
        @Override
        public String toString() {
            return name;
        }

        List<String> args() {
            List<String> args = new ArrayList<>(List.of("--f", f, "--x0", x0, "--optimizer", optimizer, "--lr", lr,
                    "--steps", steps, "--grad", "exact"));
            if (!settings.isEmpty()) {
                for (String setting : settings.split(";")) {
                    String[] pair = setting.split("=");
                    args.addAll(List.of(Hyperparameter.option(pair[0]), pair[1]));
                }
            }
            return args;
        }

        /** To step k, l, the rate, for each change; then to the last step, save, quit. */
        String keys(Path file) {
            StringBuilder keys = new StringBuilder();
            for (String change : changes.split(";")) {
                String[] pair = change.split("=");
                keys.append(pair[0]).append('\n').append("l\n").append(pair[1]).append('\n');
            }
            return keys.append(steps).append('\n').append("s ").append(file).append('\n').append("q\n").toString();
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Reader in = resource("cases.csv")) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                cases.add(new Case(r.get("case"), r.get("f"), r.get("x0"), r.get("optimizer"), r.get("lr"),
                        r.get("changes"), r.get("steps"), r.get("settings")));
            }
        }
        assertEquals(10, cases.size(), "every case the generator writes");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theRowsAfterAChangedRateAreTorchs(Case c, @TempDir Path directory) throws IOException {
        Path file = directory.resolve("rows.csv");
        var result = StepCommandTest.step(c.keys(file), c.args().toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("saved rows 0–" + c.steps() + " to " + file), result.out());
        for (String change : c.changes().split(";")) {
            String[] pair = change.split("=");
            assertTrue(result.out().contains("learning rate " + pair[1] + " from step "
                    + (Long.parseLong(pair[0]) + 1) + " on"), "the change is acknowledged: " + change);
        }
        CsvTable ours = new CsvTable(Files.readString(file));
        CsvTable torch;
        try (BufferedReader in = new BufferedReader(resource("case-" + c.name() + ".csv"))) {
            torch = new CsvTable(in.lines().collect(Collectors.joining("\n", "", "\n")));
        }
        assertEquals(torch.size(), ours.size(), "rows");
        List<String> variables = torch.header().subList(3, torch.header().size());
        for (int row = 0; row < torch.size(); row++) {
            close(torch.number(row, "f"), ours.number(row, "f"), c + " f at row " + row);
            for (String v : variables) {
                close(torch.number(row, v), ours.number(row, v), c + " " + v + " at row " + row);
            }
        }
    }

    private static void close(double expected, double actual, String what) {
        double scale = Math.max(Math.abs(expected), 1e-3);
        assertTrue(Math.abs(expected - actual) <= EXACT * scale, what + ": torch " + expected + ", adagrad " + actual);
    }

    private static Reader resource(String name) {
        InputStream in = StepRateChangeReferenceTest.class.getResourceAsStream("/rate-change/" + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture rate-change/" + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
