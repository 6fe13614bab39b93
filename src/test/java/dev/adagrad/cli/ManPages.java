package dev.adagrad.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the roff man page of adagrad and of every subcommand ({@code adagrad.1}, {@code adagrad-run.1}, …) into a
 * folder, from the same command model the program runs with ({@link ManPage}); {@code adagrad man COMMAND} prints the
 * same pages. Run at build time by the exec plugin into {@code target/man}, which the Debian package installs (see
 * src/dist/build-deb.sh). The help command gets no page of its own: {@code adagrad(1)} lists it.
 */
public final class ManPages {

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/man"));
        StringWriter ignored = new StringWriter();
        CommandLine root = AdagradCommand.commandLine(new PrintWriter(ignored), new PrintWriter(ignored));
        String version = new AdagradCommand.Version().getVersion()[0];
        write(directory, root.getCommandSpec(), version);
        for (CommandLine subcommand : root.getSubcommands().values()) {
            if (!subcommand.getCommandName().equals("help")) {
                write(directory, subcommand.getCommandSpec(), version);
            }
        }
    }

    private static void write(Path directory, CommandSpec spec, String version) throws IOException {
        Files.writeString(directory.resolve(ManPage.name(spec) + ".1"), ManPage.of(spec, version),
                StandardCharsets.UTF_8);
    }
}
