package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A command line that calls one subcommand builds only that one; everything else still sees them all. */
class CommandTreeTest {

    private static final PrintWriter NOWHERE = new PrintWriter(new StringWriter());

    @Test
    void aSubcommandCallBuildsOnlyThatSubcommand() {
        var commandLine = AdagradCommand.commandLine(NOWHERE, NOWHERE, new String[] {"run", "--f", "x^2"});
        assertEquals(java.util.Set.of("run"), commandLine.getSubcommands().keySet());
    }

    @Test
    void helpCompletionAndUnknownWordsSeeEveryCommand() {
        for (String first : new String[] {"help", "completion", "--help", "nosuch"}) {
            var commandLine = AdagradCommand.commandLine(NOWHERE, NOWHERE, new String[] {first});
            assertEquals(AdagradCommand.SUBCOMMANDS.size(), commandLine.getSubcommands().size(), first);
        }
        Cli.Result help = Cli.run("help", "sweep");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: adagrad sweep"), help.out());
        Cli.Result unknown = Cli.run("runn");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("did you mean run"), unknown.err());
    }

    @Test
    void theWholeCommandLineHasEveryCommand() {
        // What the build's man pages (ManPages) are written from: one page per command.
        var commandLine = AdagradCommand.commandLine(NOWHERE, NOWHERE);
        assertEquals(AdagradCommand.SUBCOMMANDS.size(), commandLine.getSubcommands().size());
        assertTrue(commandLine.getSubcommands().get("run").getCommandSpec().optionsMap().containsKey("--lr"));
    }

    @Test
    void everySubcommandPrintsTheVersion() {
        String version = Cli.run("--version").out();
        assertTrue(version.startsWith("adagrad "), version);
        for (String command : new String[] {"run", "explain", "step", "compare", "sweep", "fit", "data", "optimizers",
                "functions", "completion"}) {
            Cli.Result result = Cli.run(command, "-V");
            assertEquals(0, result.exitCode(), command);
            assertEquals(version, result.out(), command);
        }
    }
}
