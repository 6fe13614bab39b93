package dev.adagrad.fuzz;

import dev.adagrad.expr.TestFunction;
import dev.adagrad.expr.TestFunctions;
import dev.adagrad.fuzz.CsvFiles.DataFile;
import dev.adagrad.fuzz.ExpressionGrammar.Expr;
import dev.adagrad.fuzz.ExpressionGrammar.Validity;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Hyperparameter;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.optim.Optimizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates whole command lines for every command: valid ones (exit 0, or 3 if a value stops being finite), ones
 * with exactly one definite mistake (exit 2), starts where f is not finite (exit 3), output into a missing directory
 * (exit 1), and valid ones mutated at random (any documented code but 1, unless a path is missing).
 */
final class OptionVectors {

    static final Set<Integer> VALID = Set.of(0, 3);
    static final Set<Integer> USAGE = Set.of(2);
    static final Set<Integer> NON_FINITE = Set.of(3);
    static final Set<Integer> IO = Set.of(1);
    static final Set<Integer> ANY = Set.of(0, 2, 3);

    private static final List<OptimizerSpec> SPECS = Optimizers.all();
    private static final List<String> NAMED_FUNCTIONS = TestFunctions.all().stream().map(TestFunction::name).toList();
    /** Numbers the options refuse, and some they take; for random damage. */
    private static final List<String> WEIRD_NUMBERS = List.of("1e400", "-0", "NaN", "Infinity", "-Infinity", "0x10",
            "", " ", "abc", "1e-400", "4.9e-324", "1e308", "-1", "0", "1.5", "2e9", "1e9", "1e-9999999999",
            "0e99999999999", "99999999999999999999", "٣", "１", "+1", "1.", ".5", "1_000", "1,5", "--", "-");
    private static final List<String> OPTIONS = List.of("--f", "--x0", "--h", "--grad", "--check-grad", "--optimizer",
            "--compat", "--steps", "--tol", "--max-seconds", "--format", "--output", "--every", "--plot",
            "--plot-size", "--animate", "--html", "--box", "--xlim", "--aspect", "--chart", "--lr", "--eps", "--beta1",
            "--momentum", "--nesterov",
            "--optimizers", "--set", "--points", "--data", "--loss", "--model", "--target", "--params", "--l2",
            "--epochs", "--batch-size", "--shuffle", "--seed", "--print-every", "--rows", "--features", "--density",
            "--noise", "--help", "--version", "--learning-rate", "-x");

    private final SplittableRandom random;
    private final ExpressionGrammar grammar;
    private final CsvFiles csvFiles;
    private final Path directory;

    /** The command line being built. */
    private List<String> args;
    private Path dataFile;
    private String dataText;

    OptionVectors(SplittableRandom random, Path directory) {
        this.random = random;
        this.grammar = new ExpressionGrammar(random);
        this.csvFiles = new CsvFiles(random);
        this.directory = directory;
    }

