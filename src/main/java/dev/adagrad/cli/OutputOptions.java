package dev.adagrad.cli;

import dev.adagrad.output.Format;
import dev.adagrad.output.OutputTarget;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where and how a command writes its result. */
public final class OutputOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (for people), csv or jsonl (for programs). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE",
            description = "Write to FILE instead of standard output. A regular file is written beside it and moved "
                    + "into place when the command ends, keeping every complete row however the run stops.")
    Path output;

    /** Opens the destination: the given standard output, or the --output file. */
    OutputTarget open(Writer standardOutput) throws IOException {
        if (output == null) {
            return OutputTarget.of(standardOutput);
        }
        if (output.toString().isBlank()) {
            throw new UsageException("--output is empty: give a file name");
        }
        try {
            return OutputTarget.file(output);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
