package dev.adagrad.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adagrad}: the top-level command, which only holds the subcommands. */
@Command(name = "adagrad", mixinStandardHelpOptions = true, versionProvider = AdagradCommand.Version.class,
        description = "See what an optimizer does: exact per-step numbers, as a table, CSV or JSON Lines.",
        subcommands = {RunCommand.class, ExplainCommand.class, CompareCommand.class, SweepCommand.class,
                FitCommand.class, DataCommand.class, OptimizersCommand.class, FunctionsCommand.class,
                CompletionCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  adagrad run --f \"x^2\" --x0 4 --lr 1 --steps 10   # the seed's example",
                "  adagrad explain --f \"x^2\" --x0 4 --lr 1          # its arithmetic",
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
                "3 a value became NaN or infinite.",
                "Man pages (AsciiDoc) are in the jar's man/ folder."})
public final class AdagradCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Builds the command line with this project's converters, error handling and streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new AdagradCommand());
        Errors errors = new Errors();
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setUsageHelpAutoWidth(true);
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            if (subcommand.getCommand() instanceof OptimizerCommand command) {
                command.optimizerOptions().addHyperparameterOptions(subcommand.getCommandSpec());
            }
        }
        return commandLine;
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
