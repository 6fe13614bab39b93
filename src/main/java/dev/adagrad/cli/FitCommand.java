package dev.adagrad.cli;

import dev.adagrad.data.CsvDataLoader;
import dev.adagrad.data.DataException;
import dev.adagrad.data.Dataset;
import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.ExpressionException;
import dev.adagrad.expr.ExpressionSyntax;
import dev.adagrad.expr.FunctionTable;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.expr.ParsedExpression;
import dev.adagrad.fit.BatchLoss;
import dev.adagrad.fit.Classifier;
import dev.adagrad.fit.FitComparison;
import dev.adagrad.fit.FitDivergence;
import dev.adagrad.fit.FitResult;
import dev.adagrad.fit.Model;
import dev.adagrad.fit.Schedule;
import dev.adagrad.fit.Trainer;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.output.FitComparisonTable;
import dev.adagrad.output.FitShape;
import dev.adagrad.output.FitWriter;
import dev.adagrad.output.Format;
import dev.adagrad.output.OutputTarget;
import dev.adagrad.output.PartFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adagrad fit}: fit a per-row loss's parameters to the rows of a CSV file, epoch by epoch. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit parameters to the rows of a CSV file: each step minimises the mean per-row loss over a "
                + "batch, with the gradient by central differences (or --grad exact).",
                "Prints epoch,step,loss,<parameters> after the epochs asked for (epoch 0 is the start), the loss "
                        + "being the mean over all rows; classifiers add the accuracy."},
        footer = {"", "Examples:",
                "  adagrad fit --data points.csv --loss \"(w*x+b-y)^2\" --params w=0,b=0 --lr 0.1 --epochs 100 "
                        + "--print-every 10",
                "  adagrad fit --data data.csv --model logistic --target y --batch-size 32 --shuffle --seed 1",
                "  adagrad fit --data data.csv --model logistic --optimizers adagrad,sgd --set adagrad.lr=0.3 "
                        + "--set sgd.lr=1 --plot loss.png"})
public final class FitCommand implements Callable<Integer>, OptimizerCommand {

    /** The most epochs: the loss history keeps one value per epoch. */
    static final long MAX_EPOCHS = 10_000_000L;

