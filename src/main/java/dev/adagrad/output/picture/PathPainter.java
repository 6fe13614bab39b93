package dev.adagrad.output.picture;

import dev.adagrad.output.Looks;
import dev.adagrad.output.NumberText;
import dev.adagrad.run.Trajectory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Draws the paths of a 2-D picture over its contours, in pixels of the plot area: each path as a slightly transparent
 * line in its optimizer's colour and dash with its marker at evenly spaced steps, then the start, each path's head and
 * the known minima on top of every path.
 *
 * <p>A path can be drawn in pieces ({@link #extend}), each piece continuing the dash pattern where the last one
 * stopped, so an animation draws only what a frame adds to the one before.
 */
final class PathPainter {

    /** At most this many markers on a path, so that their spacing shows the speed without hiding the line. */
    static final int MARKERS = 40;
    /** Pixel coordinates are kept within this distance of the plot, where Java2D's float geometry stays exact. */
    private static final double FAR = 1e5;

    private final PlotData data;
    private final List<Looks.Look> looks;
    private final Charts.Scale scale;
    private final Rectangle2D area;
    private final double[] lower;
    private final double[] upper;
    private final int[] markEvery;
    /** How far along each path (in pixels) the dash pattern has run, and the rows drawn so far. */
    private final double[] travelled;
    private final int[] drawn;

    PathPainter(PlotData data, Charts.Scale scale, Rectangle2D area, double[] lower, double[] upper) {
        this.data = data;
        this.looks = data.looks();
        this.scale = scale;
        this.area = area;
        this.lower = lower.clone();
        this.upper = upper.clone();
        int runs = data.runs().size();
        markEvery = new int[runs];
        travelled = new double[runs];
        drawn = new int[runs];
        for (int i = 0; i < runs; i++) {
            markEvery[i] = Math.max(1, (int) Math.ceil(data.runs().get(i).path().size() / (double) MARKERS));
        }
    }

    double pixelX(double x) {
        return clamp(area.getX() + (x - lower[0]) / (upper[0] - lower[0]) * area.getWidth());
    }

    double pixelY(double y) {
        return clamp(area.getY() + (upper[1] - y) / (upper[1] - lower[1]) * area.getHeight());
    }

    private static double clamp(double pixel) {
        return Double.isNaN(pixel) ? 0 : Math.max(-FAR, Math.min(FAR, pixel));
    }

    /** Rows of {@code path} at steps up to {@code step}. */
    static int rowsUpTo(Trajectory path, long step) {
        int n = 0;
        while (n < path.size() && path.step(n) <= step) {
            n++;
        }
        return n;
    }

    /** Draws every path up to step {@code step}, from where the last call left it. */
    void extend(Graphics2D g2, long step) {
        Shape clip = g2.getClip();
        g2.clip(area);
        for (int i = 0; i < data.runs().size(); i++) {
            Trajectory path = data.runs().get(i).path();
            int to = rowsUpTo(path, step);
            int from = Math.max(0, drawn[i] - 1);
            if (to - from >= 2) {
                line(g2, i, path, from, to);
            }
            markers(g2, i, path, drawn[i], to);
            drawn[i] = Math.max(drawn[i], to);
        }
        g2.setClip(clip);
    }

    private void line(Graphics2D g2, int run, Trajectory path, int from, int to) {
        Path2D.Double line = new Path2D.Double();
        double length = 0;
        double lastX = pixelX(path.x(from, 0));
        double lastY = pixelY(path.x(from, 1));
        line.moveTo(lastX, lastY);
        for (int k = from + 1; k < to; k++) {
            double x = pixelX(path.x(k, 0));
            double y = pixelY(path.x(k, 1));
            line.lineTo(x, y);
            length += Math.hypot(x - lastX, y - lastY);
            lastX = x;
            lastY = y;
        }
        Looks.Look look = looks.get(run);
        float width = scale.lineWidth();
        float[] dash = look.dash().pattern(width);
        float phase = 0;
        if (dash != null) {
            double period = 0;
            for (float d : dash) {
                period += d;
            }
            phase = (float) (travelled[run] % period);
        }
        g2.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, dash, phase));
        g2.setColor(Charts.lineColour(look));
        g2.draw(line);
        travelled[run] += length;
    }

    private void markers(Graphics2D g2, int run, Trajectory path, int from, int to) {
        Looks.Look look = looks.get(run);
        Shape marker = Charts.marker(look.marker(), scale.px(8));
        g2.setStroke(new BasicStroke((float) scale.px(1)));
        for (int k = from; k < to; k++) {
            if (k % markEvery[run] == offset(run)) {
                Shape at = at(marker, path.x(k, 0), path.x(k, 1));
                g2.setColor(Charts.colour(look));
                g2.fill(at);
                g2.setColor(Color.WHITE);
                g2.draw(at);
            }
        }
    }

    /**
     * Where along its path a run's markers fall: each run's are shifted by a share of the spacing, so that on paths
     * lying on one another the markers alternate instead of covering each other.
     */
    private int offset(int run) {
        return markEvery[run] == 1 ? 0 : (int) ((long) run * markEvery[run] / data.runs().size());
    }

    private Shape at(Shape shape, double x, double y) {
        return AffineTransform.getTranslateInstance(pixelX(x), pixelY(y)).createTransformedShape(shape);
    }

    /**
     * The marks over the paths: the start (a white circle), each path's head at step {@code step} (its large marker;
     * none for a diverged path once it has ended), then the known minima (black stars, on top of everything).
     */
    void marks(Graphics2D g2, long step) {
        Shape clip = g2.getClip();
        g2.clip(area);
        g2.setStroke(scale.outline());
        Trajectory first = data.runs().get(0).path();
        double r = scale.px(7);
        Shape start = new Ellipse2D.Double(pixelX(first.x(0, 0)) - r, pixelY(first.x(0, 1)) - r, 2 * r, 2 * r);
        g2.setColor(Color.WHITE);
        g2.fill(start);
        g2.setColor(Color.BLACK);
        g2.draw(start);
        for (int i = 0; i < data.runs().size(); i++) {
            PlotData.Run run = data.runs().get(i);
            Trajectory path = run.path();
            int rows = rowsUpTo(path, step);
            boolean finished = step >= path.step(path.size() - 1);
            if (rows == 0 || (finished && run.diverged())) {
                continue;
            }
            // Each head a little smaller than the one before, so heads at the same point nest instead of hiding.
            double size = scale.px(Math.max(7, 17 - 3.5 * i));
            Shape head = at(Charts.marker(looks.get(i).marker(), size), path.x(rows - 1, 0),
                    path.x(rows - 1, 1));
            g2.setColor(Charts.colour(looks.get(i)));
            g2.fill(head);
            g2.setColor(Color.BLACK);
            g2.draw(head);
        }
        Shape star = Charts.star(scale.px(10));
        for (double[] minimum : data.minima()) {
            Shape at = at(star, minimum[0], minimum[1]);
            g2.setColor(Color.BLACK);
            g2.fill(at);
            g2.setColor(Color.WHITE);
            g2.draw(at);
        }
        g2.setClip(clip);
    }

    /** "step 120 of 500" in a white box at the plot's top left corner, for a frame of an animation. */
    void stepLabel(Graphics2D g2, long step) {
        String text = "step " + NumberText.significant(step, 12) + " of " + data.lastStep();
        g2.setFont(scale.legend());
        var metrics = g2.getFontMetrics();
        double pad = scale.px(5);
        double x = area.getX() + pad;
        double y = area.getY() + pad;
        Rectangle2D box = new Rectangle2D.Double(x, y, metrics.stringWidth(text) + 2 * pad,
                metrics.getAscent() + metrics.getDescent() + 2 * pad);
        g2.setColor(new Color(255, 255, 255, 230));
        g2.fill(box);
        g2.setColor(Color.BLACK);
        g2.drawString(text, (float) (x + pad), (float) (y + pad + metrics.getAscent()));
    }
}
