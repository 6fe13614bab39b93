package dev.adagrad.cli;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.output.Format;
import dev.adagrad.output.OutputTarget;
import dev.adagrad.output.SweepReport;
import dev.adagrad.run.StopReason;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.Comparison;
import dev.adagrad.run.Sweep;
import java.util.function.BiFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adagrad sweep}: each optimizer at log-spaced learning rates, to find the rate that suits it best. */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run each optimizer at learning rates log-spaced over a range, all runs in parallel, and "
                + "report each optimizer's best rate.",
                "Best: among the runs that did not diverge, the one that reached --tol in the fewest steps, else "
                        + "the lowest final f. --format csv or jsonl gives every run: optimizer,lr,final_f,diverged."},
        footer = {"", "Example: adagrad sweep --f rosenbrock --optimizers adagrad,adam --lr 1e-4..1 --steps 500 "
                + "--plot sweep.png"})
public final class SweepCommand implements Callable<Integer> {

    static final String DEFAULT_RANGE = "1e-4..1";
    static final int DEFAULT_POINTS = 13;

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemOptions problemOptions;

    @Option(names = "--lr", paramLabel = "LOW..HIGH", defaultValue = DEFAULT_RANGE,
            description = "The range of learning rates, both ends included. Default: ${DEFAULT-VALUE}.")
    String range;

    @Option(names = "--points", paramLabel = "N", defaultValue = "" + DEFAULT_POINTS,
            description = "How many rates per optimizer, log-spaced (1 to " + Sweep.MAX_POINTS + "). "
                    + "Default: ${DEFAULT-VALUE}.")
    int points;

    @Mixin
    PerOptimizerOptions perOptimizer;

    @Mixin
    StoppingOptions stopping;

    @Mixin
    UpdateOptions update;

