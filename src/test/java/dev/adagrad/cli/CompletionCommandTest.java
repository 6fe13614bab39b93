package dev.adagrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {

    /** Sources the script in bash and asks it to complete {@code line} (words split on spaces). */
    static String complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        String program = "source " + script + " 2>/dev/null; COMP_WORDS=(" + words + "); "
                + "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_adagrad 2>/dev/null; echo \"${COMPREPLY[@]}\"";
        Process bash = new ProcessBuilder("bash", "-c", program).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, bash.waitFor(), out);
        return out;
    }

    @Test
    void theScriptCompletesCommandsOptionsAndOptimizerNamesInBash(@TempDir Path dir) throws Exception {
        Cli.Result result = Cli.run("completion");
        assertEquals(0, result.exitCode(), result.err());
        Path script = dir.resolve("adagrad-completion.sh");
        Files.writeString(script, result.out());

        assertEquals("sweep", complete(script, "adagrad sw"));
        assertEquals("--weight-decay", complete(script, "adagrad run --we"));
        String optimizers = complete(script, "adagrad run --optimizer ada");
        assertTrue(optimizers.contains("adagrad") && optimizers.contains("adamw"), optimizers);
        assertTrue(complete(script, "adagrad compare --opt").contains("--optimizers"));
    }
}
