package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same command and inputs give the same bytes, run after run and on any number of cores: compare and sweep
 * gather their parallel runs in a fixed order, and a shuffled fit draws from its seed. Each command runs twice on
 * every core and once pinned to one core with taskset (where the machine has it).
 */
class RerunIT {

    private static final Path JAR = Paths.get("").toAbsolutePath().resolve("target/adagrad.jar");

    private static byte[] run(Path directory, boolean oneCore, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (oneCore) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.addAll(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(directory, "out", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), String.join(" ", command));
        return Files.readAllBytes(out);
    }

    private static boolean hasTaskset() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "taskset"))) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @ValueSource(strings = {"compare", "sweep", "fit"})
    void twoRunsAndOneOnOneCoreGiveTheSameBytes(String which, @TempDir Path directory) throws Exception {
        String[] args = switch (which) {
            case "compare" -> new String[] {"compare", "--f", "rosenbrock", "--steps", "3000", "--format", "csv",
                    "--every", "7"};
            case "sweep" -> new String[] {"sweep", "--f", "rosenbrock", "--steps", "2000", "--points", "7",
                    "--format", "csv"};
            default -> {
                Path data = directory.resolve("data.csv");
                byte[] rows = run(directory, false, "data", "classification", "--rows", "200", "--seed", "3");
                Files.write(data, rows);
                yield new String[] {"fit", "--data", data.toString(), "--model", "logistic", "--optimizers",
                        "adagrad,sgd,adam", "--batch-size", "8", "--shuffle", "--seed", "11", "--epochs", "5",
                        "--format", "csv"};
            }
        };
        byte[] first = run(directory, false, args);
        assertArrayEquals(first, run(directory, false, args), "a second run on every core");
        if (hasTaskset()) {
            assertArrayEquals(first, run(directory, true, args), "a run on one core");
        }
    }
}
