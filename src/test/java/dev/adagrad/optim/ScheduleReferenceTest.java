package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import dev.adagrad.CsvTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --schedule}, {@code --then} and {@code --maximize} against real PyTorch 1.13: every case of
 * {@code src/test/resources/schedules/} (written by {@code generate.py} there, float64, autograd gradients, torch's
 * {@code optimizer.step(); scheduler.step()} loop) is run in-process with {@code --grad exact}, and every row's f and x
 * must agree to 1e-10 relative; so must the rate each step used, where the optimizer reports γ itself (SGD's
 * {@code lr} column, which the schedule adds). With central differences the agreement is 1e-5.
 */
class ScheduleReferenceTest {

    private static final double EXACT = 1e-10;
    private static final double CENTRAL = 1e-5;

    record Case(String name, String f, String x0, String optimizer, String lr, String schedule, String then,
                String steps, boolean maximize, String settings) {
        @Override
        public String toString() {
            return name;
        }

        List<String> args(String gradient) {
            List<String> args = new ArrayList<>(List.of("run", "--f", f, "--x0", x0, "--optimizer", optimizer,
                    "--lr", lr, "--steps", steps, "--format", "csv", "--grad", gradient));
            if (!schedule.isEmpty()) {
                args.addAll(List.of("--schedule", schedule));
            }
            if (!then.isEmpty()) {
                args.addAll(List.of("--then", then));
            }
            if (maximize) {
                args.add("--maximize");
            }
            if (!settings.isEmpty()) {
                for (String setting : settings.split(";")) {
                    String[] pair = setting.split("=");
                    args.addAll(List.of(Hyperparameter.option(pair[0]), pair[1]));
                }
            }
            return args;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Reader in = resource("cases.csv")) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                cases.add(new Case(r.get("case"), r.get("f"), r.get("x0"), r.get("optimizer"), r.get("lr"),
                        r.get("schedule"), r.get("then"), r.get("steps"), Boolean.parseBoolean(r.get("maximize")),
                        r.get("settings")));
            }
        }
        assertEquals(34, cases.size(), "every case the generator writes");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTorchWithExactGradients(Case c) throws IOException {
        compare(c, "exact", EXACT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTorchWithCentralDifferences(Case c) throws IOException {
        compare(c, "central", CENTRAL);
    }

    private static void compare(Case c, String gradient, double tolerance) throws IOException {
        Cli.Result result = Cli.run(c.args(gradient).toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.err());
        CsvTable ours = new CsvTable(result.out());
        CsvTable torch;
        try (Reader in = resource("case-" + c.name() + ".csv")) {
            torch = new CsvTable(new java.io.BufferedReader(in).lines().reduce("", (a, b) -> a + b + "\n"));
        }
        assertEquals(torch.size(), ours.size(), "rows");
        List<String> variables = torch.header().subList(3, torch.header().size());
        boolean reportsRate = c.optimizer().equals("sgd") || c.optimizer().equals("momentum");
        for (int row = 0; row < torch.size(); row++) {
            close(torch.number(row, "f"), ours.number(row, "f"), tolerance, c + " f at row " + row);
            for (String v : variables) {
                close(torch.number(row, v), ours.number(row, v), tolerance, c + " " + v + " at row " + row);
                if (row > 0 && reportsRate && !c.schedule().isEmpty()) {
                    close(torch.number(row, "lr"), ours.number(row, "lr_" + v), EXACT, c + " lr at row " + row);
                }
            }
        }
    }

    private static void close(double expected, double actual, double tolerance, String what) {
        double scale = Math.max(Math.abs(expected), 1e-3);
        assertTrue(Math.abs(expected - actual) <= tolerance * scale,
                what + ": torch " + expected + ", adagrad " + actual);
    }

    private static Reader resource(String name) {
        InputStream in = ScheduleReferenceTest.class.getResourceAsStream("/schedules/" + name);
        if (in == null) {
            throw new IllegalStateException("missing fixture schedules/" + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