    @Mixin
    UpdateOptions.Noise noise;

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    PlotOptions plotOptions;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ProblemOptions.Problem problem = problemOptions.problem();
        GradientMethod gradientMethod = problemOptions.gradientMethod();
        if (problemOptions.checkGradientOnly()) {
            return problemOptions.printGradientCheck(problem, spec);
        }
        stopping.validate();
        update.validate(stopping.steps);
        plotOptions.validate(outputOptions.output);
        double[] learningRates = learningRates(range, points);
        int dimension = problem.start().dimension();
        List<Sweep.Candidate> candidates = candidates(perOptimizer.optimizers, perOptimizer.sets, perOptimizer.compat,
                dimension, (optimizer, name) -> update.wrap(optimizer, name, dimension, stopping.steps));
        List<Sweep.Outcome> outcomes;
        // Opened before the sweep, so that a bad --output is a usage error at once, not after all the runs.
        try (OutputTarget target = outputOptions.open(spec.commandLine().getOut())) {
            if (outputOptions.format == Format.table) {
                outcomes = sweep(problem, candidates, learningRates, point -> { });
                SweepReport.table(target.writer(), outcomes, learningRates);
            } else {
                // Each run's line as it ends (in order), so a reader that goes away or a full disk stops them all.
                Format format = outputOptions.format;
                SweepReport.header(target.writer(), format);
                target.flush();
                outcomes = sweep(problem, candidates, learningRates, point -> {
                    SweepReport.row(target.writer(), format, point);
                    target.flush();
                });
            }
            target.commit();
        }
        List<String> names = new ArrayList<>();
        List<double[]> finalF = new ArrayList<>();
        for (Sweep.Outcome outcome : outcomes) {
            names.add(outcome.optimizer());
            finalF.add(outcome.points().stream()
                    .mapToDouble(point -> point.diverged() ? Double.NaN : point.result().f()).toArray());
        }
        if (!Sweeps.startIsNotFinite(outcomes)) {
            plotOptions.drawSweep(problem.title(), names, learningRates, finalF);
        }
        long interrupted = outcomes.stream().flatMap(outcome -> outcome.points().stream())
                .filter(point -> point.result().reason() == StopReason.INTERRUPTED).count();
        long timedOut = outcomes.stream().mapToLong(Sweep.Outcome::stoppedEarlyCount).sum() - interrupted;
        if (timedOut > 0 && outputOptions.format != Format.table) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + "--max-seconds stopped " + timedOut + " of "
                    + outcomes.size() * learningRates.length + " runs before their last step; their rows show where "
                    + "they had got to");
        }
        if (interrupted > 0) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + "interrupted: " + interrupted + " of "
                    + outcomes.size() * learningRates.length + " runs were stopped early; the results are where "
                    + "each run had got to");
            return ExitCode.INTERRUPTED;
        }
        if (Sweeps.startIsNotFinite(outcomes)) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + Messages.divergence(
                    outcomes.get(0).points().get(0).result(), problem.start().variables()));
            return ExitCode.NON_FINITE;
        }
        return ExitCode.OK;
    }

    private List<Sweep.Outcome> sweep(ProblemOptions.Problem problem, List<Sweep.Candidate> candidates,
                                      double[] learningRates, Sweep.Ended ended)
            throws IOException, InterruptedException {
        Sweep sweep = new Sweep(new Comparison(problem.objective(), problemOptions.gradientMethod(),
                Runtime.getRuntime().availableProcessors()).withNoise(noise.noise()), update.maximize);
        return sweep.run(candidates, learningRates, problem.start().values(), stopping.steps, stopping.tolerance,
                ended);
    }

    /** Parses {@code LOW..HIGH} into {@code points} log-spaced rates. */
    static double[] learningRates(String range, int points) {
        int dots = range.indexOf("..");
        if (dots < 0) {
            throw new UsageException("--lr for a sweep is a range such as 1e-4..1 (got '" + range + "')");
        }
        double lowest = number(range.substring(0, dots));
        double highest = number(range.substring(dots + 2));
        // Worded here, with the range as it was typed: run/Sweep's own checks would show Java's 1.0E-4.
        if (!(lowest > 0) || !(highest >= lowest)) {
            throw new UsageException("--lr: a sweep's range must satisfy 0 < low ≤ high (got " + range + ")");
        }
        if (points > 1 && lowest == highest) {
            throw new UsageException("--lr " + range + " is one rate: give low < high, or --points 1");
        }
        try {
            return Sweep.logSpaced(lowest, highest, points);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double number(String text) {
        try {
            return Numbers.parseFinite(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lr range: " + e.getMessage());
        }
    }

    /**
     * The optimizers to sweep, each with its --set settings; building one at a rate is checked here, at the first
     * rate, so a misused setting is a usage error before anything runs.
     */
    static List<Sweep.Candidate> candidates(List<String> optimizers, List<String> sets, Compat compat,
                                            int dimension, BiFunction<Optimizer, String, Optimizer> parts) {
        Map<String, Map<String, Object>> settings = PerOptimizerSettings.parse(optimizers, null, sets);
        List<Sweep.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : settings.entrySet()) {
            if (entry.getValue().containsKey("lr")) {
                throw new UsageException("--set " + entry.getKey() + ".lr: a sweep chooses the learning rate; "
                        + "give the range with --lr");
            }
            OptimizerSpec optimizer = OptimizerOptions.spec(entry.getKey());
            Sweep.Candidate candidate = new Sweep.Candidate(optimizer.name(), rate -> {
                Map<String, Object> given = new LinkedHashMap<>(entry.getValue());
                given.put("lr", rate);
                return parts.apply(OptimizerOptions.create(optimizer, compat, given, dimension), optimizer.name());
            });
            candidate.atLearningRate().apply(1.0);
            candidates.add(candidate);
        }
        return candidates;
    }

    /** Small helpers shared with compare --lr best. */
    static final class Sweeps {

        private Sweeps() {
        }

        /** True when f is not finite at the start point, so no run could take a step. */
        static boolean startIsNotFinite(List<Sweep.Outcome> outcomes) {
            return outcomes.stream().flatMap(outcome -> outcome.points().stream())
                    .allMatch(point -> point.diverged() && point.result().divergence().step() == 0);
        }
    }
}
