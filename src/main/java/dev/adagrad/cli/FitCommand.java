package dev.adagrad.cli;

import dev.adagrad.data.DataFile;
import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.ExactGradient;
import dev.adagrad.expr.GradientCheck;
import dev.adagrad.expr.GradientMethod;
import dev.adagrad.fit.EpochListener;
import dev.adagrad.fit.FitComparison;
import dev.adagrad.fit.FitDivergence;
import dev.adagrad.fit.FitProblem;
import dev.adagrad.fit.FitResult;
import dev.adagrad.fit.Mlp;
import dev.adagrad.fit.Schedule;
import dev.adagrad.fit.Stop;
import dev.adagrad.fit.Trainer;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Hyperparameter;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.output.AtomicFile;
import dev.adagrad.output.FitComparisonTable;
import dev.adagrad.output.FitShape;
import dev.adagrad.output.FitWriter;
import dev.adagrad.output.Format;
import dev.adagrad.output.GradientCheckReport;
import dev.adagrad.output.OutputTarget;
import dev.adagrad.output.PartFiles;
import dev.adagrad.output.ProgressBar;
import dev.adagrad.output.WeightsWriter;
import dev.adagrad.run.StopRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adagrad fit}: fit a built-in model or a per-row loss to the rows of a data file, epoch by epoch. Parses and
 * checks the options, then hands the data to {@link FitProblem}, the loop to {@link Trainer} (or
 * {@link FitComparison} for several optimizers) and the epochs to {@link FitWriter}.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a model's parameters to the rows of a data file (CSV, or svmlight for sparse data): each "
                + "step minimises the mean loss over a batch of rows, with the model's exact gradient.",
                "Prints epoch,step,loss[,<parameters>][,accuracy][,val_loss[,val_accuracy]] after the epochs asked "
                        + "for (epoch 0 is the start)."},
        footer = {"", "Examples:",
                "  adagrad fit --data points.csv --loss \"(w*x+b-y)^2\" --params w=0,b=0 --lr 0.1 --epochs 100 "
                        + "--print-every 10",
                "  adagrad fit --data data.csv --model logistic --target y --batch-size 32 --shuffle --seed 1",
                "  adagrad fit --data clicks.svm --model logistic --batch-size 1 --epochs 1 --lr 0.1",
                "  adagrad fit --data seed.csv --model mlp --hidden 64 --compat keras --lr 0.01 --epochs 50 "
                        + "--save weights.json",
                "  adagrad fit --data data.csv --model logistic --optimizers adagrad,sgd --lr 0.3 --plot loss.png"})
public final class FitCommand implements Callable<Integer>, OptimizerCommand {

