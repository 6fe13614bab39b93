package dev.adagrad.cli;

import dev.adagrad.optim.Hyperparameter;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.output.StepNarration;
import dev.adagrad.output.StepScreen;
import dev.adagrad.output.TerminalChart;
import dev.adagrad.run.Landscape;
import dev.adagrad.run.StepThrough;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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

/**
 * {@code adagrad step}: a run one key per step, full-screen on a terminal (see {@link StepTerminal}); with standard
 * input or output redirected it reads keys a line at a time and prints each screen as plain text.
 */
@Command(name = "step", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Walk through a run one step per key: each optimizer's row (x, gradient, state, learning rate, "
                + "update), the step's arithmetic as explain prints it, the path on the contours (the curve in 1-D) "
                + "and a bar per variable for its effective learning rate.",
                "Keys: space or → next, ← back, a number then Enter to jump, r run to the end (or --tol), l change the "
                        + "learning rate from the next step on, s save the rows so far as CSV, Tab narrate the next "
                        + "optimizer, ? help, q quit.",
                "Takes the options of 'adagrad run' but --format, --output, --every and the pictures', and "
                        + "--optimizers for several side by side. Without a terminal (input or output redirected) it "
                        + "reads the keys of each line of standard input and prints each screen as text."},
        footer = {"", "Example: adagrad step --f \"w^2+10*b^2\" --x0 w=1,b=1 --lr 0.5",
                "", "Colours follow NO_COLOR (https://no-color.org); COLUMNS and LINES size the text screens."})
public final class StepCommand implements Callable<Integer>, OptimizerCommand {

    /** The most steps a step-through keeps (every row and its narration stay in memory). */
    static final long MAX_STEPS = 10_000;

    @Spec
    CommandSpec spec;

    @Mixin
    ProblemOptions problemOptions;

    @Mixin
    OptimizerOptions optimizerOptions;

    @Option(names = "--optimizers", split = ",", paramLabel = "NAMES",
            description = "Several optimizers side by side, each in its colour, e.g. sgd,adagrad; the optimizer "
                    + "options apply to each that uses them.")
    List<String> optimizers;

    @Mixin
    StoppingOptions stopping;

    @Override
    public OptimizerOptions optimizerOptions() {
        return optimizerOptions;
    }

    @Override
    public Integer call() throws IOException {
        ProblemOptions.Problem problem = problemOptions.problem();
        if (problemOptions.checkGradientOnly()) {
            return problemOptions.printGradientCheck(problem, spec);
        }
        if (stopping.steps > MAX_STEPS) {
            throw new UsageException("--steps: step keeps every row to go back to, so at most " + MAX_STEPS
                    + " (got " + stopping.steps + "); 'adagrad run' takes longer runs");
        }
        int dimension = problem.start().dimension();
        List<StepThrough.LaneSpec> lanes = lanes(dimension, problem.start().variables());
        stopping.validate();
        StepThrough run = new StepThrough(problem.objective(), problemOptions.gradientMethod(),
                problem.start().values(), stopping.steps, stopping.tolerance, lanes);
        // The first screen shows step 1, so what a class sees first is an update (← goes back to the start point).
        run.next();
        StepSession session = new StepSession(run, problem.start().variables(), problem.title(),
                new Landscape(problem.objective()));
        if (System.console() != null) {
            Integer code = StepTerminal.system(session);
            if (code != null) {
                return code;
            }
        }
        return lines(session, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                spec.commandLine().getOut(), size("COLUMNS", TerminalChart.DEFAULT_WIDTH), size("LINES", 24));
    }

    /**
     * Without a terminal: prints the first screen, then reads a line of keys at a time and prints the screen after
     * them, until q or the end of the input.
     */
    static int lines(StepSession session, BufferedReader in, PrintWriter out, int width, int height)
            throws IOException {
        print(session, out, width, height);
        String line;
        while ((line = in.readLine()) != null) {
            boolean going = true;
            for (StepKeys.Command command : session.keys().line(line)) {
                going = session.apply(command);
                if (!going) {
                    break;
                }
            }
            if (!going) {
                break;
            }
            out.println();
            print(session, out, width, height);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static void print(StepSession session, PrintWriter out, int width, int height) {
        for (String line : StepScreen.render(session.view(false), width, height)) {
            out.println(line.stripTrailing());
        }
        out.flush();
    }

    /** One lane per optimizer named, each built with the options that it uses. */
    private List<StepThrough.LaneSpec> lanes(int dimension, List<String> variables) {
        boolean single = optimizers == null;
        if (!single && spec.commandLine().getParseResult().hasMatchedOption("--optimizer")) {
            throw new UsageException("--optimizer and --optimizers: give one or the other");
        }
        List<String> names = single ? List.of(optimizerOptions.name) : optimizers;
        Map<String, Object> given = optimizerOptions.given();
        List<OptimizerSpec> specs = new ArrayList<>();
        for (String name : names) {
            OptimizerSpec optimizer = OptimizerOptions.spec(name.strip());
            if (specs.contains(optimizer)) {
                throw new UsageException("--optimizers names " + optimizer.name() + " twice");
            }
            specs.add(optimizer);
        }
        if (!single) {
            for (String hyperparameter : given.keySet()) {
                if (specs.stream().noneMatch(s -> s.uses(hyperparameter))) {
                    throw new UsageException("none of " + String.join(", ", specs.stream().map(OptimizerSpec::name)
                            .toList()) + " uses " + Hyperparameter.option(hyperparameter));
                }
            }
        }
        List<StepThrough.LaneSpec> lanes = new ArrayList<>();
        for (OptimizerSpec optimizer : specs) {
            Map<String, Object> settings = new LinkedHashMap<>();
            given.forEach((key, value) -> {
                if (single || optimizer.uses(key)) {
                    settings.put(key, value);
                }
            });
            // a misused or invalid option is a usage error here, before the screen opens
            OptimizerOptions.create(optimizer, optimizerOptions.compat, settings, dimension);
            double rate = optimizer.settings(optimizerOptions.compat, settings).number("lr");
            StepThrough.OptimizerFactory factory = lr -> {
                Map<String, Object> withRate = new LinkedHashMap<>(settings);
                withRate.put("lr", lr);
                return optimizer.create(dimension, optimizerOptions.compat, withRate);
            };
            lanes.add(new StepThrough.LaneSpec(optimizer.name(), rate, factory, new StepNarration(variables)));
        }
        return lanes;
    }

    /** A size from the environment (COLUMNS, LINES), or the default when unset or not a sensible number. */
    private static int size(String name, int fallback) {
        String text = System.getenv(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 10 && value <= 1000 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
