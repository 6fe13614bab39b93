package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in README.md and docs/*.md that shows a {@code $ ./adagrad …} command (or a shell command that
 * prepares its files, such as {@code printf … > points.csv}) is run with the packaged jar, in order, in a scratch
 * folder, and must print exactly the lines shown (blank lines aside). A block whose output is cut says so with a
 * last line {@code […]}: then the lines shown must be the first ones printed. Commands of other tools (benchmarks,
 * {@code mvn}, {@code time}, a browser) are not run: their output is a measurement, not a promise.
 */
class DocExamplesIT {

    private static final Path ROOT = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path JAR = ROOT.resolve("target/adagrad.jar");
    private static final String CUT = "[…]";

    /** One command of a document and the output shown under it. */
    record Example(String document, String command, List<String> shown, boolean cut) {
        @Override
        public String toString() {
            return document + ": " + command;
        }
    }

    static Stream<String> documents() throws IOException {
        List<String> documents = new ArrayList<>(List.of("README.md"));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.map(path -> "docs/" + path.getFileName()).filter(name -> name.endsWith(".md")).sorted()
                    .forEach(documents::add);
        }
        return documents.stream();
    }

    static List<Example> examples(String document) throws IOException {
        List<Example> examples = new ArrayList<>();
        List<String> lines = Files.readAllLines(ROOT.resolve(document), StandardCharsets.UTF_8);
        boolean inBlock = false;
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("```")) {
                if (inBlock) {
                    parse(document, block, examples);
                    block.clear();
                }
                inBlock = !inBlock;
            } else if (inBlock) {
                block.add(line);
            }
        }
        return examples;
    }

    private static void parse(String document, List<String> block, List<Example> examples) {
        int i = 0;
        while (i < block.size()) {
            if (!block.get(i).startsWith("$ ")) {
                i++;
                continue;
            }
            StringBuilder command = new StringBuilder(block.get(i++).substring(2));
            while (command.toString().endsWith("\\") && i < block.size()) {
                command.setLength(command.length() - 1);
                command.append(' ').append(block.get(i++).strip());
            }
            List<String> shown = new ArrayList<>();
            while (i < block.size() && !block.get(i).startsWith("$ ")) {
                shown.add(block.get(i++));
            }
            boolean cut = !shown.isEmpty() && shown.get(shown.size() - 1).equals(CUT);
            if (cut) {
                shown.remove(shown.size() - 1);
            }
            String text = command.toString();
            if (!text.startsWith("bench/") && !text.startsWith("mvn ") && !text.startsWith("time ")
                    && !text.startsWith("chromium ")) {
                examples.add(new Example(document, text, nonBlank(shown), cut));
            }
        }
    }

    private static List<String> nonBlank(List<String> lines) {
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyExampleStillPrintsWhatTheDocumentShows(String document, @TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("docs"));
        Path resources = folder.resolve("src/test/resources");
        Files.createDirectories(resources);
        copy(ROOT.resolve("src/test/resources/keras-seed"), resources.resolve("keras-seed"));
        copy(ROOT.resolve("examples/optimizers"), folder.resolve("examples/optimizers"));
        Path launcher = folder.resolve("adagrad");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec " + java + " -XX:+UseSerialGC -jar " + JAR + " \"$@\"\n");
        assertTrue(launcher.toFile().setExecutable(true));
        for (Example example : examples(document)) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", example.command() + " 2>&1")
                    .directory(folder.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().remove("COLUMNS"); // tables as an 80-column terminal shows them, as the docs do
            Process process = builder.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(300, TimeUnit.SECONDS), "finished: " + example);
            List<String> printed = nonBlank(out.lines().toList());
            if (example.shown().isEmpty()) {
                continue; // a command shown without output (it writes a file); the next example reads that file
            }
            List<String> compared = example.cut() ? printed.subList(0, Math.min(printed.size(),
                    example.shown().size())) : printed;
            assertEquals(String.join("\n", example.shown()), String.join("\n", compared), example.toString());
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
