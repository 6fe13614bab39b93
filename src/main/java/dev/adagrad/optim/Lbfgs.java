package dev.adagrad.optim;

import java.util.Arrays;

/**
 * L-BFGS, line for line as PyTorch 1.13's {@code torch.optim.LBFGS} (itself after Schmidt's minFunc): one
 * {@link #step} is one {@code .step(closure)} call, with up to {@code max_iter} inner iterations and
 * {@code max_eval} evaluations, the curvature history, the direction, the step length and the previous gradient
 * carried to the next step. The line search is none (a fixed step γ, the first one scaled by min(1, 1/‖g‖₁)) or
 * {@code strong_wolfe} (torch's {@code _strong_wolfe} with its cubic interpolation, c₁ = 1e-4, c₂ = 0.9, at most 25
 * evaluations). The algorithm is {@link #ALGORITHM}.
 *
 * <p>The state column {@code evaluations} counts the closure calls of the step, the runner's gradient at θₜ₋₁ (torch's
 * first {@code closure()}) included. Where torch's strong-Wolfe search ends without any decrease of f, so that x would
 * stay where it is for good, this one reports it ({@link LineSearchFailed}) and the run stops.
 */
public final class Lbfgs extends TabledOptimizer implements ClosureOptimizer {

    static final String ALGORITHM = """
            input: θ₀, γ (lr), max_iter, max_eval, tolerance_grad, tolerance_change, m (history_size), line_search
            for t = 1, 2, …  (one .step(closure); k counts inner iterations over all steps)
                f, g ← closure(θ)                      (the runner's gradient: evaluation 1)
                if max|g| ≤ tolerance_grad: stop this step
                repeat up to max_iter times:
                    k ← k + 1
                    if k = 1:  d ← −g;  H₀ ← 1
                    else:  y ← g − g_prev;  s ← τ·d
                           if y·s > 1e-10:  keep (y, s, 1/(y·s)), the last m of them;  H₀ ← y·s / y·y
                           d ← −H·g by the two-loop recursion over the kept pairs, scaled by H₀
                    g_prev ← g;  f_prev ← f
                    τ ← min(1, 1/‖g‖₁)·γ if k = 1, else γ
                    if g·d > −tolerance_change: stop this step
                    none:         θ ← θ + τ·d;  f, g ← closure(θ) unless this is the last iteration
                    strong_wolfe: τ, f, g ← strong Wolfe search along d from τ;  θ ← θ + τ·d
                    stop this step after max_iter iterations, max_eval evaluations, max|g| ≤ tolerance_grad,
                    max|τ·d| ≤ tolerance_change, or |f − f_prev| < tolerance_change
            reported: d (direction), evaluations (closure calls in this step)
            """;

    public static final OptimizerSpec SPEC = OptimizerSpec.builder("lbfgs",
                    "d = −H·g from the last history_size curvature pairs; x += τ·d (strong Wolfe or fixed τ)",
                    ALGORITHM)
            .number("lr", 1, "learning rate γ: the step length τ tried along d")
            .number("max_iter", 20, "most inner iterations per step")
            .number("max_eval", 0, "most closure calls per step (0: max_iter·5/4, PyTorch's default)")
            .number("tolerance_grad", 1e-7, "stop when max|g| is at most this")
            .number("tolerance_change", 1e-9, "stop when f or x changes by less than this")
            .number("history_size", 100, "curvature pairs kept")
            .choice("line_search", "none", "line search: strong_wolfe, or none for the fixed step length lr")
            .preset(Compat.keras, OptimizerSpec.Preset.unavailable("Keras has no lbfgs optimizer"))
            .preset(Compat.tfjs, OptimizerSpec.Preset.unavailable("TensorFlow.js has no lbfgs optimizer"))
            .build((dimension, s) -> new Lbfgs(dimension, s.number("lr"), s.number("max_iter"), s.number("max_eval"),
                    s.number("tolerance_grad"), s.number("tolerance_change"), s.number("history_size"),
                    lineSearch(s.text("line_search"))));

    /** The line search found no point where f decreased: x would stay for good. */
    public static final class LineSearchFailed extends RuntimeException {
        public LineSearchFailed(String message) {
            super(message);
        }
    }

