package dev.adagrad.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A synthetic dataset: columns {@code x1,…,xd,y}, rows drawn from a {@link SplittableRandom} seeded with the given seed,
 * so the same settings always give the same file. Gaussian values come from the Box–Muller transform of that stream
 * (not {@code RandomGenerator.nextGaussian}, whose algorithm a JDK may change).
 */
public abstract class DatasetGenerator {

    public static final DatasetGenerator LINEAR = new Linear();
    public static final DatasetGenerator CLASSIFICATION = new Classification();
    public static final DatasetGenerator SPARSE_LOGISTIC = new SparseLogistic();

    private static final List<DatasetGenerator> ALL = List.of(LINEAR, CLASSIFICATION, SPARSE_LOGISTIC);

    private final String name;
    private final int defaultFeatures;
    private final int minFeatures;
    private final String description;

    DatasetGenerator(String name, int defaultFeatures, int minFeatures, String description) {
        this.name = name;
        this.defaultFeatures = defaultFeatures;
        this.minFeatures = minFeatures;
        this.description = description;
    }

    public static List<DatasetGenerator> all() {
        return ALL;
    }

    public static Optional<DatasetGenerator> named(String name) {
        return ALL.stream().filter(generator -> generator.name.equals(name)).findFirst();
    }

    public String name() {
        return name;
    }

    public int defaultFeatures() {
        return defaultFeatures;
    }

    public int minFeatures() {
        return minFeatures;
    }

    /** What the rows are, for help texts. */
    public String description() {
        return description;
    }

    /** Whether {@code --density} means anything to this generator. */
    public boolean usesDensity() {
        return false;
    }

    /** Whether {@code --noise} means anything to this generator. */
    public boolean usesNoise() {
        return false;
    }

    /** x1, …, xd, y. */
    public static List<String> columns(int features) {
        List<String> columns = new ArrayList<>();
        for (int j = 1; j <= features; j++) {
            columns.add("x" + j);
        }
        columns.add("y");
        return columns;
    }

    /** Draws {@code settings.rows()} rows of {@code features + 1} values (the features, then y) into {@code sink}. */
    public abstract void generate(GeneratorSettings settings, RowSink sink);

    /** A standard normal value by Box–Muller (the cosine half). */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble(); // (0, 1]: log(u) is finite
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** y = 1·x1 + 2·x2 + … + d·xd + 0.5 + noise, xⱼ and the noise Gaussian. */
    private static final class Linear extends DatasetGenerator {

        Linear() {
            super("linear", 1, 1, "y = 1*x1 + 2*x2 + ... + d*xd + 0.5 + noise; x and noise Gaussian (noise sd "
                    + "--noise, default 0.1)");
        }

        @Override
        public boolean usesNoise() {
            return true;
        }

        @Override
        public void generate(GeneratorSettings settings, RowSink sink) {
            SplittableRandom random = new SplittableRandom(settings.seed());
            int d = settings.features();
            double[] row = new double[d + 1];
            for (long r = 0; r < settings.rows(); r++) {
                double y = 0.5;
                for (int j = 0; j < d; j++) {
                    row[j] = gaussian(random);
                    y += (j + 1) * row[j];
                }
                row[d] = y + settings.noise() * gaussian(random);
                sink.row(row);
                if (sink.stopped()) {
                    return;
                }
            }
        }
    }

    /**
     * Like scikit-learn's {@code make_classification} with its defaults (two informative features, two redundant ones,
     * two clusters per class, class_sep 1, flip_y 0.01), without its feature shuffling: x1, x2 informative, x3, x4
     * (when d ≥ 3, 4) random linear combinations of them, the rest Gaussian noise.
     *
     * <p>Class +1 has its clusters at the square's vertices (1, −1) and (1, 1), class −1 at (−1, −1) and (−1, 1);
     * each cluster's points are its vertex plus a standard normal vector times a random 2×2 matrix with entries
     * uniform in [−1, 1]. Exactly ⌊rows/2⌋ rows are drawn for class +1 and the rest for −1, in random order; then
     * each label is replaced by a random one with probability 0.01.
     */
    private static final class Classification extends DatasetGenerator {

        private static final double FLIP = 0.01;

        Classification() {
            super("classification", 4, 2, "like scikit-learn's make_classification: x1, x2 informative, x3, x4 "
                    + "linear combinations of them, the rest noise; labels -1/1, balanced");
        }

