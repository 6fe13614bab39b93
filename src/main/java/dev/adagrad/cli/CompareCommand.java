package dev.adagrad.cli;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.output.ComparisonTable;
import dev.adagrad.output.Format;
import dev.adagrad.output.OutputTarget;
import dev.adagrad.output.PartFiles;
import dev.adagrad.output.TrajectoryWriter;
import dev.adagrad.run.Comparison;
import dev.adagrad.run.RateHistory;
import dev.adagrad.run.EveryKth;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepListener;
import dev.adagrad.run.StopReason;
import dev.adagrad.run.Sweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adagrad compare}: several optimizers from one start point, summarised side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run several optimizers from the same start and compare where they end.",
                "The table is sorted by final f; --format csv or jsonl writes every step of every optimizer as long "
                        + "rows: optimizer,step,f,<variables>."},
        footer = {"", "Example: adagrad compare --f \"w^2+10*b^2\" --x0 w=1,b=1 --optimizers sgd,adagrad,adam "
                + "--lr 0.1 --steps 50"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemOptions problemOptions;

    @Option(names = "--lr", paramLabel = "LR",
            description = "Learning rate: 0.01 for all, adam=0.05,sgd=0.001 per optimizer, or both "
                    + "(0.01,adam=0.05); best runs a sweep first (as adagrad sweep, " + SweepCommand.DEFAULT_POINTS
                    + " rates over " + SweepCommand.DEFAULT_RANGE + ", the same --steps and --tol) and uses each "
                    + "optimizer's best rate (best,sgd=0.01 sweeps all but sgd). Default: each optimizer's own.")
    String learningRate;

    @Mixin
    PerOptimizerOptions perOptimizer;

    @Mixin
    StoppingOptions stopping;

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    EveryOption everyOption;

    @Mixin
    UpdateOptions update;

    @Mixin
    UpdateOptions.Noise noise;

    @Mixin
    TableWidth tableWidth;

    @Mixin
    PictureOptions pictures;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ProblemOptions.Problem problem = problemOptions.problem();
        GradientMethod gradientMethod = problemOptions.gradientMethod();
        if (problemOptions.checkGradientOnly()) {
            return problemOptions.printGradientCheck(problem, spec);
        }
        stopping.validate();
        update.validate(stopping.steps);
        everyOption.validate();
        int dimension = problem.start().dimension();
        pictures.validate(dimension, outputOptions.output);
        String fixedRates = learningRate == null ? null : withoutBest(learningRate);
        Map<String, Map<String, Object>> settings = PerOptimizerSettings.parse(perOptimizer.optimizers, fixedRates,
                perOptimizer.sets);
        if (fixedRates != learningRate) {
            chooseBestRates(problem, settings);
        }
        List<Comparison.Entry> entries = new ArrayList<>();
        List<Double> learningRates = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : settings.entrySet()) {
            OptimizerSpec optimizer = OptimizerOptions.spec(entry.getKey());
            entries.add(new Comparison.Entry(optimizer.name(),
                    update.wrap(OptimizerOptions.create(optimizer, perOptimizer.compat, entry.getValue(), dimension),
                            optimizer.name(), dimension, stopping.steps)));
            learningRates.add(optimizer.settings(perOptimizer.compat, entry.getValue()).number("lr"));
        }
        Comparison comparison = new Comparison(problem.objective(), gradientMethod,
                Runtime.getRuntime().availableProcessors()).withNoise(noise.noise());
        List<String> variables = problem.start().variables();
        List<PictureOptions.Recorder> trajectories = new ArrayList<>();
        if (pictures.wanted()) {
            for (Comparison.Entry entry : entries) {
                trajectories.add(pictures.recorder(variables, entry.optimizer().stateColumns()));
            }
        }
        List<RateHistory> rates = new ArrayList<>();
        for (Comparison.Entry entry : entries) {
            RateHistory history = pictures.rates(entry.optimizer());
            if (history != null) {
                rates.add(history);
            }
        }
        IntFunction<StepListener> pictureRecorders = i -> trajectories.isEmpty() ? row -> { } : trajectories.get(i);
        IntFunction<StepListener> recorders = rates.isEmpty() ? pictureRecorders
                : i -> pictureRecorders.apply(i).andThen(rates.get(i));

        List<RunResult> results;
        String tableNote = null;
        try (OutputTarget target = outputOptions.open(spec.commandLine().getOut())) {
            Format format = outputOptions.format;
            if (format == Format.table) {
                results = comparison.run(entries, problem.start().values(), stopping.steps, stopping.tolerance,
                        recorders);
                List<ComparisonTable.Row> rows = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    rows.add(new ComparisonTable.Row(entries.get(i).name(), learningRates.get(i), results.get(i)));
                }
                int width = tableWidth.width(AdagradCommand.environment(spec));
                tableNote = TableWidth.note(ComparisonTable.write(target.writer(), variables,
                        problem.testFunction(), rows, width), width);
            } else {
                results = writeTrajectories(comparison, entries, problem.start().values(), variables, format,
                        target, recorders);
            }
            target.commit();
        }
        if (!trajectories.isEmpty()) {
            List<String> names = entries.stream().map(Comparison.Entry::name).toList();
            pictures.draw(problem, names, trajectories, results, PictureOptions.chartStream(
                    spec.commandLine().getOut(), spec.commandLine().getErr(), outputOptions));
        }
        if (!rates.isEmpty()) {
            pictures.drawRates(problem.title(), entries.stream().map(Comparison.Entry::name).toList(), rates);
        }
        if (tableNote != null) { // after the table and its pictures, as run's
            spec.commandLine().getErr().println(Errors.prefix(spec) + tableNote);
        }
        boolean interrupted = results.stream().anyMatch(result -> result.reason() == StopReason.INTERRUPTED);
        boolean timedOut = results.stream().anyMatch(result -> result.reason() == StopReason.TIME_LIMIT);
        if (interrupted || timedOut) {
            StringBuilder steps = new StringBuilder();
            for (int i = 0; i < entries.size(); i++) {
                RunResult result = results.get(i);
                boolean early = result.reason() == StopReason.INTERRUPTED || result.reason() == StopReason.TIME_LIMIT;
                steps.append(i == 0 ? "" : ", ").append(entries.get(i).name())
                        .append(early ? " after step " + result.steps() : " finished");
            }
            spec.commandLine().getErr().println(Errors.prefix(spec) + (interrupted ? "interrupted: "
                    : "stopped by --max-seconds: ") + steps + "; every row up to there is written");
            if (interrupted) {
                return ExitCode.INTERRUPTED;
            }
        }
        if (results.stream().allMatch(result -> result.reason() == StopReason.NON_FINITE
                && result.divergence().step() == 0)) {
            spec.commandLine().getErr().println(Errors.prefix(spec)
                    + Messages.divergence(results.get(0), variables));
            return ExitCode.NON_FINITE;
        }
        return ExitCode.OK;
    }

    /** The --lr text without its "best" item (null if nothing else is left), or the same string if it has none. */
    private static String withoutBest(String text) {
        List<String> items = new ArrayList<>(List.of(text.split(",", -1)));
        if (!items.removeIf(item -> item.strip().equals("best"))) {
            return text;
        }
        return items.isEmpty() ? null : String.join(",", items);
    }

    /**
     * --lr best: sweeps every optimizer not given a rate and sets its best; an optimizer that diverged at every rate
     * keeps its default, with one note on stderr naming all such optimizers.
     */
    private void chooseBestRates(ProblemOptions.Problem problem, Map<String, Map<String, Object>> settings)
            throws InterruptedException {
        List<String> swept = new ArrayList<>();
        List<String> setsOfSwept = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : settings.entrySet()) {
            if (!entry.getValue().containsKey("lr")) {
                swept.add(entry.getKey());
                entry.getValue().forEach((name, value) -> setsOfSwept.add(entry.getKey() + "." + name + "=" + value));
            }
        }
        // With f not finite at x0 every rate diverges at step 0: the sweep would only add a note per optimizer
        // before the one line of exit 3 that the comparison gives.
        if (swept.isEmpty() || !Double.isFinite(problem.objective().copy().value(problem.start().values()))) {
            return;
        }
        double[] rates = SweepCommand.learningRates(SweepCommand.DEFAULT_RANGE, SweepCommand.DEFAULT_POINTS);
        int dimension = problem.start().dimension();
        List<Sweep.Candidate> candidates = SweepCommand.candidates(swept, setsOfSwept, perOptimizer.compat,
                dimension, (optimizer, name) -> update.wrap(optimizer, name, dimension, stopping.steps));
        Sweep sweep = new Sweep(new Comparison(problem.objective(), problemOptions.gradientMethod(),
                Runtime.getRuntime().availableProcessors()).withNoise(noise.noise()), update.maximize);
        List<String> diverged = new ArrayList<>();
        for (Sweep.Outcome outcome : sweep.run(candidates, rates, problem.start().values(), stopping.steps,
                stopping.tolerance)) {
            if (outcome.best().isPresent()) {
                settings.get(outcome.optimizer()).put("lr", outcome.best().get().learningRate());
            } else {
                diverged.add(outcome.optimizer());
            }
        }
        // One line for all of them, so that stderr stays short however many optimizers are compared.
        if (diverged.size() == 1) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + diverged.get(0) + " finished no run of the "
                    + "sweep (each diverged or was stopped early); it runs at its default learning rate");
        } else if (!diverged.isEmpty()) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + String.join(", ", diverged) + " finished no "
                    + "run of the sweep (each diverged or was stopped early); they run at their default learning "
                    + "rates");
        }
    }

    /**
     * Runs in parallel, each optimizer's rows going to a temporary file of its own, copied to the output in the order
     * the optimizers were given while they run: the bytes do not depend on which run finished first, a long
     * comparison needs no memory for its rows, and a reader that goes away stops every run at once.
     */
    private List<RunResult> writeTrajectories(Comparison comparison, List<Comparison.Entry> entries, double[] start,
                                              List<String> variables, Format format, OutputTarget target,
                                              IntFunction<StepListener> recorders)
            throws IOException, InterruptedException {
        try (PartFiles parts = new PartFiles(entries.size(), outputOptions.output)) {
            List<StepListener> listeners = new ArrayList<>();
            List<StepListener> rows = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                rows.add(everyOption.filter(new TrajectoryWriter(parts.writer(i), format, entries.get(i).name(),
                        variables)));
                listeners.add(rows.get(i).andThen(recorders.apply(i)));
            }
            target.writer().write(TrajectoryWriter.header(format, variables));
            target.flush();
            try {
                return comparison.run(entries, start, stopping.steps, stopping.tolerance, listeners::get,
                        progress -> parts.stream(target, i -> {
                            if (!progress.done(i)) {
                                return false;
                            }
                            EveryKth.finish(rows.get(i)); // run i has ended: its held-back last row, if any
                            return true;
                        }));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