    private static final double C1 = 1e-4;
    private static final double C2 = 0.9;
    private static final int MAX_LS = 25;

    private final int maxIter;
    private final int maxEval;
    private final double toleranceGrad;
    private final double toleranceChange;
    private final int historySize;
    private final boolean strongWolfe;
    private final int n;

    private final double[] direction;
    private final double[] evaluations;
    // torch's state, carried between steps
    private long iterations;
    private double stepLength;
    private double hDiag = 1;
    private final double[][] oldDirs;
    private final double[][] oldStps;
    private final double[] ro;
    private final double[] al;
    private int historyStart;
    private int historyCount;
    private final double[] flatGrad;
    private final double[] prevFlatGrad;
    private boolean hasPrevFlatGrad;
    private double prevLoss;
    // scratch
    private final double[] q;
    private final double[] xInit;
    private final double[] trial;
    private final double[] gNew;
    private final double[] gPrev;
    private final double[] bracketG0;
    private final double[] bracketG1;

    public Lbfgs(int dimension, double learningRate, double maxIter, double maxEval, double toleranceGrad,
                 double toleranceChange, double historySize, boolean strongWolfe) {
        super(dimension);
        Check.learningRate(learningRate);
        whole("max_iter", maxIter, 1);
        whole("max_eval", maxEval, 0);
        Check.atLeastZero("tolerance_grad", toleranceGrad);
        Check.atLeastZero("tolerance_change", toleranceChange);
        whole("history_size", historySize, 1);
        this.learningRate = learningRate;
        this.maxIter = (int) maxIter;
        this.maxEval = maxEval == 0 ? this.maxIter * 5 / 4 : (int) maxEval;
        this.toleranceGrad = toleranceGrad;
        this.toleranceChange = toleranceChange;
        this.historySize = (int) historySize;
        this.strongWolfe = strongWolfe;
        this.n = dimension;
        this.direction = state.add(new StateColumn("d", "Direction", 4, "search direction d"));
        this.evaluations = state.add(new StateColumn("evaluations", "Evaluations", 0,
                "closure calls in this step (one column for the whole step)", true));
        int kept = (int) Math.min(historySize, 10_000);
        this.oldDirs = new double[kept][];
        this.oldStps = new double[kept][];
        for (int i = 0; i < kept; i++) {
            oldDirs[i] = new double[dimension];
            oldStps[i] = new double[dimension];
        }
        this.ro = new double[kept];
        this.al = new double[kept];
        this.flatGrad = new double[dimension];
        this.prevFlatGrad = new double[dimension];
        this.q = new double[dimension];
        this.xInit = new double[dimension];
        this.trial = new double[dimension];
        this.gNew = new double[dimension];
        this.gPrev = new double[dimension];
        this.bracketG0 = new double[dimension];
        this.bracketG1 = new double[dimension];
    }

    private static boolean lineSearch(String name) {
        return switch (name) {
            case "strong_wolfe" -> true;
            case "none" -> false;
            default -> throw new InvalidSetting("line_search", name, "strong_wolfe or none");
        };
    }

    private static void whole(String name, double value, double least) {
        if (!(value >= least && value == Math.rint(value) && value <= 1e6)) {
            throw new InvalidSetting(name, value, "a whole number ≥ " + (long) least + " and ≤ 1000000");
        }
    }

