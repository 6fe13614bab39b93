package dev.adagrad.cli;

import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Hyperparameter;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.output.ExplainWriter;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.Runner;
import dev.adagrad.run.StopReason;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adagrad explain}: the arithmetic of the first few steps, with the numbers substituted. The gradient and the
 * optimizer narrate the steps they compute (see {@link dev.adagrad.optim.Narrator}), so these are the steps
 * {@code run} takes, and every optimizer explains itself.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show the arithmetic of each step: the gradient (by central differences, or --grad exact), "
                + "then each line of the optimizer's algorithm with the numbers substituted.",
                "Takes the options of 'adagrad run' except --tol, --format and --output: the text is for people and "
                        + "goes to standard output."},
        footer = {"", "Example: adagrad explain --f \"x^2\" --x0 4 --lr 1 --steps 3",
                "", "Numbers are shown to 6 significant digits with trailing zeros dropped; 'adagrad optimizers NAME' "
                + "shows the algorithm whose notation the lines use."})
public final class ExplainCommand implements Callable<Integer>, OptimizerCommand {

    /** The most steps explain narrates; longer runs are what {@code run} is for. */
    static final long MAX_STEPS = 100;

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemOptions problemOptions;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Mixin
    UpdateOptions update;

    @Mixin
    UpdateOptions.Noise noise;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "3", converter = Numbers.StepCount.class,
            description = "Steps to explain, 0 to " + MAX_STEPS + ". Default: ${DEFAULT-VALUE}.")
    long steps;

    @Override
    public OptimizerOptions optimizerOptions() {
        return optimizerOptions;
    }

    @Override
    public Integer call() {
        ProblemOptions.Problem problem = problemOptions.problem();
        if (steps > MAX_STEPS) {
            throw new UsageException("--steps: explain narrates at most " + MAX_STEPS + " steps (got " + steps
                    + "); 'adagrad run' takes longer runs");
        }
        update.validate(steps);
        Optimizer optimizer = update.wrap(optimizerOptions.create(problem.start().dimension()),
                optimizerOptions.spec().name(), problem.start().dimension(), steps);
        PrintWriter out = spec.commandLine().getOut();
        ExplainWriter writer = new ExplainWriter(out, problem.start().variables(), title(problem));
        Runner runner = new Runner(problem.objective(), problemOptions.gradientMethod(), optimizer, writer, writer)
                .withNoise(noise.noise());
        writer.begin();
        RunResult result = runner.run(problem.start().values(), steps, 0, writer);
        writer.end(result);
        if (result.reason() == StopReason.NON_FINITE) {
            spec.commandLine().getErr().println(Errors.prefix(spec)
                    + Messages.divergence(result, problem.start().variables(), "steps"));
            return ExitCode.NON_FINITE;
        }
        return ExitCode.OK;
    }

    /** "adagrad on x^2 (lr 1, lr_decay 0, …)": the options the optimizer takes and any convention a preset set. */
    private String title(ProblemOptions.Problem problem) {
        OptimizerSpec optimizer = optimizerOptions.spec();
        Map<String, Object> settings = optimizerOptions.settings().asMap();
        String values = settings.entrySet().stream()
                .filter(entry -> optimizer.uses(entry.getKey()) || Boolean.TRUE.equals(entry.getValue()))
                .map(entry -> entry.getKey() + " " + Hyperparameter.text(entry.getValue()))
                .collect(Collectors.joining(", "));
        String compat = optimizerOptions.compat == Compat.torch ? ""
                : " as " + optimizerOptions.compat.framework() + " does it";
        return optimizer.name() + compat + " on f = " + problem.title() + " (" + values + ")";
    }
}