    /** The next case: every command, interleaved, in every mode. */
    FuzzCase next() {
        args = new ArrayList<>();
        dataFile = null;
        dataText = null;
        int pick = random.nextInt(100);
        if (pick < 14) {
            return chaos();
        }
        if (pick < 40) {
            return problem("run");
        }
        if (pick < 48) {
            return problem("explain");
        }
        if (pick < 58) {
            return problem("compare");
        }
        if (pick < 65) {
            return problem("sweep");
        }
        if (pick < 88) {
            return fit();
        }
        if (pick < 95) {
            return data();
        }
        return small();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // run, explain, compare, sweep

    private FuzzCase problem(String command) {
        args.add(command);
        int mode = random.nextInt(100);
        if (mode < 55) {
            Expr expr = random.nextInt(12) == 0 ? grammar.large() : grammar.valid();
            boolean named = random.nextInt(15) == 0;
            if (named) {
                args.add("--f");
                args.add(randomOf(NAMED_FUNCTIONS));
            } else {
                expression(expr);
            }
            problemOptions(command, true, true); // every valid expression compiles, so --grad exact always applies
            return done(VALID, named ? "valid, a named function" : "valid " + expr.why());
        }
        if (mode < 70) {
            Expr expr = grammar.invalid();
            args.add("--f");
            args.add(expr.text());
            args.add("--x0");
            args.add(random.nextBoolean() ? "1" : "x=1,y=2");
            problemOptions(command, true, false);
            return done(USAGE, "invalid expression: " + expr.why());
        }
        if (mode < 85) {
            expression(grammar.valid());
            problemOptions(command, true, false);
            String why = injectMistake(command);
            return done(USAGE, "one bad option: " + why);
        }
        if (mode < 93) {
            Expr base = grammar.valid();
            String variable = base.variables().get(random.nextInt(base.variables().size()));
            String[][] traps = {{"log(", ")", "-1"}, {"sqrt(", ")", "-2"}, {"1/(", ")", "0"}, {"log(", ")", "-0"},
                    {"1/(", "-1)", "1"}, {"asin(", ")", "3"}, {"(", ")^-1", "0"}};
            String[] trap = traps[random.nextInt(traps.length)];
            String text = base.text() + " + " + trap[0] + variable + trap[1];
            List<String> names = base.variables();
            StringBuilder x0 = new StringBuilder();
            for (String name : names) {
                x0.append(x0.length() == 0 ? "" : ",").append(name).append('=')
                        .append(name.equals(variable) ? trap[2] : "0.5");
            }
            args.addAll(List.of("--f", text, "--x0", x0.toString()));
            problemOptions(command, true, false);
            return done(NON_FINITE, "f not finite at x0: " + trap[0] + variable + trap[1] + " at " + trap[2]);
        }
        if (!command.equals("explain") && random.nextBoolean()) {
            args.addAll(List.of("--f", "x^2+y^2", "--x0", "x=1,y=-1", "--steps", "3"));
            if (command.equals("sweep")) {
                args.addAll(List.of("--points", "2", "--optimizers", "adam"));
            }
            Path missing = directory.resolve("missing-" + random.nextInt(1000)).resolve("out.csv");
            if (random.nextInt(4) == 0 && !command.equals("sweep")) {
                args.addAll(List.of("--plot", missing.resolveSibling("p.png").toString()));
            } else {
                args.addAll(List.of("--output", missing.toString(), "--format", randomOf(List.of("csv", "jsonl",
                        "table"))));
            }
            return done(IO, "output into a missing directory");
        }
        expression(grammar.valid());
        problemOptions(command, true, false);
        return mutated("random damage to a valid " + command);
    }

    /** --f and a --x0 for it, by name or in order. */
    private void expression(Expr expr) {
        args.add("--f");
        args.add(expr.text());
        args.add("--x0");
        args.add(startPoint(expr.variables()));
    }

    private String startPoint(List<String> variables) {
        boolean named = variables.size() > 1 ? random.nextBoolean() : random.nextInt(4) == 0;
        List<String> order = new ArrayList<>(variables);
        if (named) {
            for (int i = order.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                order.set(i, order.set(j, order.get(i)));
            }
        }
        List<String> values = new ArrayList<>();
        for (String name : order) {
            String value = random.nextInt(8) == 0
                    ? randomOf(List.of("-0", "0", "4.9e-324", "1e300", "-1e-300", "1e5", "+3", ".5", "2."))
                    : Double.toString(Math.round(random.nextDouble(-3, 3) * 100) / 100.0);
            values.add(named ? name + "=" + value : value);
        }
        return String.join(",", values);
    }

    /**
     * The options of a problem command, all valid together.
     *
     * @param exactAllowed whether --grad exact may be chosen
     * @param extras       whether to add the costly extras (pictures, the terminal chart, output files)
     */
    private void problemOptions(String command, boolean exactAllowed, boolean extras) {
        boolean explain = command.equals("explain");
        boolean multi = command.equals("compare") || command.equals("sweep");
        if (random.nextInt(4) == 0) {
            if (exactAllowed && random.nextBoolean()) {
                args.addAll(List.of("--grad", "exact"));
            } else {
                args.addAll(List.of("--h", randomOf(List.of("1e-4", "0.001", "1e-7"))));
            }
        }
        boolean checkGrad = extras && random.nextInt(15) == 0 && exactAllowed;
        if (checkGrad) {
            args.add("--check-grad");
        }
        if (explain) {
            args.addAll(List.of("--steps", Integer.toString(random.nextInt(6))));
            optimizer(true);
            return;
        }
        steps(command.equals("sweep") ? 15 : 25);
        if (random.nextInt(5) == 0) {
            args.addAll(List.of("--tol", randomOf(List.of("0", "1e-3", "0.5", "1e-12"))));
        }
        if (random.nextInt(3) != 0) {
            args.addAll(List.of("--format", randomOf(List.of("table", "csv", "jsonl"))));
        }
        if (!command.equals("sweep") && random.nextInt(5) == 0) {
            args.addAll(List.of("--every", Integer.toString(1 + random.nextInt(4))));
        }
        if (extras && !checkGrad && random.nextInt(8) == 0) {
            args.addAll(List.of("--output", directory.resolve("out-" + random.nextInt(1000) + ".txt").toString()));
        }
        if (multi) {
            multiOptimizer(command.equals("sweep"));
        } else {
            optimizer(true);
        }
        if (extras && !checkGrad && random.nextInt(150) == 0) {
            args.addAll(List.of("--plot", directory.resolve("plot." + (random.nextBoolean() ? "png" : "svg"))
                    .toString(), "--plot-size", "200x150"));
        }
        if (extras && !checkGrad && !multi && random.nextInt(40) == 0) {
            args.add("--chart");
        }
    }

    /** --steps: a few, or a huge count bounded by a tiny --max-seconds. */
    private void steps(int most) {
        if (random.nextInt(12) == 0) {
            args.addAll(List.of("--steps", randomOf(List.of("1000000000", "1e9", "5e8")), "--max-seconds",
                    randomOf(List.of("0.01", "0.005", "0.001", "1e-3"))));
        } else {
            args.addAll(List.of("--steps", Integer.toString(random.nextInt(most + 1))));
        }
    }

    /** --optimizer with some of its own options at valid values, and --compat where the framework has it. */
    private void optimizer(boolean withOptions) {
        OptimizerSpec spec = random.nextInt(4) == 0 ? Optimizers.byName("adagrad").orElseThrow() : randomOf(SPECS);
        if (!spec.name().equals("adagrad") || random.nextBoolean()) {
            args.addAll(List.of("--optimizer", spec.name()));
        }
        Compat compat = compat(List.of(spec));
        if (!withOptions) {
            return;
        }
        for (Hyperparameter option : spec.options()) {
            if (random.nextInt(4) == 0) {
                args.add(option.option());
                args.add(value(spec, option, compat));
            }
        }
    }

    private Compat compat(List<OptimizerSpec> specs) {
        if (random.nextInt(4) != 0) {
            return Compat.torch;
        }
        Compat compat = randomOf(List.of(Compat.values()));
        for (OptimizerSpec spec : specs) {
            if (spec.preset(compat).unavailable() != null) {
                return Compat.torch;
            }
        }
        args.addAll(List.of("--compat", compat.name()));
        return compat;
    }

    /** A valid value: the framework's default, or for the learning rate a random positive one. */
    private String value(OptimizerSpec spec, Hyperparameter option, Compat compat) {
        if (option.name().equals("lr")) {
            return randomOf(List.of("0.001", "0.01", "0.1", "0.5", "1", "1e-5", "2"));
        }
        return Hyperparameter.text(spec.preset(compat).defaults().getOrDefault(option.name(), option.defaultValue()));
    }

    /** compare's and sweep's --optimizers, --lr, --set and --compat. */
    private void multiOptimizer(boolean sweep) {
        List<OptimizerSpec> chosen = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        while (chosen.size() < count) {
            OptimizerSpec spec = randomOf(SPECS);
            if (!chosen.contains(spec)) {
                chosen.add(spec);
            }
        }
        args.add("--optimizers");
        args.add(String.join(",", chosen.stream().map(OptimizerSpec::name).toList()));
        Compat compat = compat(chosen);
        if (sweep) {
            String low = randomOf(List.of("1e-4", "0.001", "0.01"));
            String high = randomOf(List.of("0.01", "0.1", "1"));
            // One rate, low = high, takes --points 1: more points there is a usage error.
            String points = low.equals(high) ? "1" : Integer.toString(1 + random.nextInt(3));
            args.addAll(List.of("--lr", low + ".." + high, "--points", points));
        } else {
            switch (random.nextInt(5)) {
                case 0 -> args.addAll(List.of("--lr", randomOf(List.of("0.01", "0.1", "1e-3"))));
                case 1 -> args.addAll(List.of("--lr", "0.05," + chosen.get(0).name() + "=0.5"));
                case 2 -> {
                    if (!args.contains("--max-seconds") && stepsAtMost(10)) {
                        args.addAll(List.of("--lr", "best"));
                    }
                }
                default -> {
                }
            }
        }
        for (OptimizerSpec spec : chosen) {
            for (Hyperparameter option : spec.options()) {
                if (!option.name().equals("lr") && random.nextInt(6) == 0) {
                    args.add("--set");
                    args.add(spec.name() + "." + option.name() + "=" + value(spec, option, compat));
                }
            }
        }
    }

    private boolean stepsAtMost(int most) {
        int at = args.indexOf("--steps");
        return at >= 0 && Long.parseLong(args.get(at + 1)) <= most;
    }

    /** Adds one definite mistake; says which. */
    private String injectMistake(String command) {
        boolean explain = command.equals("explain");
        switch (random.nextInt(explain ? 7 : 9)) {
            case 0: {
                String unknown = randomOf(List.of("--learning-rate", "--foo", "-q", "--lr2", "--stepz", "--x"));
                args.add(random.nextInt(args.size()) + 1, unknown);
                return "unknown option " + unknown;
            }
            case 1:
                args.add(randomOf(List.of("--steps", "--x0", "--f", "--h")));
                return "an option without its value, last";
            case 2: {
                String option = randomOf(List.of("--f", "--x0", "--steps"));
                int at = args.indexOf(option);
                if (at < 0) {
                    args.addAll(List.of("--steps", "2", "--steps", "3"));
                } else {
                    args.addAll(List.of(option, args.get(at + 1)));
                }
                return "a repeated option";
            }
            case 3:
                args.addAll(List.of("--steps", randomOf(List.of("-1", "2.5", "2e9", "1e400", "NaN", "0x10", "abc", "",
                        " ", "1e-9999999999", "Infinity", "1,000", "١٢"))));
                return "a bad --steps";
            case 4:
                if (command.equals("sweep")) {
                    args.addAll(List.of("--lr", randomOf(List.of("0..1", "1..0.1", "abc", "1e-4..", "..1", "-1..1",
                            "NaN..1", "1e-4..1e400", "0x1..2"))));
                    return "a bad --lr range";
                }
                args.addAll(List.of("--lr", randomOf(List.of("0", "-0", "-1", "NaN", "Infinity", "0x10", "1e400", "",
                        "1e-400"))));
                return "a bad --lr";
            case 5:
                args.addAll(List.of("--h", randomOf(List.of("0", "-1", "NaN", "1e400", "-0"))));
                return "a bad --h";
            case 6:
                if (explain) {
                    args.addAll(random.nextBoolean() ? List.of("--steps", "101")
                            : List.of(randomOf(List.of("--format", "--tol", "--output", "--max-seconds")), "1"));
                    return "explain: more than 100 steps or an option of run only";
                }
                args.addAll(List.of("--max-seconds", randomOf(List.of("0", "-1", "-0", "NaN", "Infinity", "0x10"))));
                return "a bad --max-seconds";
            case 7:
                args.addAll(List.of("--format", randomOf(List.of("xml", "CSV", "", "json", "table,csv"))));
                return "a bad --format";
            default:
                if (command.equals("run") && random.nextBoolean()) {
                    args.addAll(List.of("--optimizer", randomOf(List.of("adagard", "Adam", "", "sgd,adam"))));
                    return "an unknown optimizer";
                }
                if (command.equals("sweep")) {
                    args.addAll(List.of("--points", randomOf(List.of("0", "1001", "-1", "2.5"))));
                    return "a bad --points";
                }
                args.addAll(List.of("--every", randomOf(List.of("0", "-1", "1.5"))));
                return "a bad --every";
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // fit

    private FuzzCase fit() {
        args.add("fit");
        int mode = random.nextInt(100);
        boolean model = random.nextInt(3) == 0;
        String modelName = randomOf(List.of("linear", "logistic", "hinge"));
        boolean labels = model && !modelName.equals("linear");
        if (mode < 55) {
            DataFile file = csvFiles.valid(labels, !model);
            fitProblem(file, model, modelName, false);
            fitOptions(true);
            return done(VALID, "valid fit (" + (model ? "--model " + modelName : "--loss") + ")");
        }
        if (mode < 70) {
            DataFile file = csvFiles.invalid(labels);
            fitProblem(file, model, modelName, true);
            fitOptions(false);
            return done(USAGE, "bad data: " + file.why());
        }
        if (mode < 80) {
            DataFile file = csvFiles.valid(labels, !model);
            fitProblem(file, model, modelName, false);
            fitOptions(false);
            String why;
            switch (random.nextInt(6)) {
                case 0 -> {
                    args.set(args.indexOf("--data") + 1, directory.resolve("no-such-file.csv").toString());
                    why = "a missing --data file";
                }
                case 1 -> {
                    args.addAll(List.of("--epochs", randomOf(List.of("-1", "1e8", "2.5", "NaN", ""))));
                    why = "a bad --epochs";
                }
                case 2 -> {
                    args.addAll(List.of("--batch-size", randomOf(List.of("-1", "1.5", "abc"))));
                    why = "a bad --batch-size";
                }
                case 3 -> {
                    if (model) {
                        args.addAll(List.of("--target", "nope"));
                        why = "a --target the file lacks";
                    } else {
                        args.set(args.indexOf("--loss") + 1, args.get(args.indexOf("--loss") + 1) + " + q^2");
                        why = "a loss name neither a column nor in --params";
                    }
                }
                case 4 -> {
                    args.addAll(List.of("--lr", randomOf(List.of("0", "-1", "NaN", "1e400"))));
                    why = "a bad --lr";
                }
                default -> {
                    args.addAll(List.of("--learning-rate", "1"));
                    why = "an unknown option";
                }
            }
            return done(USAGE, "fit, one bad option: " + why);
        }
        if (mode < 85 && !model) {
            DataFile file = csvFiles.valid(false, false);
            write(file);
            args.addAll(List.of("--data", dataFile.toString(), "--loss", "log(a*" + file.features().get(0)
                    + " - 100) + y", "--params", "a=0"));
            fitOptions(false);
            return done(NON_FINITE, "fit, loss not finite at the start");
        }
        if (mode < 88) {
            DataFile file = csvFiles.valid(labels, !model);
            fitProblem(file, model, modelName, false);
            args.addAll(List.of("--epochs", "2", "--output", directory.resolve("missing-fit").resolve("f.csv")
                    .toString()));
            return done(IO, "fit output into a missing directory");
        }
        DataFile file = csvFiles.damaged(labels);
        fitProblem(file, model, modelName, false);
        fitOptions(false);
        return mutated("fit on a damaged file, options damaged too");
    }

    /**
     * --data, and --loss with --params or --model.
     *
     * @param allColumns whether the loss must read every column (so that bad data anywhere is seen)
     */
    private void fitProblem(DataFile file, boolean model, String modelName, boolean allColumns) {
        write(file);
        args.addAll(List.of("--data", dataFile.toString()));
        if (model) {
            args.addAll(List.of("--model", modelName));
            if (random.nextInt(4) == 0) {
                args.addAll(List.of("--l2", randomOf(List.of("0", "0.01", "1e-5"))));
            }
            if (random.nextInt(4) == 0) {
                args.addAll(List.of("--params", "b=" + randomOf(List.of("0.5", "-1", "0"))));
            }
            return;
        }
        StringBuilder linear = new StringBuilder();
        List<String> params = new ArrayList<>();
        for (int i = 0; i < file.features().size(); i++) {
            if (allColumns || i == 0 || random.nextBoolean()) {
                String param = "a" + (i + 1);
                params.add(param + "=" + randomOf(List.of("0", "0.5", "-1", "0.1")));
                linear.append(param).append('*').append(file.features().get(i)).append(" + ");
            }
        }
        params.add("c=" + randomOf(List.of("0", "1")));
        String z = linear + "c";
        String loss = switch (random.nextInt(5)) {
            case 0 -> "abs(" + z + " - y)";
            case 1 -> "log(1 + (" + z + " - y)^2)";
            case 2 -> "softplus(-y*(" + z + "))";
            default -> "(" + z + " - y)^2";
        };
        args.addAll(List.of("--loss", loss, "--params", String.join(",", params)));
    }

    private void fitOptions(boolean extras) {
        if (random.nextInt(12) == 0) {
            args.addAll(List.of("--epochs", randomOf(List.of("10000000", "1e7")), "--max-seconds",
                    randomOf(List.of("0.01", "0.002"))));
        } else {
            args.addAll(List.of("--epochs", Integer.toString(random.nextInt(6))));
        }
        if (random.nextInt(3) == 0) {
            args.addAll(List.of("--batch-size", Integer.toString(1 + random.nextInt(3))));
        }
        if (random.nextInt(4) == 0) {
            args.add("--shuffle");
            if (random.nextBoolean()) {
                args.addAll(List.of("--seed", Integer.toString(random.nextInt(100))));
            }
        }
        if (random.nextInt(4) == 0) {
            args.addAll(List.of(random.nextBoolean() ? "--print-every" : "--every",
                    Integer.toString(1 + random.nextInt(3))));
        }
        if (random.nextInt(4) == 0) {
            args.addAll(List.of("--grad", randomOf(List.of("exact", "central"))));
        }
        if (random.nextInt(3) != 0) {
            args.addAll(List.of("--format", randomOf(List.of("table", "csv", "jsonl"))));
        }
        if (random.nextInt(5) == 0) {
            List<OptimizerSpec> chosen = List.of(randomOf(SPECS), randomOf(SPECS)).stream().distinct().toList();
            args.add("--optimizers");
            args.add(String.join(",", chosen.stream().map(OptimizerSpec::name).toList()));
            Compat compat = compat(chosen);
            for (OptimizerSpec spec : chosen) {
                if (random.nextBoolean()) {
                    args.addAll(List.of("--set", spec.name() + ".lr=" + randomOf(List.of("0.1", "0.01"))));
                }
                for (Hyperparameter option : spec.options()) {
                    if (!option.name().equals("lr") && random.nextInt(8) == 0) {
                        args.addAll(List.of("--set", spec.name() + "." + option.name() + "="
                                + value(spec, option, compat)));
                    }
                }
            }
        } else {
            optimizer(true);
        }
        if (extras && random.nextInt(8) == 0) {
            args.addAll(List.of("--output", directory.resolve("fit-" + random.nextInt(1000) + ".out").toString()));
        }
        if (extras && random.nextInt(150) == 0) {
            args.addAll(List.of("--plot", directory.resolve("loss.png").toString(), "--plot-size", "200x150"));
        }
    }

    private void write(DataFile file) {
        dataFile = directory.resolve("data-" + random.nextInt(1_000_000) + ".csv");
        dataText = file.content();
        try {
            Files.writeString(dataFile, file.content(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // data and the small commands

    private FuzzCase data() {
        args.add("data");
        String name = randomOf(List.of("linear", "classification", "sparse-logistic"));
        args.add(name);
        args.addAll(List.of("--rows", Integer.toString(1 + random.nextInt(20))));
        if (random.nextBoolean()) {
            args.addAll(List.of("--seed", Integer.toString(random.nextInt(1000))));
        }
        if (random.nextBoolean()) {
            int least = name.equals("classification") ? 2 : 1;
            args.addAll(List.of("--features", Integer.toString(least + random.nextInt(6))));
        }
        if (name.equals("sparse-logistic") && random.nextBoolean()) {
            args.addAll(List.of("--density", randomOf(List.of("0.05", "1", "0.5", "1e-9"))));
        }
        if (name.equals("linear") && random.nextBoolean()) {
            args.addAll(List.of("--noise", randomOf(List.of("0", "0.1", "3", "1e-300"))));
        }
        if (random.nextInt(6) == 0) {
            args.addAll(List.of("--output", directory.resolve("data-out.csv").toString()));
        }
        int mode = random.nextInt(10);
        if (mode < 6) {
            return done(Set.of(0), "valid data " + name);
        }
        if (mode < 9) {
            switch (random.nextInt(5)) {
                case 0 -> args.set(1, randomOf(List.of("lin", "", "Linear", "sparse", "--rows")));
                case 1 -> args.addAll(List.of("--rows", "-1"));
                case 2 -> args.addAll(List.of("--density", randomOf(List.of("0", "1.5", "-1", "NaN"))));
                case 3 -> args.addAll(List.of("--noise", randomOf(List.of("-1", "NaN", "1e400"))));
                default -> args.add("extra");
            }
            return done(USAGE, "data with one bad option");
        }
        return mutated("random damage to data");
    }

    private FuzzCase small() {
        switch (random.nextInt(8)) {
            case 0 -> {
                args.add("optimizers");
                if (random.nextBoolean()) {
                    args.add(randomOf(SPECS).name());
                }
                if (random.nextBoolean()) {
                    args.addAll(List.of("--compat", randomOf(List.of("torch", "keras", "tfjs"))));
                }
                return done(Set.of(0), "optimizers");
            }
            case 1 -> {
                args.add("functions");
                return done(Set.of(0), "functions");
            }
            case 2 -> {
                args.add(randomOf(List.of("completion", "--version", "-V", "--help", "-h")));
                return done(Set.of(0), "completion, version or help");
            }
            case 3 -> {
                args.addAll(List.of("help", randomOf(List.of("run", "fit", "sweep", "compare", "data", "explain"))));
                return done(Set.of(0), "help for a command");
            }
            case 4 -> {
                args.addAll(List.of(randomOf(List.of("run", "compare", "fit", "sweep", "data", "explain",
                        "optimizers")), randomOf(List.of("--help", "-h", "--version", "-V"))));
                return done(Set.of(0), "a command's help or version");
            }
            case 5 -> {
                args.addAll(List.of("optimizers", randomOf(List.of("adagard", "ADAM", "", "sgd,adam"))));
                return done(USAGE, "optimizers with an unknown name");
            }
            case 6 -> {
                args.add(randomOf(List.of("runn", "", "Run", "fitt", "-x", "--f")));
                return done(USAGE, "an unknown command");
            }
            default -> {
                if (random.nextBoolean()) {
                    args.addAll(List.of("functions", "extra"));
                } else {
                    args.addAll(List.of("help", "nope"));
                }
                return done(USAGE, "a small command with a stray argument");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // random damage

    private FuzzCase chaos() {
        int command = random.nextInt(5);
        FuzzCase base = switch (command) {
            case 0 -> problem("run");
            case 1 -> problem("compare");
            case 2 -> problem("sweep");
            case 3 -> fit();
            default -> problem("explain");
        };
        args = new ArrayList<>(base.args());
        return mutated("random damage to: " + base.intent());
    }

    /** Applies one to three random edits to the current command line; any documented outcome but 1 is fine. */
    private FuzzCase mutated(String intent) {
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = 1 + random.nextInt(Math.max(1, args.size() - 1));
            switch (random.nextInt(7)) {
                case 0 -> {
                    if (at < args.size()) {
                        args.remove(at);
                    }
                }
                case 1 -> {
                    if (at < args.size()) {
                        args.add(at, args.get(at));
                    }
                }
                case 2 -> {
                    if (at + 1 < args.size()) {
                        args.set(at, args.set(at + 1, args.get(at)));
                    }
                }
                case 3, 4 -> {
                    if (at < args.size() && !args.get(at).startsWith("--")) {
                        args.set(at, randomOf(WEIRD_NUMBERS));
                    } else {
                        args.add(Math.min(at, args.size()), randomOf(WEIRD_NUMBERS));
                    }
                }
                case 5 -> {
                    String option = randomOf(OPTIONS);
                    if (option.equals("--help") || option.equals("--version")) {
                        option = "--tol";
                    }
                    args.add(Math.min(at, args.size()), option);
                    args.add(Math.min(at + 1, args.size()), random.nextBoolean() ? randomOf(WEIRD_NUMBERS)
                            : randomOf(List.of("adam", "csv", "jsonl", "x=1", "rosenbrock", "x^2", "exact", "keras",
                            "adam.beta1=0.5", "sgd.nesterov=true", "200x150", "best", "1e-4..1", "true")));
                }
                default -> {
                    String option = randomOf(List.of("--compat", "--optimizer", "--grad", "--format"));
                    args.addAll(List.of(option, randomOf(List.of("keras", "tfjs", "torch", "radam", "adamw", "nadam",
                            "exact", "central", "csv", "jsonl"))));
                }
            }
        }
        keepFilesInTheDirectory();
        boundTheTime();
        boolean missingPath = args.stream().anyMatch(arg -> arg.contains("missing-"));
        Set<Integer> allowed = missingPath ? Set.of(0, 1, 2, 3) : ANY;
        return done(allowed, intent);
    }

    /**
     * After random edits any argument may follow --output, --plot, --animate or --html; make sure each names a file
     * in the case's directory, so that no edit writes into the working directory.
     */
    private void keepFilesInTheDirectory() {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--output") || arg.equals("--plot") || arg.equals("--animate") || arg.equals("--html")) {
                // Pictures take 0.3 s (a GIF up to seconds): mostly a wrong extension, a usage error, to stay fast.
                String extension = arg.equals("--output") ? ".out" : random.nextInt(15) != 0 ? ".txt"
                        : arg.equals("--animate") ? ".gif" : arg.equals("--html") ? ".html" : ".svg";
                if (i + 1 < args.size() && !args.get(i + 1).startsWith(directory.toString())) {
                    args.set(i + 1, directory.resolve("edited-" + i + extension).toString());
                } else if (i + 1 == args.size() && random.nextBoolean()) {
                    args.add(directory.resolve("edited-" + i + extension).toString());
                }
            } else if (arg.startsWith("--output=") || arg.startsWith("--plot=") || arg.startsWith("--animate=")
                    || arg.startsWith("--html=")) {
                args.set(i, arg.substring(0, arg.indexOf('=')));
                i--;
            }
        }
    }

    /**
     * Random edits can drop --max-seconds from a run of 10⁹ steps or insert such a step count: one case then ran for
     * twelve minutes and filled the disk with compare's CSV. Every edited run, compare, sweep and fit gets a limit of
     * at most one second, and data no 10⁹ rows.
     */
    private void boundTheTime() {
        if (args.get(0).equals("data")) {
            args.replaceAll(arg -> arg.equals("1e9") ? "1e4" : arg);
            return;
        }
        if (!Set.of("run", "compare", "sweep", "fit").contains(args.get(0))) {
            return;
        }
        int at = args.indexOf("--max-seconds");
        if (at < 0) {
            args.addAll(List.of("--max-seconds", "1"));
        } else if (at + 1 < args.size()) {
            try {
                if (Double.parseDouble(args.get(at + 1)) > 1) {
                    args.set(at + 1, "1");
                }
            } catch (NumberFormatException e) {
                // not a number: a usage error, which ends at once
            }
        }
    }

    private FuzzCase done(Set<Integer> allowed, String intent) {
        return new FuzzCase(List.copyOf(args), allowed, intent, dataFile, dataText);
    }

    private <T> T randomOf(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
