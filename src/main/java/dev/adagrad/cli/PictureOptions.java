package dev.adagrad.cli;

import dev.adagrad.optim.StateColumn;
import dev.adagrad.output.AtomicFile;
import dev.adagrad.output.Format;
import dev.adagrad.output.Looks;
import dev.adagrad.output.TerminalChart;
import dev.adagrad.output.html.Page;
import dev.adagrad.output.html.PageRows;
import dev.adagrad.output.picture.Backdrop;
import dev.adagrad.output.picture.ImageFormat;
import dev.adagrad.output.picture.PlotData;
import dev.adagrad.output.picture.Pictures;
import dev.adagrad.output.picture.RatePlot;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.run.RateHistory;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepListener;
import dev.adagrad.run.StepRecord;
import dev.adagrad.run.Trajectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * Pictures of a run: {@code --plot}, {@code --animate}, {@code --chart}, {@code --html} and the frame options
 * {@code --box}, {@code --xlim}, {@code --aspect}. Everything is checked before the run starts,
 * so a mistake leaves no file behind. Only {@link #draw} touches the chart library's classes (through
 * {@link Pictures}), so a run without --plot or --animate never loads them; the help text's frame count is a
 * constant, inlined by the compiler.
 */
public final class PictureOptions {

    static final String DEFAULT_SIZE = "1000x700";
    static final int MIN_SIDE = 100;
    static final int MAX_SIDE = 4000;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})[x×](\\d{1,9})");

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Draw the paths to FILE (.png or .svg): contours of f and every path for 2 variables, "
                    + "f(x) and f against step for 1, f and each coordinate against step for more.")
    Path plot;

    @Option(names = "--plot-lr", paramLabel = "FILE",
            description = "Draw the learning rate each step used against step to FILE (.png or .svg), one line per "
                    + "optimizer: what --schedule made of it.")
    Path plotLr;

    @Option(names = "--plot-size", paramLabel = "WxH", defaultValue = DEFAULT_SIZE,
            description = "Size of --plot and --animate pictures in pixels, each side " + MIN_SIDE + " to "
                    + MAX_SIDE + ". Default: ${DEFAULT-VALUE}.")
    String plotSize;

    @Option(names = "--animate", paramLabel = "FILE.gif",
            description = "Write an animated GIF of the paths growing (1 or 2 variables; at most "
                    + Pictures.MAX_FRAMES + " frames).")
    Path animate;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Write a page to open in a browser (1 or 2 variables): the paths over the contours or "
                    + "the curve, a step slider (play, pause, arrow keys), each optimizer's numbers at the step and "
                    + "each variable's effective learning rate. One self-contained file; it needs no network.")
    Path html;

    @Option(names = "--box", paramLabel = "XMIN:XMAX,YMIN:YMAX",
            description = "The region the 2-variable pictures show, such as -2:2,-1:3. Default: the start, every "
                    + "path and the known minima, with a margin.")
    String box;

    @Option(names = "--xlim", paramLabel = "A:B",
            description = "The stretch of x the 1-variable picture's curve shows, such as -1:5. Default: the start, "
                    + "every iterate and the known minimum, with a margin.")
    String xlim;

    @Option(names = "--aspect", paramLabel = "equal",
            description = "equal: one unit as long on the y axis as on the x axis (circles look round), widening "
                    + "the frame as needed.")
    Aspect aspect;

    /** The values --aspect takes. */
    enum Aspect {
        equal
    }

    @Option(names = "--chart",
            description = "After the table, chart f against step in the terminal (to stderr when stdout carries "
                    + "CSV or JSON Lines).")
    boolean chart;

    /** Whether the run must be recorded for a picture or the page. */
    boolean wanted() {
        return plot != null || animate != null || chart || html != null;
    }

    /**
     * What a run records for the pictures: its path, and for --html every row's numbers too.
     *
     * @param path the path, for the pictures and the page's frame
     * @param page the rows for the page, or null without --html
     */
    record Recorder(Trajectory path, PageRows page) implements StepListener {

        @Override
        public void onStep(StepRecord row) {
            path.onStep(row);
            if (page != null) {
                page.onStep(row);
            }
        }
    }

    /**
     * Checks the options against the problem before anything runs.
     *
     * @throws UsageException for a bad extension or size, --animate with more than two variables, a directory
     * @throws IOException    when a picture's directory does not exist
     */
    void validate(int dimension, Path output) throws IOException {
        notTheOutput("--plot", plot, output);
        notTheOutput("--animate", animate, output);
        notTheOutput("--html", html, output);
        checkPage(dimension);
        size();
        checkPlot(plot);
        notTheOutput("--plot-lr", plotLr, output);
        checkPlot(plotLr);
        sameFile("--plot", plot, "--plot-lr", plotLr);
        if (animate != null) {
            String name = animate.getFileName() == null ? "" : animate.getFileName().toString();
            if (!name.toLowerCase(Locale.ROOT).endsWith(".gif")) {
                throw new UsageException("--animate: the animation's name must end in .gif (got " + animate + ")");
            }
            if (dimension > 2) {
                throw new UsageException("--animate draws paths in 1 or 2 variables, and this function has "
                        + dimension + "; use --plot for a picture of f and each coordinate against step");
            }
            writable("--animate", animate);
        }
        view(dimension);
        sameFile("--plot", plot, "--animate", animate);
        sameFile("--plot", plot, "--html", html);
        sameFile("--animate", animate, "--html", html);
    }

    private static void sameFile(String option, Path one, String otherOption, Path other) {
        if (one != null && other != null && one.toAbsolutePath().normalize().equals(
                other.toAbsolutePath().normalize())) {
            throw new UsageException(option + " and " + otherOption + " name the same file: " + one);
        }
    }

    private void checkPage(int dimension) throws IOException {
        if (html == null) {
            return;
        }
        String name = html.getFileName() == null ? "" : html.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".htm")) {
            throw new UsageException("--html: the page's name must end in .html (got " + html + ")");
        }
        if (dimension > 2) {
            throw new UsageException("--html shows paths in 1 or 2 variables, and this function has " + dimension
                    + "; use --plot for a picture of f and each coordinate against step");
        }
        writable("--html", html);
    }

    /** The frame asked for by --box, --xlim and --aspect; see {@link FrameText#view}. */
    PlotData.View view(int dimension) {
        return FrameText.view(box, xlim, aspect == Aspect.equal, dimension);
    }

    /** A picture written over the rows' --output file would silently replace them. */
    static void notTheOutput(String option, Path picture, Path output) {
        if (picture != null && output != null
                && picture.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new UsageException(option + " and --output name the same file: " + output);
        }
    }

    /** Checks a --plot file's extension and directory; null is fine (no picture). */
    static void checkPlot(Path plot) throws IOException {
        if (plot != null) {
            try {
                ImageFormat.of(plot);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--plot: " + e.getMessage());
            }
            writable("--plot", plot);
        }
    }

    private static void writable(String option, Path path) throws IOException {
        try {
            AtomicFile.checkWritable(path);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " " + e.getMessage());
        }
    }

    /** The --plot-size as {width, height}. */
    int[] size() {
        return size(plotSize);
    }

    /** A --plot-size text as {width, height}, each side within the limits. */
    static int[] size(String plotSize) {
        Matcher matcher = SIZE.matcher(plotSize.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new UsageException("--plot-size must be WIDTHxHEIGHT in pixels, such as " + DEFAULT_SIZE
                    + " (got '" + plotSize + "')");
        }
        int width = Integer.parseInt(matcher.group(1));
        int height = Integer.parseInt(matcher.group(2));
        if (width < MIN_SIDE || width > MAX_SIDE || height < MIN_SIDE || height > MAX_SIDE) {
            throw new UsageException("--plot-size: each side must be " + MIN_SIDE + " to " + MAX_SIDE
                    + " pixels (got " + width + "x" + height + ")");
        }
        return new int[] {width, height};
    }

    /** A recorder of the rate each step used, or null without --plot-lr. */
    RateHistory rates(Optimizer optimizer) {
        return plotLr == null ? null : new RateHistory(optimizer);
    }

    /** Draws --plot-lr from each run's {@link #rates} recorder, in legend order. */
    void drawRates(String title, List<String> names, List<RateHistory> rates) throws IOException {
        if (plotLr == null) {
            return;
        }
        List<RatePlot.Series> series = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            series.add(new RatePlot.Series(names.get(i), rates.get(i).steps(), rates.get(i).rates()));
        }
        int[] size = size();
        RatePlot.write(plotLr, size[0], size[1], title, series);
    }

    /** One recorder per run, or null when no picture is wanted; {@code stateColumns} are the optimizer's. */
    Recorder recorder(List<String> variables, List<StateColumn> stateColumns) {
        if (!wanted()) {
            return null;
        }
        return new Recorder(new Trajectory(variables.size()),
                html == null ? null : new PageRows(variables, stateColumns));
    }

    /**
     * Draws what was asked for, after the table: the terminal chart to {@code chartOut}, then the files.
     *
     * @param names        each run's name, in legend order
     * @param recorders    each run's recording
     * @param results      each run's result
     */
    void draw(ProblemOptions.Problem problem, List<String> names, List<Recorder> recorders,
              List<RunResult> results, PrintWriter chartOut) throws IOException {
        List<Trajectory> trajectories = recorders.stream().map(Recorder::path).toList();
        if (!wanted() || trajectories.isEmpty() || trajectories.get(0).size() == 0) {
            return; // f was not finite at the start: nothing to draw
        }
        List<PlotData.Run> runs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            RunResult result = results.get(i);
            runs.add(new PlotData.Run(names.get(i), trajectories.get(i),
                    result.divergence() == null ? -1 : result.divergence().step()));
        }
        if (chart) {
            List<TerminalChart.Series> series = new ArrayList<>();
            List<Looks.Look> looks = Looks.of(names);
            for (int i = 0; i < runs.size(); i++) {
                PlotData.Run run = runs.get(i);
                series.add(new TerminalChart.Series(run.label(), run.path().stepsArray(), run.path().fArray(),
                        run.diverged(), looks.get(i)));
            }
            chartOut.print(TerminalChart.render(series,
                    TerminalChart.Style.of(System.getenv(), System.console() != null)));
            chartOut.flush();
        }
        if (plot == null && animate == null && html == null) {
            return;
        }
        var function = problem.testFunction();
        PlotData data = new PlotData(problem.title(), problem.start().variables(), problem.objective(),
                function == null ? List.of() : function.minima(), runs, view(problem.start().dimension()));
        int[] size = size();
        if (plot != null) {
            Pictures.plot(plot, size[0], size[1], data);
        }
        if (animate != null) {
            Pictures.animate(animate, size[0], size[1], data);
        }
        if (html != null) {
            List<Page.Run> pageRuns = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                pageRuns.add(new Page.Run(runs.get(i).name(), runs.get(i).label(), recorders.get(i).page(),
                        runs.get(i).divergedAt()));
            }
            Page.write(html, new Page.Content(problem.title(), problem.start().variables(),
                    Backdrop.of(data, Page.CONTOUR_WIDTH, Page.CONTOUR_HEIGHT), data.minima(), pageRuns));
        }
    }

    /** Where the chart goes: stdout, unless stdout carries CSV or JSON Lines; then stderr. */
    static PrintWriter chartStream(PrintWriter out, PrintWriter err, OutputOptions output) {
        return output.format == Format.table || output.output != null ? out : StandardError.raw(err);
    }
}