    /** The most epochs: the loss history keeps one value per epoch. */
    static final long MAX_EPOCHS = 10_000_000L;
    /** The most units in a hidden layer. */
    static final int MAX_UNITS = 100_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "The rows: a CSV file (a header naming the columns, then numbers), or svmlight / LIBSVM "
                    + "(label index:value ..., told by .svm, .svmlight, .libsvm or --data-format); .gz files are "
                    + "read as they are; - reads standard input.")
    String data;

    @Option(names = "--data-format", paramLabel = "FORMAT",
            description = "csv or svmlight, for a name that does not tell (standard input is CSV unless told).")
    DataFile.Format dataFormat;

    @Option(names = "--loss", paramLabel = "EXPR",
            description = "The loss of one row, e.g. (w*x+b-y)^2: names that are columns of the file are data, every "
                    + "other name a parameter, which --params must give a start value. With --model mlp: bce "
                    + "(sigmoid output, binary cross-entropy; the default) or mse (linear output, squared error).")
    String loss;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Instead of --loss: linear (squared error), logistic or hinge over every feature, with "
                    + "weights w_<feature> and bias b; or mlp, a network (see --hidden).")
    String model;

    @Option(names = "--target", paramLabel = "COLUMN",
            description = "With --model and a CSV file: the column to predict. Labels of a classifier are 0/1 or "
                    + "-1/1. Default: y.")
    String target;

    @Option(names = "--params", paramLabel = "NAME=VALUE,...",
            description = "Start values of the parameters, e.g. w=0,b=0: every parameter of --loss; with a linear "
                    + "--model, those that should not start at 0.")
    String parameters;

    @Option(names = "--hidden", paramLabel = "UNITS", split = ",",
            description = "--model mlp: units of each hidden layer, e.g. 64 or 64,32. Default: 64.")
    List<Long> hidden;

    @Option(names = "--activation", paramLabel = "NAME",
            description = "--model mlp: relu, tanh or sigmoid, for every hidden layer. Default: relu.")
    String activation;

    @Option(names = "--init", paramLabel = "FILE.json",
            description = "--model: start from these weights, {\"W1\": [[...]], \"b1\": [...], ...} (a kernel's "
                    + "rows are its inputs, as Keras stores a Dense kernel). Default: an mlp's kernels are "
                    + "Glorot-uniform from --seed, everything else starts at 0.")
    Path init;

    @Option(names = "--save", paramLabel = "FILE.json",
            description = "--model: write the final weights in the layout --init reads.")
    Path save;

    @Option(names = "--l2", paramLabel = "LAMBDA", converter = Numbers.FiniteDouble.class,
            description = "With --model: add LAMBDA times the sum of the squared weights (not the biases) to the "
                    + "loss. Default: 0.")
    Double l2;

    @Option(names = "--validation-split", paramLabel = "FRACTION", converter = Numbers.FiniteDouble.class,
            description = "Hold out the last FRACTION of the rows (as Keras takes them) and report val_loss "
                    + "(and val_accuracy) after every epoch.")
    Double validationSplit;

    @Option(names = "--validation", paramLabel = "FILE",
            description = "Report val_loss (and val_accuracy) on the rows of FILE after every epoch.")
    String validation;

    @Option(names = "--lazy",
            description = "Sparse data: step only the weights of the features a batch has (torch.optim.SparseAdam's "
                    + "algorithm, for any optimizer). SGD and AdaGrad without weight decay do that anyway, exactly.")
    boolean lazy;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100", converter = Numbers.Count.class,
            description = "Passes over the data, 0 to " + MAX_EPOCHS + ". Default: ${DEFAULT-VALUE}.")
    long epochs;

    @Option(names = "--batch-size", paramLabel = "B", converter = Numbers.Count.class,
            description = "Rows per optimizer step; the last batch of an epoch takes what is left. "
                    + "Default: all rows (full batch); 32 with --compat keras.")
    Long batchSize;

    @Option(names = "--shuffle", description = "Shuffle the rows at the start of every epoch (see --seed).")
    boolean shuffle;

    @Option(names = "--seed", paramLabel = "S", converter = Numbers.Count.class,
            description = "The seed of --shuffle and of an mlp's starting weights, so the same seed gives the same "
                    + "fit. Default: 0.")
    Long seed;

    @Option(names = {"--print-every", "--every"}, paramLabel = "K", defaultValue = "1",
            converter = Numbers.Count.class,
            description = "Print epochs 0, K, 2K, ... and the last. Default: ${DEFAULT-VALUE}.")
    long printEvery;

    @Option(names = "--max-seconds", paramLabel = "S", converter = Numbers.FiniteDouble.class,
            description = "Stop after S seconds of wall time, keeping every epoch completed by then. "
                    + "Default: no limit.")
    Double maxSeconds;

    @Option(names = "--grad", paramLabel = "METHOD",
            description = "exact (the model's own gradient, the default for --model) or central (central "
                    + "differences, the default for --loss, and a check for a model).")
    ProblemOptions.Gradient gradient;

    @Option(names = "--check-grad",
            description = "Print the central-difference and the exact gradient of the first batch at the start, "
                    + "per parameter, with their relative difference, then exit without fitting.")
    boolean checkGradient;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Mixin
    UpdateOptions update;

    /** When fit's learning-rate schedule steps. */
    enum ScheduleEvery { epoch, step }

    @picocli.CommandLine.Option(names = "--schedule-every", paramLabel = "epoch|step", defaultValue = "epoch",
            description = "Step --schedule after every epoch (torch's usual loop; reduce-on-plateau watches the "
                    + "validation loss, else the loss) or after every optimizer step (given the batch's loss). "
                    + "Default: ${DEFAULT-VALUE}.")
    ScheduleEvery scheduleEvery;

    @Option(names = "--optimizers", paramLabel = "NAMES", split = ",",
            description = "Instead of --optimizer: fit with each of these side by side (same data, start, batches "
                    + "and shuffles), in parallel. Prints a summary table, or long rows optimizer,epoch,step,loss,… "
                    + "with --format csv|jsonl; --plot draws every loss curve. --lr sets every one's rate; other "
                    + "settings go with --set.")
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

    @Override
    public Integer call() throws IOException, InterruptedException {
        named(data, "--data");
        named(validation, "--validation");
        FitProblem.Kind kind = kind();
        Schedule schedule = schedule(kind);
        plotOptions.validate(outputOptions.output);
        if (save != null) {
            checkWritable(save, "--save");
        }
        Stop stop = Stop.of(positive(maxSeconds), StopRequest::interrupted);
        checkOptimizerChoice();
        FitProblem problem = problem(kind);
        update.validate(scheduleSteps(schedule, problem));
        if (checkGradient) {
            return printGradientCheck(problem, schedule);
        }
        GradientMethod method = gradientMethod(problem, kind);
        boolean keras = optimizerOptions.compat == Compat.keras;
        Trainer.Conventions conventions = new Trainer.Conventions(keras, lazy);
        FitShape shape = new FitShape(problem.columns(), problem.training().classifies(), schedule.epochs(),
                schedule.epochs() * schedule.stepsPerEpoch(problem.training().rows()), problem.validation() != null,
                kind == FitProblem.Kind.MLP || keras);
        if (optimizers != null) {
            return fitSideBySide(problem, schedule, method, conventions, stop, shape);
        }
        Trainer trainer = new Trainer(problem.training(), problem.validation(), method,
                update.wrap(elementWise(optimizerOptions.create(problem.training().dimension()),
                        optimizerOptions.name), optimizerOptions.spec().name(), problem.training().dimension(),
                        scheduleSteps(schedule, problem)),
                conventions, stop).scheduleEveryStep(scheduleEvery == ScheduleEvery.step);
        FitResult result;
        try (OutputTarget target = outputOptions.open(spec.commandLine().getOut())) {
            FitWriter writer = FitWriter.of(outputOptions.format, target.writer(), shape,
                    TableWidth.columns(AdagradCommand.environment(spec)));
            EpochListener listener = writer;
            if (outputOptions.format == Format.table && outputOptions.output == null && System.console() != null) {
                ProgressBar bar = new ProgressBar(target.writer(), writer, schedule.epochs(), System::nanoTime);
                trainer.withProgress(bar);
                listener = bar;
            }
            try {
                writer.begin();
                result = trainer.train(problem.start(), schedule, listener);
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
        if (save != null && problem.layout() != null) {
            WeightsWriter.write(save, problem.layout(), result.parameters());
        }
        plotOptions.drawFitCurves(plotTitle(problem), List.of(optimizerOptions.name), List.of(result.history()),
                shape.validation(), shape.classification());
        if (result.diverged()) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + divergence(result, problem));
            return ExitCode.NON_FINITE;
        }
        return interrupted(List.of(result));
    }

    private FitProblem problem(FitProblem.Kind kind) {
        Map<String, Double> given = parameters == null ? Map.of() : NamedValues.parameters(parameters);
        try {
            if (kind == null) {
                return FitProblem.expression(Path.of(data), loss, given, validation == null ? null
                        : Path.of(validation));
            }
            FitProblem.Validation held = validationSplit != null ? new FitProblem.Validation(null, validationSplit)
                    : validation != null ? new FitProblem.Validation(DataFile.of(validation, dataFormat), null)
                    : FitProblem.Validation.NONE;
            boolean keras = optimizerOptions.compat == Compat.keras;
            return FitProblem.model(DataFile.of(data, dataFormat), new FitProblem.ModelRequest(kind,
                    target == null ? "y" : target, l2 == null ? 0 : l2, hiddenUnits(), activation(), output(kind),
                    keras, given, init, seed == null ? 0 : seed), held);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The model asked for, or null for --loss EXPR; checks which options go with which. */
    private FitProblem.Kind kind() {
        if (model == null) {
            if (loss == null) {
                throw new UsageException("give either --loss EXPR (with --params) or --model "
                        + "linear|logistic|hinge|mlp, not neither");
            }
            onlyWithModel("--target", target, "; with --loss, name the target column in the loss");
            onlyWithModel("--l2", l2, "; with --loss, write the penalty into the loss");
            onlyWithModel("--init", init, "");
            onlyWithModel("--save", save, "");
            onlyWithModel("--hidden", hidden, "");
            onlyWithModel("--activation", activation, "");
            onlyWithModel("--validation-split", validationSplit, "");
            if (dataFormat == DataFile.Format.svmlight || data.equals("-")
                    || DataFile.of(data, null).format() == DataFile.Format.svmlight) {
                throw new UsageException("--loss EXPR reads a CSV file by name; svmlight data and standard input "
                        + "go with --model");
            }
            return null;
        }
        FitProblem.Kind kind = FitProblem.Kind.named(model.toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new UsageException("unknown model '"
                + model + "' (known: " + FitProblem.Kind.known() + ")"));
        if (loss != null && (kind != FitProblem.Kind.MLP || !(loss.equals("bce") || loss.equals("mse")))) {
            throw new UsageException(kind == FitProblem.Kind.MLP ? "--model mlp takes --loss bce or --loss mse (got '"
                    + Errors.shorten(loss) + "')" : "give either --loss EXPR or --model " + model
                    + ", not both (the " + model + " model has its own loss)");
        }
        if (kind != FitProblem.Kind.MLP && (hidden != null || activation != null)) {
            throw new UsageException((hidden != null ? "--hidden" : "--activation") + " goes with --model mlp");
        }
        if (l2 != null && l2 < 0) {
            throw new UsageException("--l2 must be ≥ 0 (got " + Numbers.text(l2) + ")");
        }
        if (validationSplit != null && validation != null) {
            throw new UsageException("give --validation-split or --validation, not both");
        }
        if (validationSplit != null && !(validationSplit > 0 && validationSplit < 1)) {
            throw new UsageException("--validation-split must be between 0 and 1 (got " + Numbers.text(validationSplit) + ")");
        }
        if (lazy && kind == FitProblem.Kind.MLP) {
            throw new UsageException("--lazy goes with the linear models (linear, logistic, hinge)");
        }
        return kind;
    }

    /** An option that means something only with --model, given without it, is a usage error. */
    private static void onlyWithModel(String option, Object value, String hint) {
        if (value != null) {
            throw new UsageException(option + " goes with --model" + hint);
        }
    }

    private int[] hiddenUnits() {
        if (hidden == null) {
            return new int[] {64};
        }
        int[] units = new int[hidden.size()];
        for (int i = 0; i < units.length; i++) {
            long value = hidden.get(i);
            if (value < 1 || value > MAX_UNITS) {
                throw new UsageException("--hidden: a layer needs 1 to " + MAX_UNITS + " units (got " + value + ")");
            }
            units[i] = (int) value;
        }
        return units;
    }

    private Mlp.Activation activation() {
        if (activation == null) {
            return Mlp.Activation.RELU;
        }
        for (Mlp.Activation known : Mlp.Activation.values()) {
            if (known.label().equals(activation)) {
                return known;
            }
        }
        throw new UsageException("unknown activation '" + Errors.shorten(activation) + "' (known: relu, tanh, "
                + "sigmoid)");
    }

    private Mlp.Output output(FitProblem.Kind kind) {
        return kind == FitProblem.Kind.MLP && "mse".equals(loss) ? Mlp.Output.MSE : Mlp.Output.BCE;
    }

    private Schedule schedule(FitProblem.Kind kind) {
        if (seed != null && !shuffle && kind != FitProblem.Kind.MLP) {
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
        long defaultBatch = optimizerOptions.compat == Compat.keras ? 32 : Integer.MAX_VALUE;
        int batch = (int) Math.min(Integer.MAX_VALUE, batchSize == null ? defaultBatch : batchSize);
        return new Schedule(epochs, batch, shuffle, seed == null ? 0 : seed, printEvery);
    }

    /** An empty file name read as the current directory (": a directory"); say what is missing instead. */
    private static void named(String file, String option) {
        if (file != null && file.isBlank()) {
            throw new UsageException(option + " is empty: give a CSV or svmlight file, or - for standard input");
        }
    }

    private static Double positive(Double maxSeconds) {
        if (maxSeconds != null && !(maxSeconds > 0)) {
            throw new UsageException("--max-seconds must be > 0 (got " + Numbers.text(maxSeconds) + ")");
        }
        return maxSeconds;
    }

    private static void checkWritable(Path path, String option) {
        try {
            AtomicFile.checkWritable(path);
        } catch (IllegalArgumentException | IOException e) {
            throw new UsageException(option + ": " + (e instanceof IOException ? "cannot write " + path
                    + ": its folder does not exist" : e.getMessage()));
        }
    }

    /** --optimizers takes its settings from --set (and one shared --lr); --optimizer from the options. */
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
        if (optimizerOptions.given().keySet().stream().anyMatch(name -> !name.equals("lr"))) {
            throw new UsageException("with --optimizers, give each optimizer's settings with --set, e.g. "
                    + "--set adagrad.lr=0.3 --set sgd.momentum=0.9 (only --lr is shared by all)");
        }
    }

    /**
     * Fits with every optimizer of --optimizers in parallel. A table summarises them; long rows go through one part
     * file per optimizer, copied out in the order given, so the bytes do not depend on which fit finished first.
     */
    private Integer fitSideBySide(FitProblem problem, Schedule schedule, GradientMethod method,
                                  Trainer.Conventions conventions, Stop stop, FitShape shape)
            throws IOException, InterruptedException {
        int dimension = problem.training().dimension();
        Object sharedRate = optimizerOptions.given().get("lr");
        Map<String, Map<String, Object>> settings = PerOptimizerSettings.parse(optimizers,
                sharedRate == null ? null : Hyperparameter.text(sharedRate), sets);
        List<FitComparison.Entry> entries = new ArrayList<>();
        List<Double> learningRates = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : settings.entrySet()) {
            OptimizerSpec optimizer = OptimizerOptions.spec(entry.getKey());
            entries.add(new FitComparison.Entry(optimizer.name(),
                    update.wrap(elementWise(OptimizerOptions.create(optimizer, optimizerOptions.compat,
                            entry.getValue(), dimension), optimizer.name()), optimizer.name(), dimension,
                            scheduleSteps(schedule, problem))));
            learningRates.add(optimizer.settings(optimizerOptions.compat, entry.getValue()).number("lr"));
        }
        FitComparison comparison = new FitComparison(problem, method, conventions, stop,
                Runtime.getRuntime().availableProcessors()).scheduleEveryStep(scheduleEvery == ScheduleEvery.step);
        Format format = outputOptions.format;
        List<FitResult> results;
        try (OutputTarget target = outputOptions.open(spec.commandLine().getOut())) {
            if (format == Format.table) {
                results = comparison.run(entries, schedule, i -> record -> { });
                List<FitComparisonTable.Row> table = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    table.add(new FitComparisonTable.Row(entries.get(i).name(), learningRates.get(i),
                            results.get(i)));
                }
                FitComparisonTable.write(target.writer(), shape.classification(), table);
            } else {
                // Copied out while the fits run, so that a reader that goes away stops them all (as compare does).
                try (PartFiles parts = new PartFiles(entries.size(), outputOptions.output)) {
                    target.writer().write(FitWriter.longHeader(format, shape));
                    target.flush();
                    try {
                        results = comparison.run(entries, schedule,
                                i -> FitWriter.labelled(format, parts.writer(i), shape, entries.get(i).name()),
                                progress -> parts.stream(target, progress::done));
                    } catch (UncheckedIOException e) {
                        throw e.getCause();
                    }
                }
            }
            target.commit();
        }
        List<String> names = entries.stream().map(FitComparison.Entry::name).toList();
        plotOptions.drawFitCurves(plotTitle(problem), names, results.stream().map(FitResult::history).toList(),
                shape.validation(), shape.classification());
        // As compare: a fit that diverges is a result, but a loss (or gradient) not finite at the start is exit 3,
        // as it is for one --optimizer.
        if (results.stream().allMatch(r -> r.diverged() && r.divergence().epoch() == 0
                && r.divergence().step() == 0)) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + divergence(results.get(0), problem));
            return ExitCode.NON_FINITE;
        }
        return interrupted(results);
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

    private GradientMethod gradientMethod(FitProblem problem, FitProblem.Kind kind) {
        ProblemOptions.Gradient chosen = gradient != null ? gradient
                : kind == null ? ProblemOptions.Gradient.central : ProblemOptions.Gradient.exact;
        if (chosen == ProblemOptions.Gradient.central) {
            return CentralDifference.scaled();
        }
        if (!problem.training().differentiable()) {
            throw new UsageException("--grad exact: the loss is too large to compile, so it has no exact gradient; "
                    + "use --grad central");
        }
        return ExactGradient.instance();
    }

    /** --check-grad: both gradients of the first batch's loss at the start, as run --check-grad prints them. */
    private int printGradientCheck(FitProblem problem, Schedule schedule) {
        if (!problem.training().differentiable()) {
            throw new UsageException("--check-grad needs the exact gradient, but the loss is too large to compile");
        }
        int rows = problem.training().rows();
        int[] order = java.util.stream.IntStream.range(0, rows).toArray();
        problem.training().select(order, 0, Math.min(rows, schedule.batchSize()));
        GradientCheck check = GradientCheck.at(problem.training(), CentralDifference.scaled(), problem.start());
        PrintWriter out = spec.commandLine().getOut();
        GradientCheckReport.write(out, check, "h = cbrt(eps)*max(1,|xi|)");
        out.flush();
        return check.finite() ? ExitCode.OK : ExitCode.NON_FINITE;
    }

    private String plotTitle(FitProblem problem) {
        return "fit of " + Path.of(data).getFileName() + ": " + problem.title();
    }

    private static String divergence(FitResult result, FitProblem problem) {
        FitDivergence divergence = result.divergence();
        List<String> names = problem.training().variables();
        StringBuilder at = new StringBuilder();
        int shown = Math.min(names.size(), 6);
        for (int i = 0; i < shown; i++) {
            at.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(divergence.parameters()[i]);
        }
        if (shown < names.size()) {
            at.append(", … (").append(names.size()).append(" parameters)");
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

    /** How many times the schedule steps: once per epoch, or once per optimizer step. */
    private long scheduleSteps(Schedule schedule, FitProblem problem) {
        return scheduleEvery == ScheduleEvery.step
                ? schedule.epochs() * schedule.stepsPerEpoch(problem.training().rows()) : schedule.epochs();
    }

    /** fit steps its optimizer on batches, element-wise; one that evaluates the objective in its step cannot. */
    private static dev.adagrad.optim.Optimizer elementWise(dev.adagrad.optim.Optimizer optimizer, String name) {
        if (optimizer.evaluatesInStep()) {
            throw new UsageException("fit cannot train with " + name + ", which evaluates the objective inside its "
                    + "step; run, compare, sweep and explain can use it");
        }
        return optimizer;
    }
}
