package dev.adagrad.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adagrad}: the top-level command, which only holds the subcommands. */
@Command(name = "adagrad", mixinStandardHelpOptions = true, versionProvider = AdagradCommand.Version.class,
        description = "See what an optimizer does: exact per-step numbers, as a table, CSV or JSON Lines.",
        footerHeading = "%nExamples:%n",
        footer = {
                "  adagrad run --f \"x^2\" --x0 4 --lr 1 --steps 10   # the seed's example",
                "  adagrad explain --f \"x^2\" --x0 4 --lr 1          # its arithmetic",
                "  adagrad step --f \"w^2+10*b^2\" --x0 w=1,b=1 --lr 0.5  # one key per step",
                "  adagrad run --f \"w^2+10*b^2\" --x0 w=1,b=1 --optimizer adam --format csv",
                "  adagrad compare --f rosenbrock --steps 500 --lr best",
                "  adagrad sweep --f rosenbrock --optimizers adagrad,adam --lr 1e-4..1",
                "  adagrad data linear --rows 100 --seed 1 --output points.csv",
                "  adagrad fit --data points.csv --model linear --optimizer adagrad --lr 0.1",
                "  adagrad functions                                # named test functions",
                "  adagrad optimizers adam                          # algorithm, options",
                "  source <(adagrad completion)                     # tab completion",
                "",
                "Exit codes: 0 done, 1 runtime error, 2 usage error,",
                "3 a value became NaN or infinite, 130 interrupted (rows kept),",
                "141 the reader of standard output went away, 143 terminated (SIGTERM).",
                "adagrad man COMMAND shows a command's manual page."})