    private static final Pattern NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{Nd}_]*");

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "CSV file: a header naming the columns, then one number per column in each row.")
    Path data;

    @Option(names = "--loss", paramLabel = "EXPR",
            description = "The loss of one row, e.g. (w*x+b-y)^2: names that are columns of the file are data, every "
                    + "other name a parameter, which --params must give a start value.")
    String loss;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Instead of --loss: linear (squared error), logistic or hinge over every column but the "
                    + "target, with weights w_<column> and bias b.")
    String model;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "With --model: the column to predict. Labels for logistic and hinge are -1/1 or 0/1. "
                    + "Default: y.")
    String target;

    @Option(names = "--params", paramLabel = "NAME=VALUE,...",
            description = "Start values of the parameters, e.g. w=0,b=0: every parameter of --loss; with --model, "
                    + "those that should not start at 0.")
    String parameters;

    @Option(names = "--l2", paramLabel = "LAMBDA", converter = Numbers.FiniteDouble.class,
            description = "With --model: add LAMBDA times the sum of the squared weights (not b) to the loss. "
                    + "Default: 0.")
    Double l2;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", converter = Numbers.StepCount.class,
            description = "Passes over the data, 0 to " + MAX_EPOCHS + ". Default: ${DEFAULT-VALUE}.")
    long epochs;

    @Option(names = "--batch-size", paramLabel = "B", converter = Numbers.StepCount.class,
            description = "Rows per optimizer step; the last batch of an epoch takes what is left. "
                    + "Default: all rows (full batch).")
    Long batchSize;

    @Option(names = "--shuffle", description = "Shuffle the rows at the start of every epoch (see --seed).")
    boolean shuffle;

    @Option(names = "--seed", paramLabel = "S", converter = Numbers.StepCount.class,
            description = "With --shuffle: the seed, so the same seed gives the same order. Default: 0.")
    Long seed;

    @Option(names = {"--print-every", "--every"}, paramLabel = "K", defaultValue = "1",
            converter = Numbers.StepCount.class,
            description = "Print epochs 0, K, 2K, ... and the last. Default: ${DEFAULT-VALUE}.")
    long printEvery;

    @Option(names = "--max-seconds", paramLabel = "S", converter = Numbers.FiniteDouble.class,
            description = "Stop after S seconds of wall time, keeping every epoch completed by then. "
                    + "Default: no limit.")
    Double maxSeconds;

    @Option(names = "--grad", paramLabel = "METHOD", defaultValue = "central",
            description = "How to take the gradient of the batch's mean loss: central (central differences, the "
                    + "default) or exact (reverse-mode automatic differentiation of the per-row loss).")
    ProblemOptions.Gradient gradient;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Option(names = "--optimizers", paramLabel = "NAMES", split = ",",
            description = "Instead of --optimizer: fit with each of these side by side (same data, start, batches "
                    + "and shuffles), in parallel. Prints a summary table, or long rows optimizer,epoch,step,loss,… "
                    + "with --format csv|jsonl; --plot draws every loss curve. Settings go with --set.")
    List<String> optimizers;

    @Option(names = "--set", paramLabel = "OPT.NAME=VALUE", split = ",",
            description = "With --optimizers: a hyperparameter of one of them, e.g. adagrad.lr=0.3 or "
                    + "sgd.momentum=0.9; repeatable.")
    List<String> sets = new ArrayList<>();

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    PlotOptions plotOptions;

    @Override
    public OptimizerOptions optimizerOptions() {
        return optimizerOptions;
    }

    /** The loss over the data, its parameters with their start values, and for a classifier its accuracy. */
    private record Problem(BatchLoss loss, List<String> parameters, double[] start, Classifier classifier) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Schedule schedule = schedule();
        plotOptions.validate(outputOptions.output);
        StoppingOptions.startClock(maxSeconds);
        Map<String, Double> given = parameters == null ? Map.of() : named(parameters);
        checkOptimizerChoice();
        Problem problem = model == null ? lossProblem(given) : modelProblem(given);
        if (optimizers != null) {
            return fitSideBySide(problem, schedule);
        }
        Optimizer optimizer = optimizerOptions.create(problem.parameters().size());
        Trainer trainer = new Trainer(problem.loss(), gradientMethod(problem), optimizer, problem.classifier());
        int rows = problem.loss().data().rows();
        FitShape shape = new FitShape(problem.parameters(), problem.classifier() != null, schedule.epochs(),
                schedule.epochs() * schedule.stepsPerEpoch(rows));

        FitResult result;
        try (OutputTarget target = outputOptions.open(spec.commandLine().getOut())) {
            FitWriter writer = FitWriter.of(outputOptions.format, target.writer(), shape);
            try {
                writer.begin();
                result = trainer.train(problem.start(), schedule, writer);
                writer.end(result);
            } catch (UncheckedIOException e) {
                target.salvage(); // the rows written before the failure are whole: keep them
                throw e.getCause();
            } catch (RuntimeException | Error e) {
                target.commit(); // the epochs written so far are whole: keep them
                throw e;
            }
            target.commit();
        }
        plotOptions.drawLossCurves(plotTitle(), List.of(optimizerOptions.name), List.of(result.history().lossArray()));
        if (result.diverged()) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + divergence(result, problem.parameters()));
            return ExitCode.NON_FINITE;
        }
        return interrupted(List.of(result));
    }

    /** 130 and one line on stderr if an interrupt stopped a fit, else 0. */
    private int interrupted(List<FitResult> results) {
        if (results.stream().noneMatch(FitResult::interrupted)) {
            return ExitCode.OK;
        }
        FitResult first = results.stream().filter(FitResult::interrupted).findFirst().orElseThrow();
        spec.commandLine().getErr().println(Errors.prefix(spec) + "interrupted after epoch " + first.epochs()
                + " (step " + first.steps() + "); every epoch up to it is written");
        return ExitCode.INTERRUPTED;
    }

    /** --optimizers takes its settings from --set; --optimizer from the hyperparameter options. */
    private void checkOptimizerChoice() {
        if (optimizers == null) {
            if (!sets.isEmpty()) {
                throw new UsageException("--set goes with --optimizers; for one optimizer, give its options "
                        + "directly, e.g. --lr 0.1");
            }
            return;
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--optimizer")) {
            throw new UsageException("give --optimizer NAME or --optimizers A,B, not both");
        }
        if (optimizerOptions.hasHyperparameters()) {
            throw new UsageException("with --optimizers, give each optimizer's settings with --set, e.g. "
                    + "--set adagrad.lr=0.3 --set sgd.lr=1");
        }
    }

    /**
     * Fits with every optimizer of --optimizers in parallel. A table summarises them; long rows go through one part
     * file per optimizer, copied out in the order given, so the bytes do not depend on which fit finished first.
     */
    private Integer fitSideBySide(Problem problem, Schedule schedule) throws IOException, InterruptedException {
        int dimension = problem.parameters().size();
        Map<String, Map<String, Object>> settings = PerOptimizerSettings.parse(optimizers, null, sets);
        List<FitComparison.Entry> entries = new ArrayList<>();
        List<Double> learningRates = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : settings.entrySet()) {
            OptimizerSpec optimizer = OptimizerOptions.spec(entry.getKey());
            entries.add(new FitComparison.Entry(optimizer.name(),
                    OptimizerOptions.create(optimizer, optimizerOptions.compat, entry.getValue(), dimension)));
            learningRates.add(optimizer.settings(optimizerOptions.compat, entry.getValue()).number("lr"));
        }
        FitComparison comparison = new FitComparison(problem.loss(), gradientMethod(problem),
                problem.classifier(), Runtime.getRuntime().availableProcessors());
        int rows = problem.loss().data().rows();
        FitShape shape = new FitShape(problem.parameters(), problem.classifier() != null, schedule.epochs(),
                schedule.epochs() * schedule.stepsPerEpoch(rows));
        Format format = outputOptions.format;
        List<FitResult> results;
        try (OutputTarget target = outputOptions.open(spec.commandLine().getOut())) {
            if (format == Format.table) {
                results = comparison.run(entries, problem.start(), schedule, i -> record -> { });
                List<FitComparisonTable.Row> table = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    table.add(new FitComparisonTable.Row(entries.get(i).name(), learningRates.get(i),
                            results.get(i)));
                }
                FitComparisonTable.write(target.writer(), shape.classification(), table);
            } else {
                try (PartFiles parts = new PartFiles(entries.size(), outputOptions.output)) {
                    try {
                        results = comparison.run(entries, problem.start(), schedule,
                                i -> FitWriter.labelled(format, parts.writer(i), shape, entries.get(i).name()));
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                    target.writer().write(FitWriter.longHeader(format, shape));
                    parts.copyTo(target.writer());
                }
            }
            target.commit();
        }
        List<String> names = entries.stream().map(FitComparison.Entry::name).toList();
        plotOptions.drawLossCurves(plotTitle(), names, results.stream().map(r -> r.history().lossArray()).toList());
        // As compare: a fit that diverges is a result, but a loss (or gradient) not finite at the start is exit 3,
        // as it is for one --optimizer.
        if (results.stream().allMatch(r -> r.diverged() && r.divergence().epoch() == 0
                && r.divergence().step() == 0)) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + divergence(results.get(0),
                    problem.parameters()));
            return ExitCode.NON_FINITE;
        }
        return interrupted(results);
    }

    private GradientMethod gradientMethod(Problem problem) {
        if (gradient == ProblemOptions.Gradient.central) {
            return CentralDifference.scaled();
        }
        if (!problem.loss().differentiable()) {
            throw new UsageException("--grad exact: the loss is too large to compile, so it has no exact gradient; "
                    + "use --grad central");
        }
        return ExactGradient.instance();
    }

    private String plotTitle() {
        String what = model == null ? "loss " + loss : model + " model of " + (target == null ? "y" : target);
        return "fit of " + data.getFileName() + ": " + what;
    }

    private Schedule schedule() {
        if ((loss == null) == (model == null)) {
            throw new UsageException("give either --loss EXPR (with --params) or --model "
                    + "linear|logistic|hinge, not " + (loss == null ? "neither" : "both"));
        }
        if (model == null && target != null) {
            throw new UsageException("--target goes with --model; with --loss, name the target column in the loss");
        }
        if (model == null && l2 != null) {
            throw new UsageException("--l2 goes with --model; with --loss, write the penalty into the loss");
        }
        if (l2 != null && l2 < 0) {
            throw new UsageException("--l2 must be ≥ 0 (got " + l2 + ")");
        }
        if (seed != null && !shuffle) {
            throw new UsageException("--seed has no effect without --shuffle");
        }
        if (epochs > MAX_EPOCHS) {
            throw new UsageException("--epochs " + epochs + " is above the limit of " + MAX_EPOCHS);
        }
        if (batchSize != null && batchSize < 1) {
            throw new UsageException("--batch-size must be ≥ 1");
        }
        if (printEvery < 1) {
            throw new UsageException("--print-every must be ≥ 1");
        }
        int batch = batchSize == null ? Integer.MAX_VALUE : (int) Math.min(Integer.MAX_VALUE, batchSize);
        return new Schedule(epochs, batch, shuffle, seed == null ? 0 : seed, printEvery);
    }

    private Problem lossProblem(Map<String, Double> given) {
        if (loss.isBlank()) {
            throw new ExpressionException("the expression is empty", loss, 0).in("--loss");
        }
        ParsedExpression parsed;
        try {
            parsed = ExpressionSyntax.checkTyped(loss);
        } catch (ExpressionException e) {
            throw e.in("--loss");
        }
        Set<String> identifiers = new HashSet<>(parsed.identifiers());
        Dataset dataset = CsvDataLoader.load(data, identifiers::contains);
        for (String name : given.keySet()) {
            if (dataset.column(name) >= 0) {
                throw new DataException(data + ", column " + name + ": also given in --params; a name in the loss "
                        + "is either a column or a parameter");
            }
        }
        for (String name : given.keySet()) {
            if (!identifiers.contains(name)) {
                throw new UsageException("--params names '" + name + "', which the loss does not use");
            }
        }
        List<String> missing = new ArrayList<>();
        for (String identifier : parsed.identifiers()) {
            if (dataset.column(identifier) < 0 && !given.containsKey(identifier)
                    && !FunctionTable.CONSTANTS.contains(identifier)) {
                missing.add(identifier);
            }
        }
        if (!missing.isEmpty()) {
            throw new DataException(data + ": the loss uses " + quoted(missing) + ", which "
                    + (missing.size() == 1 ? "is" : "are") + " neither a column of the file (its columns: "
                    + String.join(", ", header()) + ") nor given a start value in --params");
        }
        if (given.isEmpty()) {
            throw new UsageException("the loss has no parameters: every name in it is a column of " + data
                    + "; give the parameters' start values with --params, e.g. --params w=0,b=0");
        }
        List<String> names = List.copyOf(given.keySet());
        double[] start = given.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Problem(BatchLoss.compile(parsed, dataset, names, 0, List.of()), names, start, null);
    }

    /** The file's header, for messages (the loader kept only the columns the loss uses). */
    private List<String> header() {
        return CsvDataLoader.header(data);
    }

    private Problem modelProblem(Map<String, Double> given) {
        Model chosen = Model.named(model).orElseThrow(() -> new UsageException("unknown model '" + model
                + "' (known: linear, logistic, hinge)"));
        String targetColumn = target == null ? "y" : target;
        Dataset dataset = CsvDataLoader.load(data);
        int targetIndex = dataset.column(targetColumn);
        if (targetIndex < 0) {
            throw new DataException(data + ", column " + targetColumn + ": no such column"
                    + (target == null ? " (the default --target)" : "") + "; the file's columns are "
                    + String.join(", ", dataset.columns()));
        }
        List<String> features = new ArrayList<>(dataset.columns());
        features.remove(targetColumn);
        if (features.isEmpty()) {
            throw new DataException(data + ": no column besides the target " + targetColumn + " to fit on");
        }
        for (String column : dataset.columns()) {
            if (!NAME.matcher(column).matches() || FunctionTable.lookup(column) != null) {
                throw new DataException(data + ", column " + column + ": --model needs column names that can stand "
                        + "in an expression (letters, digits and _, not a function's name)");
            }
        }
        List<String> names = Model.parameters(features);
        for (String name : names) {
            if (dataset.column(name) >= 0) {
                throw new DataException(data + ", column " + name + ": the name of a column is also the name of "
                        + "one of the model's parameters (w_<column>, b); rename the column");
            }
        }
        for (String name : given.keySet()) {
            if (!names.contains(name)) {
                throw new UsageException("--params names '" + name + "', which is not a parameter of the model "
                        + "(they are " + summary(names) + ")");
            }
        }
        if (chosen.classification()) {
            dataset.mapLabelsToPlusMinusOne(targetIndex);
        }
        double[] start = new double[names.size()];
        for (int i = 0; i < start.length; i++) {
            start[i] = given.getOrDefault(names.get(i), 0.0);
        }
        ParsedExpression parsed = ExpressionSyntax.check(chosen.loss(features, targetColumn));
        BatchLoss batchLoss = BatchLoss.compile(parsed, dataset, names, l2 == null ? 0 : l2,
                names.subList(0, features.size()));
        Classifier classifier = chosen.classification()
                ? new Classifier(dataset, features.stream().mapToInt(dataset::column).toArray(), targetIndex)
                : null;
        return new Problem(batchLoss, names, start, classifier);
    }

    private static String summary(List<String> names) {
        return names.size() <= 6 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + ", …, " + names.get(names.size() - 1);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static Map<String, Double> named(String text) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (String item : text.split(",", -1)) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new UsageException("--params: '" + item.strip() + "' has no value; give each parameter as "
                        + "name=value, e.g. w=0,b=0");
            }
            String name = item.substring(0, equals).strip();
            if (!NAME.matcher(name).matches()) {
                throw new UsageException("--params: '" + name + "' is not a parameter name");
            }
            double value;
            try {
                value = Numbers.parseFinite(item.substring(equals + 1));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--params: " + name + ": " + e.getMessage());
            }
            if (named.put(name, value) != null) {
                throw new UsageException("--params gives " + name + " twice");
            }
        }
        return named;
    }

    private static String divergence(FitResult result, List<String> names) {
        FitDivergence divergence = result.divergence();
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            at.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(divergence.parameters()[i]);
        }
        String what = switch (divergence.quantity()) {
            case LOSS -> "the loss is not finite";
            case GRADIENT -> "the gradient is not finite";
            case PARAMETERS -> "a parameter became non-finite";
        };
        String where = divergence.epoch() == 0 ? "at the start" : "epoch " + divergence.epoch() + ", step "
                + divergence.step();
        String kept = result.history().size() == 0 ? "nothing was written"
                : "epochs up to " + (result.history().size() - 1) + " were computed";
        return where + ": " + what + " at " + at + " (" + kept + ")";
    }
}
