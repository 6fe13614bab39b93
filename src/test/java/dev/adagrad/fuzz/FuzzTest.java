package dev.adagrad.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.adagrad.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every command in-process with generated input (issue 7): random expressions ({@link ExpressionGrammar}),
 * option vectors ({@link OptionVectors}) and data files ({@link CsvFiles}), valid and invalid mixed, and checks
 * that nothing escapes: no exception, an exit code in {0, 1, 2, 3} that means what README says for that input, at
 * most three lines on stderr for an error and never a stack trace or "internal error", and output that parses in its
 * format.
 *
 * <p>Seeded: {@code -Dfuzz.seed=S} (default {@link #DEFAULT_SEED}), {@code -Dfuzz.cases=N} (default 1,000, the
 * sample the default build runs; {@code mvn -B verify -Pfuzz} runs 10,000), and
 * {@code -Dfuzz.case=K} to run case K of that seed alone. A failure names the seed, the case and its full command
 * line. Fixed inputs that found bugs are in {@link #REGRESSIONS} and run every time.
 */
class FuzzTest {

    static final long DEFAULT_SEED = 20_240_607L;
    private static final int GROUP = 100;

    /** Stands for a regression's data file in its arguments. */
    private static final String DATA = "{data}";

    /** Command lines that once failed; each must now end with one of the codes given. */
    private static final List<FuzzCase> REGRESSIONS = List.of(
            // A '*' as the first character looked for a '**' at index -1: internal error, exit 1.
            regression(OptionVectors.USAGE, "run", "--f", "* x", "--x0", "1"),
            regression(OptionVectors.USAGE, "compare", "--f", "*", "--x0", "1", "--steps", "2"),
            // An exponent past BigDecimal's range put "java.lang.NumberFormatException: Exponent overflow." on stderr.
            regression(OptionVectors.USAGE, "run", "--f", "x^2", "--x0", "1", "--steps", "1e-9999999999"),
            regression(OptionVectors.USAGE, "fit", "--data", "missing.csv", "--model", "linear", "--epochs",
                    "1e-9999999999"),
            regression(OptionVectors.VALID, "run", "--f", "x^2", "--x0", "1", "--steps", "0e99999999999"),
            // A subcommand's -V or --version printed nothing at all, exit 0.
            regression(Set.of(0), "run", "--version"),
            regression(Set.of(0), "optimizers", "-V"),
            regression(Set.of(0), "fit", "-V"),
            // compare's table never filtered its rows, so --every 0 ran (exit 0) instead of the documented exit 2.
            regression(OptionVectors.USAGE, "compare", "--f", "x^2+y^2", "--x0", "1,2", "--steps", "3", "--every",
                    "0"),
            // fit --optimizers with a loss not finite at the start printed NaN rows and exited 0; one --optimizer
            // exits 3, and so does compare.
            withData("x,y\n1,2\n2,4\n", OptionVectors.NON_FINITE, "fit", "--data", DATA, "--loss",
                    "log(a*x - 100) + y", "--params", "a=0", "--epochs", "2", "--optimizers", "sgd,adam"),
            withData("x,y\n1,2\n", OptionVectors.NON_FINITE, "fit", "--data", DATA, "--loss", "log(a*x - 100)",
                    "--params", "a=0", "--optimizers", "sgd,adam", "--format", "csv"),
            // compare --lr best with f not finite at x0 swept anyway and wrote a note per optimizer, then the error:
            // four lines and more on stderr.
            regression(OptionVectors.NON_FINITE, "compare", "--f", "log(x)", "--x0", "-1", "--steps", "3",
                    "--optimizers", "sgd,adam,adagrad", "--lr", "best"),
            regression(Set.of(0), "compare", "--f", "sqrt(x)", "--x0", "1e-300", "--steps", "3", "--optimizers",
                    "sgd,adam,adagrad,momentum", "--lr", "best"));

    private static FuzzCase regression(Set<Integer> allowed, String... args) {
        return new FuzzCase(List.of(args), allowed, "regression", null, null);
    }

    private static FuzzCase withData(String text, Set<Integer> allowed, String... args) {
        return new FuzzCase(List.of(args), allowed, "regression", Path.of("data.csv"), text);
    }

    @TempDir
    static Path directory;

    private static final long SEED = Long.getLong("fuzz.seed", DEFAULT_SEED);
    private static final int CASES = Integer.getInteger("fuzz.cases", 1_000);
    private static final int ONLY = Integer.getInteger("fuzz.case", -1);
    private static final Map<String, Integer> TALLY = new TreeMap<>();
    private static long started;

    @TestFactory
    Stream<DynamicTest> generatedCommandLines() {
        started = System.nanoTime();
        if (ONLY >= 0) {
            return Stream.of(DynamicTest.dynamicTest("case " + ONLY + " of seed " + SEED, () -> runCases(ONLY,
                    ONLY + 1)));
        }
        return IntStream.range(0, (CASES + GROUP - 1) / GROUP).mapToObj(group -> {
            int from = group * GROUP;
            int to = Math.min(CASES, from + GROUP);
            return DynamicTest.dynamicTest("cases " + from + "–" + (to - 1) + " of seed " + SEED,
                    () -> runCases(from, to));
        });
    }

    @TestFactory
    Stream<DynamicTest> regressions() {
        return REGRESSIONS.stream().map(regression -> DynamicTest.dynamicTest(regression.commandLine(), () -> {
            Path caseDirectory = Files.createDirectories(directory.resolve("regression"));
            FuzzCase fuzzCase = regression;
            if (regression.dataText() != null) {
                Path file = caseDirectory.resolve(regression.dataFile());
                Files.writeString(file, regression.dataText(), StandardCharsets.UTF_8);
                fuzzCase = new FuzzCase(regression.args().stream().map(a -> a.equals(DATA) ? file.toString() : a)
                        .toList(), regression.allowed(), regression.intent(), file, regression.dataText());
            }
            List<String> problems = check(fuzzCase, caseDirectory);
            if (!problems.isEmpty()) {
                fail(report("regression", fuzzCase, problems));
            }
        }));
    }

    @AfterAll
    static void summary() {
        if (started != 0) {
            System.out.printf("FuzzTest: seed %d, %d cases in %.1f s; %s%n", SEED, ONLY >= 0 ? 1 : CASES,
                    (System.nanoTime() - started) / 1e9, TALLY);
        }
    }

    /** Generates and runs cases [from, to), and fails once at the end with every failing case. */
    private static void runCases(int from, int to) throws IOException {
        List<String> failures = new ArrayList<>();
        for (int index = from; index < to; index++) {
            Path caseDirectory = Files.createDirectories(directory.resolve("case-" + index));
            FuzzCase fuzzCase;
            try {
                fuzzCase = generate(index, caseDirectory);
            } catch (RuntimeException e) {
                failures.add("case " + index + " of seed " + SEED + ": the generator failed: " + e);
                continue;
            }
            List<String> problems = check(fuzzCase, caseDirectory);
            if (!problems.isEmpty()) {
                failures.add(report("case " + index, fuzzCase, problems));
            } else {
                delete(caseDirectory);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + (to - from) + " cases failed (seed " + SEED + "; rerun one with mvn -B -q "
                    + "test -Dtest=FuzzTest -Dfuzz.seed=" + SEED + " -Dfuzz.case=K)\n\n" + String.join("\n\n",
                    failures));
        }
    }

    /** Case {@code index} of the seed: its own random stream, so it reproduces alone. */
    static FuzzCase generate(int index, Path caseDirectory) {
        SplittableRandom random = new SplittableRandom(SEED + 0x9E3779B97F4A7C15L * index);
        return new OptionVectors(random, caseDirectory).next();
    }

    /** Runs a case and returns what is wrong with the outcome, nothing if all is well. */
    static List<String> check(FuzzCase fuzzCase, Path caseDirectory) {
        List<String> problems = new ArrayList<>();
        Cli.Result result;
        long start = System.nanoTime();
        try {
            result = Cli.run(fuzzCase.args().toArray(String[]::new));
        } catch (Throwable thrown) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            problems.add("threw " + trace.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse(""));
            return problems;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seconds > 10) { // every long run has --max-seconds of at most 1: more means the limit did not hold
            problems.add(String.format("took %.1f s", seconds));
        }
        int code = result.exitCode();
        synchronized (TALLY) {
            TALLY.merge("exit " + code, 1, Integer::sum);
        }
        String err = result.err();
        boolean chart = fuzzCase.args().contains("--chart");
        if (!Set.of(0, 1, 2, 3).contains(code)) {
            problems.add("exit code " + code + " is not one of 0, 1, 2, 3");
        } else if (!fuzzCase.allowed().contains(code)) {
            problems.add("exit code " + code + ", expected one of " + fuzzCase.allowed() + " for: "
                    + fuzzCase.intent());
        }
        if (err.contains("internal error")) {
            problems.add("an internal error (an uncaught exception)");
        }
        if (err.contains("\tat ") || err.contains("Exception") || err.contains("Caused by") || err.contains("java.")) {
            problems.add("a stack trace or an exception's name on stderr");
        }
        // --chart draws on stderr when stdout carries CSV or JSON Lines, before any error; that is output, not error.
        if (!chart && result.errLines().length > 3) {
            problems.add("more than three lines on stderr: " + result.errLines().length);
        }
        if (code != 0 && err.isBlank()) {
            problems.add("exit code " + code + " without a word on stderr");
        }
        if (code == 2 && !result.out().isEmpty()) {
            problems.add("a usage error after writing to stdout");
        }
        if (code == 3 && !(err.contains("finite") || err.contains("NaN") || err.contains("nfinit"))) {
            problems.add("exit code 3 but stderr does not say what was not finite");
        }
        if (code == 1 && !err.contains("cannot")) {
            problems.add("exit code 1 that is not an output failure");
        }
        if (code == 0 || code == 3) {
            String problem = checkOutput(fuzzCase.args(), result, code);
            if (problem != null) {
                problems.add("output: " + problem);
            }
        }
        if (!problems.isEmpty()) {
            problems.add("exit code " + code + "\n--- stderr ---\n" + clip(err) + "\n--- stdout ---\n"
                    + clip(result.out()));
        }
        return problems;
    }

    /** Checks the output of a finished command in the format its command line chose. */
    static String checkOutput(List<String> args, Cli.Result result, int code) {
        String command = args.get(0);
        boolean textOnly = args.stream().anyMatch(a -> Set.of("--help", "-h", "--version", "-V").contains(a))
                || !Set.of("run", "compare", "sweep", "fit", "data").contains(command)
                || args.contains("--check-grad");
        String format = command.equals("data") ? "data" : "table";
        Path output = null;
        for (int i = 1; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--format")) {
                format = args.get(i + 1);
            }
            if (args.get(i).equals("--output")) {
                output = Path.of(args.get(i + 1));
            }
        }
        String text = result.out();
        if (output != null && !textOnly) {
            if (!Files.isRegularFile(output)) {
                return code == 0 ? "no --output file " + output : null;
            }
            try {
                text = Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "cannot read the --output file: " + e;
            }
        }
        if (code == 3) { // rows before the non-finite value are kept: what was written must still parse
            return textOnly || format.equals("table") ? null
                    : format.equals("jsonl") ? OutputChecks.jsonl(text, true) : OutputChecks.csv(text, true);
        }
        if (textOnly) {
            return OutputChecks.text(result.out());
        }
        return switch (format) {
            case "csv" -> OutputChecks.csv(text, false);
            case "data" -> OutputChecks.csv(text, true); // data --rows 0 writes the header alone
            case "jsonl" -> OutputChecks.jsonl(text, false);
            default -> OutputChecks.text(text);
        };
    }

    private static String report(String which, FuzzCase fuzzCase, List<String> problems) {
        StringBuilder report = new StringBuilder();
        report.append(which).append(" of seed ").append(SEED).append(" (").append(fuzzCase.intent()).append(")\n")
                .append(fuzzCase.commandLine()).append('\n');
        if (fuzzCase.dataFile() != null) {
            report.append("--- ").append(fuzzCase.dataFile().getFileName()).append(" ---\n")
                    .append(ExpressionGrammar.escape(fuzzCase.dataText().replace("\r", "\\r"))
                            .replace("\\u000a", "\n")).append('\n');
        }
        for (String problem : problems) {
            report.append("- ").append(problem).append('\n');
        }
        return report.toString();
    }

    private static String clip(String text) {
        return text.length() <= 1500 ? text : text.substring(0, 1500) + "… (" + text.length() + " characters)";
    }

    private static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
