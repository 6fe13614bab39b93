package dev.adagrad.cli;

import dev.adagrad.expr.GradientMethod;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.output.OutputTarget;
import dev.adagrad.output.RunShape;
import dev.adagrad.output.RunWriter;
import dev.adagrad.run.EveryKth;
import dev.adagrad.run.RateHistory;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.Runner;
import dev.adagrad.run.StepListener;
import dev.adagrad.run.StopReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adagrad run}: one optimizer from one start point, every step printed. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Minimise an expression from a start point and print every step.",
        footer = {"", "Example: adagrad run --f \"x^2\" --x0 4 --lr 1 --steps 10"})
public final class RunCommand implements Callable<Integer>, OptimizerCommand {

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemOptions problemOptions;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Mixin
    StoppingOptions stopping;

    @Mixin
    UpdateOptions update;

    @Mixin
    UpdateOptions.Noise noise;

    @Mixin
    OutputOptions outputOptions;

    @Mixin
    EveryOption everyOption;

    @Mixin
    TableWidth tableWidth;

    @Mixin
    PictureOptions pictures;

    @Override
    public OptimizerOptions optimizerOptions() {
        return optimizerOptions;
    }

    @Override
    public Integer call() throws IOException {
        ProblemOptions.Problem problem = problemOptions.problem();
        GradientMethod gradientMethod = problemOptions.gradientMethod();
        if (problemOptions.checkGradientOnly()) {
            return problemOptions.printGradientCheck(problem, spec);
        }
        update.validate(stopping.steps);
        Optimizer optimizer = update.wrap(optimizerOptions.create(problem.start().dimension()),
                optimizerOptions.spec().name(), problem.start().dimension(), stopping.steps);
        stopping.validate();
        everyOption.validate();
        pictures.validate(problem.start().dimension(), outputOptions.output);
        PictureOptions.Recorder trajectory = pictures.recorder(problem.start().variables(),
                optimizer.stateColumns());
        Runner runner = new Runner(problem.objective(), gradientMethod, optimizer).withNoise(noise.noise());
        RateHistory rates = pictures.rates(optimizer);
        RunShape shape = new RunShape(problem.start().variables(), optimizer.stateColumns(), stopping.steps,
                problem.testFunction());

        int width = tableWidth.width(AdagradCommand.environment(spec));
        RunResult result;
        String tableNote;
        try (OutputTarget target = outputOptions.open(spec.commandLine().getOut())) {
            RunWriter writer = outputOptions.format.writer(target.writer(), shape, width);
            StepListener rows = everyOption.filter(writer);
            try {
                writer.begin();
                StepListener listener = trajectory == null ? rows : rows.andThen(trajectory);
                result = runner.run(problem.start().values(), stopping.steps, stopping.tolerance,
                        rates == null ? listener : listener.andThen(rates));
                EveryKth.finish(rows);
                writer.end(result);
                tableNote = TableWidth.note(writer, width); // after the rows: it counts the numbers they shortened
            } catch (UncheckedIOException e) {
                target.salvage(); // the rows written before the failure are whole: keep them
                throw e.getCause();
            } catch (RuntimeException | Error e) {
                EveryKth.finish(rows);
                target.commit(); // the rows written so far are whole: keep them
                throw e;
            }
            target.commit();
        }
        if (trajectory != null) {
            pictures.draw(problem, List.of(optimizerOptions.name), List.of(trajectory), List.of(result),
                    PictureOptions.chartStream(spec.commandLine().getOut(), spec.commandLine().getErr(),
                            outputOptions));
        }
        if (rates != null) {
            pictures.drawRates(problem.title(), List.of(optimizerOptions.name), List.of(rates));
        }
        if (tableNote != null) { // after the table and its pictures; a failure drawing them is the one line instead
            spec.commandLine().getErr().println(Errors.prefix(spec) + tableNote);
        }
        if (result.reason() == StopReason.NON_FINITE) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + Messages.divergence(result, shape.variables()));
            return ExitCode.NON_FINITE;
        }
        if (result.reason() == StopReason.INTERRUPTED) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + "interrupted after step " + result.steps()
                    + "; every row up to it is written");
            return ExitCode.INTERRUPTED;
        }
        // f at the start, evaluated once more here: the run's own step 0 went to the writers. Climbing f on purpose
        // (--maximize) is no sign of divergence.
        String growth = update.maximize ? null
                : Messages.growth(problem.objective().value(problem.start().values().clone()), result.f());
        if (growth != null) {
            spec.commandLine().getErr().println(Errors.prefix(spec) + growth); // a note: the run itself succeeded
        }
        return ExitCode.OK;
    }
}