    @Override
    public void step(long t, double[] x, double f, double[] gradient, double[] update, Narrator narrator,
                     Closure closure) {
        System.arraycopy(x, 0, xInit, 0, n);
        System.arraycopy(gradient, 0, flatGrad, 0, n);
        double loss = f;
        int currentEvals = 1;
        double lr = learningRate;
        double[] d = direction;
        if (maxAbs(flatGrad) > toleranceGrad) {
            int nIter = 0;
            while (nIter < maxIter) {
                nIter++;
                iterations++;
                if (iterations == 1) {
                    for (int i = 0; i < n; i++) {
                        d[i] = -flatGrad[i];
                    }
                    historyCount = 0;
                    historyStart = 0;
                    hDiag = 1;
                } else {
                    // y = g − g_prev and s = d·τ, written straight into the history slot they may take
                    int slot = historyCount == historySize ? historyStart : (historyStart + historyCount) % historySize;
                    double[] y = oldDirs[slot];
                    double[] s = oldStps[slot];
                    double[] ySaved = gNew;
                    double[] sSaved = trial;
                    System.arraycopy(y, 0, ySaved, 0, n);
                    System.arraycopy(s, 0, sSaved, 0, n);
                    double ys = 0;
                    for (int i = 0; i < n; i++) {
                        y[i] = flatGrad[i] - prevFlatGrad[i];
                        s[i] = d[i] * stepLength;
                    }
                    ys = dot(y, s);
                    if (ys > 1e-10) {
                        if (historyCount == historySize) {
                            historyStart = (historyStart + 1) % historySize;
                        } else {
                            historyCount++;
                        }
                        ro[slot] = 1. / ys;
                        hDiag = ys / dot(y, y);
                    } else {
                        System.arraycopy(ySaved, 0, y, 0, n); // not kept: the slot's old pair stays
                        System.arraycopy(sSaved, 0, s, 0, n);
                    }
                    for (int i = 0; i < n; i++) {
                        q[i] = -flatGrad[i];
                    }
                    for (int k = historyCount - 1; k >= 0; k--) {
                        int h = (historyStart + k) % historySize;
                        al[k] = dot(oldStps[h], q) * ro[h];
                        double a = -al[k];
                        for (int i = 0; i < n; i++) {
                            q[i] += a * oldDirs[h][i];
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        d[i] = q[i] * hDiag;
                    }
                    for (int k = 0; k < historyCount; k++) {
                        int h = (historyStart + k) % historySize;
                        double be = dot(oldDirs[h], d) * ro[h];
                        double a = al[k] - be;
                        for (int i = 0; i < n; i++) {
                            d[i] += a * oldStps[h][i];
                        }
                    }
                }
                System.arraycopy(flatGrad, 0, prevFlatGrad, 0, n);
                hasPrevFlatGrad = true;
                prevLoss = loss;
                stepLength = iterations == 1 ? Math.min(1., 1. / sumAbs(flatGrad)) * lr : lr;
                double gtd = dot(flatGrad, d);
                if (gtd > -toleranceChange) {
                    break;
                }
                int lsEvals = 0;
                boolean optCond = false;
                if (strongWolfe) {
                    lsEvals = strongWolfe(closure, x, loss, gtd, t, nIter);
                    loss = lineLoss;
                    System.arraycopy(lineGrad, 0, flatGrad, 0, n);
                    addGrad(x, stepLength, d);
                    optCond = maxAbs(flatGrad) <= toleranceGrad;
                } else {
                    addGrad(x, stepLength, d);
                    if (nIter != maxIter) {
                        loss = closure.valueAndGradient(x, flatGrad);
                        optCond = maxAbs(flatGrad) <= toleranceGrad;
                        lsEvals = 1;
                    }
                }
                currentEvals += lsEvals;
                if (narrator != null) {
                    narrator.line(Narrator.WHOLE_STEP, "τ", "step length of iteration " + nIter, "{}", stepLength,
                            stepLength);
                    narrator.line(Narrator.WHOLE_STEP, "f", "f after iteration " + nIter, "{}", loss, loss);
                }
                if (nIter == maxIter || currentEvals >= maxEval || optCond) {
                    break;
                }
                double largest = 0;
                for (int i = 0; i < n; i++) {
                    largest = Math.max(largest, Math.abs(d[i] * stepLength));
                }
                if (largest <= toleranceChange || Math.abs(loss - prevLoss) < toleranceChange) {
                    break;
                }
            }
        }
        Arrays.fill(evaluations, currentEvals);
        for (int i = 0; i < n; i++) {
            update[i] = xInit[i] - x[i];
            if (narrator != null) {
                narrator.line(i, "dₜ", "the last search direction", "{}", d[i], d[i]);
                narrator.line(i, "θₜ", "θ after " + currentEvals + " evaluations", "{}", x[i], x[i]);
            }
        }
    }

    /** x += τ·d, as torch's {@code p.add_(d, alpha=t)}. */
    private static void addGrad(double[] x, double stepLength, double[] d) {
        for (int i = 0; i < x.length; i++) {
            x[i] += stepLength * d[i];
        }
    }

    private double lineLoss;
    private double[] lineGrad;

    /** f and ∇f at x + τ·d (x itself unchanged), as torch's {@code _directional_evaluate}. */
    private double evaluate(Closure closure, double[] x, double stepLength, double[] d, double[] gradientOut) {
        for (int i = 0; i < n; i++) {
            trial[i] = x[i] + stepLength * d[i];
        }
        return closure.valueAndGradient(trial, gradientOut);
    }

    /**
     * torch's {@code _strong_wolfe} from x (= θ now), f, g = flatGrad, τ = stepLength along d: leaves the chosen τ in
     * stepLength, its f in lineLoss and its gradient in lineGrad, and returns the evaluations it made.
     */
    private int strongWolfe(Closure closure, double[] x, double f, double gtd, long step, int iteration) {
        double[] d = direction;
        double dNorm = maxAbs(d);
        double t = stepLength;
        double[] g = flatGrad;
        double fNew = evaluate(closure, x, t, d, gNew);
        int lsFuncEvals = 1;
        double gtdNew = dot(gNew, d);
        double tPrev = 0;
        double fPrev = f;
        System.arraycopy(g, 0, gPrev, 0, n);
        double gtdPrev = gtd;
        boolean done = false;
        int lsIter = 0;
        // the bracket: two points (or one when done)
        double b0 = 0;
        double b1 = 0;
        double bf0 = 0;
        double bf1 = 0;
        double bgtd0 = 0;
        double bgtd1 = 0;
        boolean single = false;
        boolean bracketed = false;
        while (lsIter < MAX_LS) {
            if (fNew > (f + C1 * t * gtd) || (lsIter > 1 && fNew >= fPrev)) {
                b0 = tPrev; b1 = t; bf0 = fPrev; bf1 = fNew; bgtd0 = gtdPrev; bgtd1 = gtdNew;
                System.arraycopy(gPrev, 0, bracketG0, 0, n);
                System.arraycopy(gNew, 0, bracketG1, 0, n);
                bracketed = true;
                break;
            }
            if (Math.abs(gtdNew) <= -C2 * gtd) {
                b0 = t; bf0 = fNew;
                System.arraycopy(gNew, 0, bracketG0, 0, n);
                single = true;
                done = true;
                bracketed = true;
                break;
            }
            if (gtdNew >= 0) {
                b0 = tPrev; b1 = t; bf0 = fPrev; bf1 = fNew; bgtd0 = gtdPrev; bgtd1 = gtdNew;
                System.arraycopy(gPrev, 0, bracketG0, 0, n);
                System.arraycopy(gNew, 0, bracketG1, 0, n);
                bracketed = true;
                break;
            }
            double minStep = t + 0.01 * (t - tPrev);
            double maxStep = t * 10;
            double tmp = t;
            t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, minStep, maxStep);
            tPrev = tmp;
            fPrev = fNew;
            System.arraycopy(gNew, 0, gPrev, 0, n);
            gtdPrev = gtdNew;
            fNew = evaluate(closure, x, t, d, gNew);
            lsFuncEvals++;
            gtdNew = dot(gNew, d);
            lsIter++;
        }
        if (lsIter == MAX_LS) {
            // torch: bracket = [0, t], bracket_f = [f, f_new], bracket_g = [g, g_new] (bracket_gtd as it was)
            b0 = 0; b1 = t; bf0 = f; bf1 = fNew;
            System.arraycopy(g, 0, bracketG0, 0, n);
            System.arraycopy(gNew, 0, bracketG1, 0, n);
            single = false;
            if (!bracketed) {
                bgtd0 = Double.NaN;
                bgtd1 = Double.NaN;
            }
        }
        boolean insufProgress = false;
        int low = bf0 <= (single ? bf0 : bf1) ? 0 : 1;
        int high = 1 - low;
        while (!done && lsIter < MAX_LS) {
            if (Math.abs(b1 - b0) * dNorm < toleranceChange) {
                break;
            }
            t = cubicInterpolate(b0, bf0, bgtd0, b1, bf1, bgtd1, Double.NaN, Double.NaN);
            double bMax = Math.max(b0, b1);
            double bMin = Math.min(b0, b1);
            double eps = 0.1 * (bMax - bMin);
            if (Math.min(bMax - t, t - bMin) < eps) {
                if (insufProgress || t >= bMax || t <= bMin) {
                    if (Math.abs(t - bMax) < Math.abs(t - bMin)) {
                        t = bMax - eps;
                    } else {
                        t = bMin + eps;
                    }
                    insufProgress = false;
                } else {
                    insufProgress = true;
                }
            } else {
                insufProgress = false;
            }
            fNew = evaluate(closure, x, t, d, gNew);
            lsFuncEvals++;
            gtdNew = dot(gNew, d);
            lsIter++;
            double lowF = low == 0 ? bf0 : bf1;
            if (fNew > (f + C1 * t * gtd) || fNew >= lowF) {
                if (high == 0) {
                    b0 = t; bf0 = fNew; bgtd0 = gtdNew;
                    System.arraycopy(gNew, 0, bracketG0, 0, n);
                } else {
                    b1 = t; bf1 = fNew; bgtd1 = gtdNew;
                    System.arraycopy(gNew, 0, bracketG1, 0, n);
                }
                low = bf0 <= bf1 ? 0 : 1;
                high = 1 - low;
            } else {
                if (Math.abs(gtdNew) <= -C2 * gtd) {
                    done = true;
                } else if (gtdNew * ((high == 0 ? b0 : b1) - (low == 0 ? b0 : b1)) >= 0) {
                    if (high == 0) {
                        b0 = b1; bf0 = bf1; bgtd0 = bgtd1;
                        System.arraycopy(bracketG1, 0, bracketG0, 0, n);
                    } else {
                        b1 = b0; bf1 = bf0; bgtd1 = bgtd0;
                        System.arraycopy(bracketG0, 0, bracketG1, 0, n);
                    }
                }
                if (low == 0) {
                    b0 = t; bf0 = fNew; bgtd0 = gtdNew;
                    System.arraycopy(gNew, 0, bracketG0, 0, n);
                } else {
                    b1 = t; bf1 = fNew; bgtd1 = gtdNew;
                    System.arraycopy(gNew, 0, bracketG1, 0, n);
                }
            }
        }
        stepLength = low == 0 ? b0 : b1;
        lineLoss = low == 0 ? bf0 : bf1;
        lineGrad = low == 0 ? bracketG0 : bracketG1;
        if (!(lineLoss < f) || !Double.isFinite(lineLoss)) {
            throw new LineSearchFailed("the strong Wolfe line search of step " + step + " (iteration " + iteration
                    + ") found no point along d where f decreases below " + f + " (" + lsFuncEvals + " evaluations)");
        }
        return lsFuncEvals;
    }

    /** torch's {@code _cubic_interpolate}; NaN bounds stand for "the interval of x1 and x2". */
    static double cubicInterpolate(double x1, double f1, double g1, double x2, double f2, double g2,
                                   double minBound, double maxBound) {
        double xminBound;
        double xmaxBound;
        if (Double.isNaN(minBound)) {
            xminBound = x1 <= x2 ? x1 : x2;
            xmaxBound = x1 <= x2 ? x2 : x1;
        } else {
            xminBound = minBound;
            xmaxBound = maxBound;
        }
        double d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2);
        double d2Square = d1 * d1 - g1 * g2;
        if (d2Square >= 0) {
            double d2 = Math.sqrt(d2Square);
            double minPos;
            if (x1 <= x2) {
                minPos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2));
            } else {
                minPos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
            }
            return Math.min(Math.max(minPos, xminBound), xmaxBound);
        }
        return (xminBound + xmaxBound) / 2.;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double maxAbs(double[] a) {
        double largest = 0;
        for (double v : a) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }

    private static double sumAbs(double[] a) {
        double sum = 0;
        for (double v : a) {
            sum += Math.abs(v);
        }
        return sum;
    }
}
