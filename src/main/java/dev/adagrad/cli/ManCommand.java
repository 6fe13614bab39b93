package dev.adagrad.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code adagrad man [COMMAND]}: the man page of adagrad or one command, without installing anything. At a terminal
 * the page is handed to {@code man -l -} (paged and formatted); into a pipe or file it is the roff source, which is
 * also what the Debian package installs.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
        description = {"Show the man page of adagrad or of one of its commands.",
                "At a terminal it is shown by man; into a pipe or a file it is the roff source: "
                        + "adagrad man run | man -l -"})
public final class ManCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "COMMAND", completionCandidates = CommandNames.class,
            description = "A command (run, explain, compare, …); none for the page of adagrad itself.")
    String command;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CommandSpec root = spec.root();
        CommandSpec page = root;
        if (command != null) {
            CommandLine named = root.subcommands().get(command);
            if (named == null) {
                throw new UsageException(Suggestions.unknownCommand(command, root.commandLine()));
            }
            page = named.getCommandSpec();
        }
        String text = ManPage.of(page, new AdagradCommand.Version().getVersion()[0]);
        if (System.console() != null && showWithMan(text)) {
            return ExitCode.OK;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return ExitCode.OK;
    }

    /** Pipes the page into {@code man -l -} on this terminal; false when there is no man to run. */
    private static boolean showWithMan(String page) throws InterruptedException {
        Process man;
        try {
            man = new ProcessBuilder("man", "-l", "-").redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException noMan) {
            return false;
        }
        try (OutputStream in = man.getOutputStream()) {
            in.write(page.getBytes(StandardCharsets.UTF_8));
        } catch (IOException pagerQuit) {
            // the reader quit the pager before the page was written: nothing more to show
        }
        return man.waitFor() == 0;
    }

    /** The command names, for tab completion. */
    static final class CommandNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return AdagradCommand.SUBCOMMANDS.stream()
                    .map(type -> type.getAnnotation(Command.class).name()).iterator();
        }
    }
}
