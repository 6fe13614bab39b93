package dev.adagrad.output.picture;

import dev.adagrad.expr.Objective;
import dev.adagrad.output.Looks;
import dev.adagrad.run.Trajectory;
import java.util.List;

/**
 * What {@code --plot} and {@code --animate} draw: the objective and the recorded path of each run. Holds no chart
 * types, so the command classes can build it without loading the chart library.
 *
 * @param title     the function, for the picture's title
 * @param variables the coordinates' names, for the axes
 * @param objective f, evaluated (through a copy) on the contour grid; never inside a run's loop
 * @param minima    known minimisers to mark (empty when unknown)
 * @param runs      one path per optimizer, in legend order
 * @param view      the frame asked for, or {@link View#AUTO}
 */
public record PlotData(String title, List<String> variables, Objective objective, List<double[]> minima,
                       List<Run> runs, View view) {

    /** The picture with the frame chosen from the paths. */
    public PlotData(String title, List<String> variables, Objective objective, List<double[]> minima,
                    List<Run> runs) {
        this(title, variables, objective, minima, runs, View.AUTO);
    }

    /**
     * The frame asked for on the command line.
     *
     * @param lower       the frame's lower corner ({@code --box}'s minima, or {@code --xlim}'s low end), or null to
     *                    choose it from the paths
     * @param upper       its upper corner, or null
     * @param equalAspect whether one unit is as long on the y axis as on the x axis ({@code --aspect equal})
     */
    public record View(double[] lower, double[] upper, boolean equalAspect) {

        public static final View AUTO = new View(null, null, false);

        public boolean given() {
            return lower != null;
        }
    }

    /**
     * One optimizer's path.
     *
     * @param name       the legend's name for it
     * @param path       its recorded rows (the last finite point is its last row)
     * @param divergedAt the step at which it met a non-finite value, or -1 if it did not
     */
    public record Run(String name, Trajectory path, long divergedAt) {

        public boolean diverged() {
            return divergedAt >= 0;
        }

        /** The legend's label: the name, and where the run diverged if it did. */
        public String label() {
            return diverged() ? name + " (diverged at step " + divergedAt + ")" : name;
        }
    }

    /** Each run's look, fixed by its optimizer's place in the registry. */
    public List<Looks.Look> looks() {
        return Looks.of(runs.stream().map(Run::name).toList());
    }

    public int dimension() {
        return variables.size();
    }

    /** The last step any run recorded. */
    public long lastStep() {
        long last = 0;
        for (Run run : runs) {
            last = Math.max(last, run.path().step(run.path().size() - 1));
        }
        return last;
    }
}
