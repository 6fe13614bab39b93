package dev.adagrad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.output.Looks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --html page in a real browser (Debian's headless Chromium, which .ci/run installs): the page is opened at a
 * step chosen by its address, the arrow keys are pressed, and the numbers it shows are checked against the CSV the
 * same run wrote; a screenshot shows each path where its trajectory says.
 */
class PageInBrowserIT {

    private static final Path ROOT = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path JAR = ROOT.resolve("target/adagrad.jar");
    private static final Pattern ROW = Pattern.compile("<tr data-run=\"([^\"]+)\">(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("data-key=\"([^\"]+)\"[^>]*data-full=\"([^\"]*)\"");

    @TempDir
    Path directory;

    private static int execute(List<String> command, Path stdout) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(stdout.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command + " finished in time");
        return process.exitValue();
    }

    private int adagrad(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return execute(command, directory.resolve("stdout.txt"));
    }

    /** Headless Chromium with its own empty profile, no network services, one CSS pixel a pixel. */
    private List<String> chromium(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--force-device-scale-factor=1", "--window-size=1400,1100",
                "--user-data-dir=" + Files.createTempDirectory(directory, "profile")));
        command.addAll(List.of(args));
        return command;
    }

    /** The page's DOM after its script ran, opened at {@code fragment} (such as "step=7"). */
    private String dom(Path page, String fragment) throws IOException, InterruptedException {
        Path out = directory.resolve("dom.html");
        int exit = execute(chromium("--dump-dom", page.toUri() + "#" + fragment), out);
        assertEquals(0, exit, "chromium --dump-dom");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Each optimizer's row of the page's table: column key to the full value ("" where the CSV cell is empty). */
    private static Map<String, Map<String, String>> table(String dom) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(dom);
        while (row.find()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                cells.put(cell.group(1), cell.group(2));
            }
            rows.put(row.group(1), cells);
        }
        return rows;
    }

    private static String attribute(String dom, String element, String name) {
        Matcher matcher = Pattern.compile("<" + element + "[^>]*\\s" + name + "=\"([^\"]*)\"").matcher(dom);
        assertTrue(matcher.find(), element + " has " + name);
        return matcher.group(1);
    }

    /** The page shows step {@code step} with every number the CSV has in that step's row, to the last digit. */
    private static void sameAsCsv(Map<String, String> shown, CsvTable csv, int csvRow, String what) {
        for (String column : csv.header()) {
            String expected = csv.cell(csvRow, column);
            String actual = shown.get(column);
            assertTrue(actual != null, what + ": the page has no " + column + " column: " + shown);
            if (expected.isEmpty()) {
                assertEquals("", actual, what + " " + column);
            } else {
                assertEquals(Double.parseDouble(expected), Double.parseDouble(actual), 0, what + " " + column);
            }
        }
    }

    @Test
    void theSliderAndTheArrowKeysShowTheCsvsNumbersForThatStep() throws Exception {
        Path csv = directory.resolve("run.csv");
        Path page = directory.resolve("run.html");
        assertEquals(0, adagrad("run", "--f", "w^2+10*b^2", "--x0", "w=1,b=1", "--optimizer", "adagrad", "--lr",
                "0.3", "--steps", "40", "--format", "csv", "--output", csv.toString(), "--html", page.toString()));
        CsvTable rows = new CsvTable(Files.readString(csv));

        for (int step : new int[] {0, 7, 40}) {
            String dom = dom(page, "step=" + step);
            assertEquals(Integer.toString(step), attribute(dom, "body", "data-step"));
            sameAsCsv(table(dom).get("adagrad"), rows, step, "step " + step);
        }
        // Step 5, then right, right, left: step 6. Shift+right is ten steps; End is the last.
        String keys = dom(page, "step=5&keys=ArrowRight,ArrowRight,ArrowLeft");
        assertEquals("6", attribute(keys, "body", "data-step"));
        sameAsCsv(table(keys).get("adagrad"), rows, 6, "after the arrow keys");
        String end = dom(page, "keys=End");
        assertEquals("40", attribute(end, "body", "data-step"));
        assertTrue(attribute(end, "span class=\"item\"", "data-colour").equals(Looks.ofOptimizer("adagrad").hex()));
    }

    @Test
    void aComparisonShowsEveryOptimizersNumbersAndDrawsEachPathWhereItGoes() throws Exception {
        Path csv = directory.resolve("long.csv");
        Path page = directory.resolve("compare.html");
        List<String> optimizers = List.of("sgd", "momentum", "adagrad", "adam");
        assertEquals(0, adagrad("compare", "--f", "rosenbrock", "--optimizers", String.join(",", optimizers),
                "--steps", "500", "--format", "csv", "--output", csv.toString(), "--html", page.toString()));
        assertTrue(Files.size(page) < 2_000_000, Files.size(page) + " bytes");
        CsvTable rows = new CsvTable(Files.readString(csv));

        String dom = dom(page, "step=250");
        Map<String, Map<String, String>> table = table(dom);
        assertEquals(optimizers, new ArrayList<>(table.keySet()));
        for (int r = 0; r < rows.size(); r++) {
            if (rows.cell(r, "step").equals("250")) {
                Map<String, String> shown = table.get(rows.cell(r, "optimizer"));
                for (String column : List.of("step", "f", "x", "y")) {
                    assertEquals(Double.parseDouble(rows.cell(r, column)), Double.parseDouble(shown.get(column)), 0,
                            rows.cell(r, "optimizer") + " " + column);
                }
            }
        }

        // The screenshot at the last step: along each path, the pixels are its optimizer's colour.
        String last = dom(page, "step=500");
        Path shot = directory.resolve("shot.png");
        assertEquals(0, execute(chromium("--screenshot=" + shot, page.toUri() + "#step=500"),
                directory.resolve("shot.txt")));
        BufferedImage image = ImageIO.read(shot.toFile());
        double[] offset = numbers(attribute(last, "body", "data-plot"));
        double[] area = numbers(attribute(last, "canvas id=\"plot\"", "data-area"));
        double[] xs = numbers(attribute(last, "canvas id=\"plot\"", "data-x"));
        double[] ys = numbers(attribute(last, "canvas id=\"plot\"", "data-y"));
        // Each path's pixels, every step; then along each path, where no mark (the start, the heads) and no path
        // drawn after it lies on top, the pixels are its optimizer's colour.
        Map<String, List<int[]>> pixels = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            int px = (int) Math.round(offset[0] + area[0] + (rows.number(r, "x") - xs[0]) / (xs[1] - xs[0]) * area[2]);
            int py = (int) Math.round(offset[1] + area[1] + (ys[1] - rows.number(r, "y")) / (ys[1] - ys[0]) * area[3]);
            pixels.computeIfAbsent(rows.cell(r, "optimizer"), k -> new ArrayList<>()).add(new int[] {px, py});
        }
        List<int[]> marks = new ArrayList<>();
        pixels.values().forEach(path -> {
            marks.add(path.get(0));
            marks.add(path.get(path.size() - 1));
        });
        for (int i = 0; i < optimizers.size(); i++) {
            String optimizer = optimizers.get(i);
            int colour = Looks.ofOptimizer(optimizer).rgb();
            int[] matching = new int[2];
            int[] tried = new int[2];
            for (int[] p : pixels.get(optimizer)) {
                if (within(marks, p, 12)) {
                    continue;
                }
                int covered = optimizers.subList(i + 1, optimizers.size()).stream()
                        .anyMatch(later -> within(pixels.get(later), p, 4)) ? 1 : 0;
                tried[covered]++;
                matching[covered] += near(image, p[0], p[1], colour) ? 1 : 0;
            }
            assertTrue(tried[0] + tried[1] >= 10, optimizer + ": only " + (tried[0] + tried[1]) + " points");
            assertTrue(matching[0] >= tried[0] * 0.6, optimizer + ": " + matching[0] + " of " + tried[0]
                    + " points of its path are drawn in " + Looks.ofOptimizer(optimizer).hex());
            // Where a later path lies on it (adagrad under adam here), it still shows between the later one's dashes.
            assertTrue(matching[1] >= tried[1] * 0.15, optimizer + ": " + matching[1] + " of " + tried[1]
                    + " points of its path under another show " + Looks.ofOptimizer(optimizer).hex());
        }
        // And a corner of the plot far from every path is not.
        int cornerX = (int) (offset[0] + area[0] + area[2] - 8);
        int cornerY = (int) (offset[1] + area[1] + area[3] - 8);
        for (String optimizer : optimizers) {
            assertTrue(!near(image, cornerX, cornerY, Looks.ofOptimizer(optimizer).rgb()), optimizer + " in a corner");
        }
    }

    private static boolean within(List<int[]> points, int[] p, double distance) {
        return points.stream().anyMatch(q -> Math.hypot(q[0] - p[0], q[1] - p[1]) < distance);
    }

    /** Whether a pixel within 2 of (x, y) is {@code colour}, as a line at 85% opacity over pale contours draws it. */
    private static boolean near(BufferedImage image, int x, int y, int colour) {
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int rgb = image.getRGB(x + dx, y + dy);
                int d = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    d = Math.max(d, Math.abs(((rgb >> shift) & 0xff) - ((colour >> shift) & 0xff)));
                }
                if (d <= 45) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double[] numbers(String text) {
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Double.parseDouble(parts[i]);
        }
        return values;
    }

    @Test
    void aDivergedRunsPageSaysWhereItStopped() throws Exception {
        Path page = directory.resolve("diverged.html");
        assertEquals(3, adagrad("run", "--f", "x^2+y^2", "--x0", "1,1", "--optimizer", "sgd", "--lr", "2", "--steps",
                "3000", "--html", page.toString()));
        String dom = dom(page, "keys=End");
        Matcher note = Pattern.compile("<p class=\"diverged\">([^<]*)</p>").matcher(dom);
        assertTrue(note.find(), "a note on the divergence");
        assertTrue(note.group(1).startsWith("sgd diverged at step "), note.group(1));
    }
}
