package dev.adagrad.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the man pages (AsciiDoc, picocli's manpage doctype) of adagrad and every subcommand, from the same command
 * model the program runs with, so the generated hyperparameter options are documented too.
 *
 * <p>Run at build time by the exec plugin (see pom.xml) into the jar's {@code man/} folder; it lives with the tests
 * because picocli-codegen is needed only to build, not to run. Convert a page to troff with
 * {@code asciidoctor -b manpage adagrad.adoc}.
 */
public final class ManPages {

    private ManPages() {
    }

    public static void main(String[] args) throws IOException {
        File directory = new File(args.length > 0 ? args[0] : "target/classes/man");
        if (!directory.isDirectory() && !directory.mkdirs()) {
            throw new IOException("cannot create " + directory);
        }
        StringWriter ignored = new StringWriter();
        CommandLine commandLine = AdagradCommand.commandLine(new PrintWriter(ignored), new PrintWriter(ignored));
        int status = ManPageGenerator.generateManPage(directory, null, new boolean[0], true,
                commandLine.getCommandSpec());
        if (status != 0) {
            throw new IOException("man page generation failed with status " + status);
        }
    }
}