        @Override
        public void generate(GeneratorSettings settings, RowSink sink) {
            SplittableRandom random = new SplittableRandom(settings.seed());
            int d = settings.features();
            int redundant = Math.min(2, d - 2);
            double[][][] transform = new double[4][2][2];
            for (double[][] matrix : transform) {
                for (double[] line : matrix) {
                    line[0] = uniform(random, -1, 1);
                    line[1] = uniform(random, -1, 1);
                }
            }
            double[][] combination = new double[redundant][2];
            for (double[] line : combination) {
                line[0] = uniform(random, -1, 1);
                line[1] = uniform(random, -1, 1);
            }
            double[] row = new double[d + 1];
            long remaining = settings.rows();
            long positives = settings.rows() / 2;
            for (long r = 0; r < settings.rows(); r++) {
                boolean positive = random.nextLong(remaining) < positives;
                remaining--;
                if (positive) {
                    positives--;
                }
                int cluster = (positive ? 2 : 0) + random.nextInt(2);
                double[][] a = transform[cluster];
                double z1 = gaussian(random);
                double z2 = gaussian(random);
                row[0] = (positive ? 1 : -1) + z1 * a[0][0] + z2 * a[1][0];
                row[1] = (cluster % 2 == 0 ? -1 : 1) + z1 * a[0][1] + z2 * a[1][1];
                for (int k = 0; k < redundant; k++) {
                    row[2 + k] = row[0] * combination[k][0] + row[1] * combination[k][1];
                }
                for (int j = 2 + redundant; j < d; j++) {
                    row[j] = gaussian(random);
                }
                double label = positive ? 1 : -1;
                if (random.nextDouble() < FLIP) {
                    label = random.nextBoolean() ? 1 : -1;
                }
                row[d] = label;
                sink.row(row);
                if (sink.stopped()) {
                    return;
                }
            }
        }
    }

    /**
     * Binary features, each present (1) in a row with a small probability, and a label drawn from a logistic model.
     * The last {@link #rare} features are rare (present with probability density/5) and strongly predictive (true
     * weights alternately +5 and −5); the others are present with probability density and have true weights uniform
     * in [−1, 1], drawn first from the seeded stream. The label is 1 with probability sigmoid(Σ wⱼxⱼ), else −1.
     */
    static final class SparseLogistic extends DatasetGenerator {

        static final double RARE_WEIGHT = 5;
        static final double RARE_DENSITY_FACTOR = 0.2;

        SparseLogistic() {
            super("sparse-logistic", 50, 1, "binary features present with probability --density (default 0.05); "
                    + "the last d/10 are rare (density/5) and strongly predictive; labels -1/1 from a logistic model");
        }

        /** The number of rare, strongly predictive features among d: d/10, at least 1. */
        static int rare(int d) {
            return Math.max(1, d / 10);
        }

        @Override
        public boolean usesDensity() {
            return true;
        }

        @Override
        public void generate(GeneratorSettings settings, RowSink sink) {
            SplittableRandom random = new SplittableRandom(settings.seed());
            int d = settings.features();
            int frequent = d - rare(d);
            double[] weights = new double[d];
            for (int j = 0; j < d; j++) {
                boolean isRare = j >= frequent;
                weights[j] = isRare ? ((j - frequent) % 2 == 0 ? RARE_WEIGHT : -RARE_WEIGHT) : uniform(random, -1, 1);
            }
            // Presence by geometric skipping: the gap before the next present feature is ⌊log U / log(1 − p)⌋, which
            // gives every feature an independent Bernoulli(p) draw in time proportional to the features present
            // (a row of 10⁶ features with 50 present costs 50 draws, not 10⁶).
            int[] present = new int[d];
            for (long r = 0; r < settings.rows(); r++) {
                int count = presentFeatures(random, 0, frequent, settings.density(), present, 0);
                count = presentFeatures(random, frequent, d, settings.density() * RARE_DENSITY_FACTOR, present,
                        count);
                double z = 0;
                for (int k = 0; k < count; k++) {
                    z += weights[present[k]];
                }
                double p = 1 / (1 + Math.exp(-z));
                sink.sparseRow(d, present, count, random.nextDouble() < p ? 1 : -1);
                if (sink.stopped()) {
                    return;
                }
            }
        }

        /** Appends the features in [from, to) that are present, each with probability p, to {@code present}. */
        private static int presentFeatures(SplittableRandom random, int from, int to, double p, int[] present,
                                           int count) {
            double logAbsent = Math.log1p(-p);
            long j = from - 1L;
            while (true) {
                double u = 1.0 - random.nextDouble(); // (0, 1]
                double gap = p >= 1 ? 0 : Math.floor(Math.log(u) / logAbsent);
                j += 1 + (long) Math.min(gap, Integer.MAX_VALUE);
                if (j >= to) {
                    return count;
                }
                present[count++] = (int) j;
            }
        }
    }
}
