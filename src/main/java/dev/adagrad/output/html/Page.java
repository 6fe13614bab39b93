package dev.adagrad.output.html;

import dev.adagrad.output.AtomicFile;
import dev.adagrad.output.JsonText;
import dev.adagrad.output.Looks;
import dev.adagrad.output.picture.Backdrop;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code --html}: one self-contained page (no network: its script, style, data and contour image are all inside) to
 * move through the steps in a browser: the contours or the curve with every path, a step slider with play/pause and
 * the arrow keys, a table of the current step's numbers for each optimizer (the CSV's columns, rounded, the full
 * value on hover), and each variable's effective learning rate over the steps.
 *
 * <p>The data is embedded as JSON; the page's script ({@code page.html} beside this class) draws it. The numbers are
 * written as the CSV writes them, so the page and the CSV show the same values.
 */
public final class Page {

    /** The contour image's size: the plot area of the page's 720×540 canvas (page.html lays it out the same). */
    public static final int CONTOUR_WIDTH = 560;
    public static final int CONTOUR_HEIGHT = 478;

    private static final String TEMPLATE = "page.html";
    private static final String MARK = "/*DATA*/";

    /**
     * One optimizer's run.
     *
     * @param name       the optimizer's name (chooses its look)
     * @param label      the legend's text
     * @param rows       its recorded rows
     * @param divergedAt the step where it met a non-finite value, or -1
     */
    public record Run(String name, String label, PageRows rows, long divergedAt) {
    }

    /**
     * What the page shows.
     *
     * @param title     the function
     * @param variables the coordinates' names
     * @param backdrop  the frame and the contours or curve
     * @param minima    known minimisers (empty when unknown)
     * @param runs      one per optimizer, in legend order
     */
    public record Content(String title, List<String> variables, Backdrop backdrop, List<double[]> minima,
                          List<Run> runs) {
    }

    private Page() {
    }

    /** Writes the page to {@code file}, atomically. */
    public static void write(Path file, Content content) throws IOException {
        byte[] page = html(content).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(page));
    }

    /** The page's HTML: the template with the data in it. */
    static String html(Content content) {
        String template = template();
        int mark = template.indexOf(MARK);
        // JSON text never holds '<' outside strings; escaping it keeps "</script>" in a name from ending the script.
        String json = json(content).replace("<", "\\u003c");
        return template.substring(0, mark) + json + template.substring(mark + MARK.length());
    }

    private static String template() {
        try (InputStream in = Page.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page's data as JSON. */
    static String json(Content content) {
        StringBuilder out = new StringBuilder(1 << 16);
        Backdrop backdrop = content.backdrop();
        out.append("{\"title\":").append(JsonText.quote(content.title()));
        out.append(",\"variables\":").append(strings(content.variables()));
        out.append(",\"lower\":").append(numbers(backdrop.lower()));
        out.append(",\"upper\":").append(numbers(backdrop.upper()));
        out.append(",\"minima\":[");
        for (int i = 0; i < content.minima().size(); i++) {
            out.append(i == 0 ? "" : ",").append(numbers(content.minima().get(i)));
        }
        out.append(']');
        if (backdrop.contoursPng() != null) {
            out.append(",\"contours\":\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(backdrop.contoursPng())).append('"');
            out.append(",\"boundaries\":").append(numbers(backdrop.boundaries()));
            out.append(",\"bandColours\":[");
            for (int b = 0; b < backdrop.bandColours().length; b++) {
                out.append(b == 0 ? "" : ",").append('"').append(hex(backdrop.bandColours()[b])).append('"');
            }
            out.append("],\"logLevels\":").append(backdrop.logLevels());
        } else {
            out.append(",\"curveX\":").append(numbers(backdrop.curveX()));
            out.append(",\"curveF\":").append(numbers(backdrop.curveF()));
        }
        List<Looks.Look> looks = Looks.of(content.runs().stream().map(Run::name).toList());
        out.append(",\"runs\":[");
        for (int i = 0; i < content.runs().size(); i++) {
            Run run = content.runs().get(i);
            Looks.Look look = looks.get(i);
            float[] dash = look.dash().pattern(1);
            out.append(i == 0 ? "" : ",").append("{\"name\":").append(JsonText.quote(run.name()));
            out.append(",\"label\":").append(JsonText.quote(run.label()));
            out.append(",\"colour\":\"").append(look.hex()).append('"');
            out.append(",\"dash\":").append(dash == null ? "[]" : floats(dash));
            out.append(",\"marker\":\"").append(look.marker().name().toLowerCase(Locale.ROOT)).append('"');
            out.append(",\"divergedAt\":").append(run.divergedAt());
            out.append(",\"columns\":").append(strings(run.rows().keys()));
            out.append(",\"rows\":[");
            PageRows rows = run.rows();
            int width = rows.keys().size();
            for (int k = 0; k < rows.size(); k++) {
                out.append(k == 0 ? "[" : ",[");
                out.append((long) rows.value(k, 0));
                for (int c = 1; c < width; c++) {
                    out.append(',').append(JsonText.number(rows.value(k, c)));
                }
                out.append(']');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    private static String strings(List<String> texts) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < texts.size(); i++) {
            out.append(i == 0 ? "" : ",").append(JsonText.quote(texts.get(i)));
        }
        return out.append(']').toString();
    }

    private static String numbers(double[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(JsonText.number(values[i]));
        }
        return out.append(']').toString();
    }

    private static String floats(float[] values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ",").append(JsonText.number(values[i]));
        }
        return out.append(']').toString();
    }
}
