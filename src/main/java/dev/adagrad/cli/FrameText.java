package dev.adagrad.cli;

import dev.adagrad.output.picture.PlotData;

/** The texts of {@code --box XMIN:XMAX,YMIN:YMAX} and {@code --xlim A:B}, read and checked. */
final class FrameText {

    private FrameText() {
    }

    /**
     * The frame asked for by --box (or null), --xlim (or null) and --aspect equal, checked against the problem's
     * dimension.
     *
     * @throws UsageException for a bound that is not a finite number, a minimum not below its maximum, --box on a
     *                        function of other than 2 variables, --xlim on one of other than 1
     */
    static PlotData.View view(String box, String xlim, boolean equalAspect, int dimension) {
        if (box != null && dimension != 2) {
            throw new UsageException("--box frames the picture of 2 variables, and this function has " + dimension
                    + (dimension == 1 ? "; use --xlim A:B" : ""));
        }
        if (xlim != null && dimension != 1) {
            throw new UsageException("--xlim frames the picture of 1 variable, and this function has " + dimension
                    + (dimension == 2 ? "; use --box XMIN:XMAX,YMIN:YMAX" : ""));
        }
        if (equalAspect && dimension != 2) {
            throw new UsageException("--aspect equal shapes the picture of 2 variables, and this function has "
                    + dimension);
        }
        double[][] ranges = box != null ? ranges("--box", box, 2) : xlim != null ? ranges("--xlim", xlim, 1) : null;
        return new PlotData.View(ranges == null ? null : ranges[0], ranges == null ? null : ranges[1], equalAspect);
    }

    /** "a:b,c:d" as {lower corner, upper corner}. */
    private static double[][] ranges(String option, String text, int count) {
        String form = count == 2 ? "XMIN:XMAX,YMIN:YMAX, such as -2:2,-1:3" : "A:B, such as -1:5";
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw new UsageException(option + " must be " + form + " (got '" + text + "')");
        }
        double[][] corners = new double[2][count];
        String[] axes = {"x", "y"};
        for (int i = 0; i < count; i++) {
            String[] ends = parts[i].split(":", -1);
            if (ends.length != 2) {
                throw new UsageException(option + " must be " + form + " (got '" + text + "')");
            }
            for (int e = 0; e < 2; e++) {
                try {
                    corners[e][i] = Numbers.parseFinite(ends[e]);
                } catch (IllegalArgumentException problem) {
                    throw new UsageException(option + ": " + problem.getMessage() + " (in '" + text + "')");
                }
            }
            if (!(corners[0][i] < corners[1][i])) {
                throw new UsageException(option + ": the " + (count == 2 ? axes[i] + " " : "") + "minimum "
                        + ends[0].strip() + " must be below the maximum " + ends[1].strip() + " (got '" + text
                        + "')");
            }
        }
        return corners;
    }
}
