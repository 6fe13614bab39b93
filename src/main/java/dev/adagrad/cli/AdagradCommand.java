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
        subcommands = {RunCommand.class, CompareCommand.class, FitCommand.class, DataCommand.class,
                OptimizersCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 runtime error, 2 usage error, 3 a value became NaN or infinite."})
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