public final class AdagradCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The environment the commands read (COLUMNS): the process's, or a test's. */
    private Map<String, String> environment = Map.of();

    /** The environment of the command line that {@code spec} belongs to. */
    static Map<String, String> environment(CommandSpec spec) {
        return spec.root().userObject() instanceof AdagradCommand root ? root.environment : Map.of();
    }

    /** The subcommands, in the order --help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, ExplainCommand.class, StepCommand.class,
            CompareCommand.class, SweepCommand.class, FitCommand.class, DataCommand.class, OptimizersCommand.class,
            FunctionsCommand.class, CompletionCommand.class, ManCommand.class, CommandLine.HelpCommand.class);

    /** These see the whole command tree (help lists it, completion walks it), so they never run alone. */
    private static final Set<String> NEED_EVERY_COMMAND = Set.of("help", "completion", "man");

    /** The whole command line for these needs no subcommand's options. */
    private static final Set<String> TOP_LEVEL_ONLY = Set.of("-h", "--help", "-V", "--version");

    /** Builds the whole command line, every subcommand included, with this project's error handling and streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, Map.of(), new String[0], false); // no arguments alone would get the top level
    }

    /**
     * Builds the command line for these arguments. When they call one subcommand (such as {@code run}), only that
     * one is built, from the model the build wrote ({@link CommandModel}) rather than by reading its annotations:
     * picocli reads them by reflection, through annotation proxies the JDK generates on first use, which cost more than
     * the run itself in a short command. Anything else gets every subcommand, from the annotations, so help and the
     * "unknown command" message still list them all.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
        return commandLine(out, err, Map.of(), args);
    }

    /** {@link #commandLine(PrintWriter, PrintWriter, String[])} whose commands read {@code environment}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment,
                                          String[] args) {
        return commandLine(out, err, environment, args, true);
    }

    /**
     * As {@link #commandLine(PrintWriter, PrintWriter, Map, String[])}; with {@code useModels} false, from the
     * annotations alone (for the test that compares the two).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args, boolean useModels) {
        return commandLine(out, err, Map.of(), args, useModels);
    }

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment,
                                           String[] args, boolean useModels) {
        CommandLine commandLine = useModels ? fromModels(args) : null;
        if (commandLine == null) {
            commandLine = fromAnnotations(args);
        }
        if (commandLine.getCommand() instanceof AdagradCommand root) {
            root.environment = Map.copyOf(environment);
        }
        Errors errors = new Errors();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setUsageHelpAutoWidth(true);
        // --format CSV, --compat Keras, --grad EXACT: a choice's case is no typo worth refusing.
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // No @file expansion: no command needs it (an expression is one argument), and it let an argument read any
        // file into an error message (@/etc/hostname) or hang on one that never ends (@/dev/zero).
        commandLine.setExpandAtFiles(false);
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            // Every subcommand's standard options include -V, --version; without the provider they printed nothing.
            if (subcommand.getCommandSpec().versionProvider() == null) {
                subcommand.getCommandSpec().versionProvider(new Version());
            }
        }
        return commandLine;
    }

    /**
     * The command line from the models the build wrote ({@link CommandModel}), no annotation read: for one
     * subcommand, {@code adagrad run …}; for {@code --help} the top-level command with an outline of each subcommand;
     * for {@code --version} and no arguments at all the top-level command alone. Null for anything else (help,
     * completion and man need every command; a typo needs the list for its message) or when the models are missing.
     */
    private static CommandLine fromModels(String[] args) {
        String first = args.length == 0 ? "" : args[0];
        boolean topLevel = args.length == 0 || args.length == 1 && TOP_LEVEL_ONLY.contains(first);
        if (!topLevel && (NEED_EVERY_COMMAND.contains(first) || !isWord(first))) {
            return null;
        }
        CommandSpec subcommand = topLevel ? null : CommandModel.load(first);
        CommandSpec top = topLevel || subcommand != null ? CommandModel.load("adagrad") : null;
        List<CommandModel.Outline> outlines = first.equals("-h") || first.equals("--help")
                ? CommandModel.outlines() : List.of();
        if (top == null || outlines == null) {
            return null;
        }
        CommandLine commandLine = new CommandLine(top);
        if (subcommand != null) {
            commandLine.addSubcommand(first, subcommand);
        }
        for (CommandModel.Outline outline : outlines) {
            commandLine.addSubcommand(outline.name(), outline(outline.name(), outline.header(),
                    outline.description()));
        }
        return commandLine;
    }

    /** A subcommand as {@code adagrad --help} lists it: its name, header and description, nothing else. */
    private static CommandSpec outline(String name, String[] header, String[] description) {
        CommandSpec outline = CommandSpec.create().name(name);
        outline.usageMessage().header(header).description(description);
        return outline;
    }

    /** Lower-case letters only: a command's name (no regex: it would be compiled at start-up for this alone). */
    private static boolean isWord(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 'a' || name.charAt(i) > 'z') {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /** The command line built by picocli from the annotations: only the subcommand called, when one is. */
    private static CommandLine fromAnnotations(String[] args) {
        CommandLine commandLine = new CommandLine(new AdagradCommand());
        if (args.length == 1 && TOP_LEVEL_ONLY.contains(args[0])) {
            // adagrad --help lists each command's name and description only, and --version none: a model built from
            // those annotation values (picocli's programmatic API) instead of each command's fields and mixins.
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                commandLine.addSubcommand(command.name(), outline(command.name(), command.header(),
                        command.description()));
            }
        } else {
            Class<?> only = args.length == 0 ? null : subcommandNamed(args[0]);
            for (Class<?> subcommand : only == null ? SUBCOMMANDS : List.of(only)) {
                commandLine.addSubcommand(subcommand);
            }
            for (CommandLine subcommand : commandLine.getSubcommands().values()) {
                if (subcommand.getCommand() instanceof OptimizerCommand command) { // a model has them already
                    command.optimizerOptions().addHyperparameterOptions(subcommand.getCommandSpec());
                }
            }
        }
        return commandLine;
    }

    /**
     * picocli's help command ignores an option it does not know ({@code help --bogus} printed the usage and exited
     * 0); this refuses it as every other command does: one line, a pointer to help, exit 2. Null when all is well.
     */
    public static Integer refuseUnknownHelpOption(String[] args, PrintWriter err) {
        if (args.length < 2 || !args[0].equals("help")) {
            return null;
        }
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("-") && !arg.equals("-h") && !arg.equals("--help")) {
                err.println("adagrad help: unknown option '" + Messages.shown(arg) + "'");
                err.println("Try 'adagrad help' for more information.");
                return ExitCode.USAGE;
            }
        }
        return null;
    }

    private static Class<?> subcommandNamed(String name) {
        if (NEED_EVERY_COMMAND.contains(name)) {
            return null;
        }
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (subcommand.getAnnotation(Command.class).name().equals(name)) {
                return subcommand;
            }
        }
        return null;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("adagrad: name a command, for example: adagrad run --f \"x^2\" --x0 4 --lr 1 --steps 10");
        err.println("Try 'adagrad --help' for more information.");
        return ExitCode.USAGE;
    }

    /** The version from the build (filtered into version.properties). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = AdagradCommand.class.getResourceAsStream("/dev/adagrad/version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"adagrad " + properties.getProperty("version", "unknown")};
        }
    }
}
