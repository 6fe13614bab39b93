package dev.adagrad.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generators' statistics against what their documentation promises. Tolerances are several binomial standard
 * deviations wide, so a correct generator passes for any seed and a wrong density or balance fails.
 */
class DatasetGeneratorTest {

    private static List<double[]> rows(DatasetGenerator generator, long rows, int features, double density,
                                       double noise, long seed) {
        List<double[]> out = new ArrayList<>();
        generator.generate(new GeneratorSettings(rows, features, density, noise, seed), row -> out.add(row.clone()));
        return out;
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        for (DatasetGenerator generator : DatasetGenerator.all()) {
            List<double[]> first = rows(generator, 50, 5, 0.3, 0.1, 7);
            List<double[]> again = rows(generator, 50, 5, 0.3, 0.1, 7);
            List<double[]> other = rows(generator, 50, 5, 0.3, 0.1, 8);
            assertEquals(50, first.size(), generator.name());
            for (int r = 0; r < first.size(); r++) {
                assertArrayEquals(first.get(r), again.get(r), generator.name());
                assertEquals(6, first.get(r).length, generator.name() + ": x1..x5 and y");
            }
            assertFalse(Arrays.deepEquals(first.toArray(), other.toArray()), generator.name());
        }
    }

    @Test
    void linearIsTheDocumentedLineWithGaussianNoise() {
        List<double[]> rows = rows(DatasetGenerator.LINEAR, 20_000, 2, 0, 0.1, 3);
        double sum = 0;
        double sumOfSquares = 0;
        double sumX = 0;
        double sumXX = 0;
        for (double[] row : rows) {
            double residual = row[2] - (1 * row[0] + 2 * row[1]); // y − (1·x1 + 2·x2) = 0.5 + noise
            sum += residual;
            sumOfSquares += residual * residual;
            sumX += row[0];
            sumXX += row[0] * row[0];
        }
        int n = rows.size();
        double mean = sum / n;
        double sd = Math.sqrt(sumOfSquares / n - mean * mean);
        assertEquals(0.5, mean, 0.005, "intercept 0.5 (sd of the mean 0.1/√20000 = 0.0007)");
        assertEquals(0.1, sd, 0.003, "noise sd 0.1");
        assertEquals(0, sumX / n, 0.03, "x standard normal: mean 0");
        assertEquals(1, sumXX / n, 0.05, "x standard normal: variance 1");
    }

    @Test
    void classificationIsBalancedWithInformativeFirstFeatureAndRedundantCombinations() {
        List<double[]> rows = rows(DatasetGenerator.CLASSIFICATION, 10_000, 6, 0, 0, 11);
        long positives = rows.stream().filter(row -> row[6] == 1).count();
        assertTrue(rows.stream().allMatch(row -> row[6] == 1 || row[6] == -1), "labels ±1");
        // exactly 5000 before the 1% flip, each flipped label random: 5000 ± a few tens
        assertEquals(5000, positives, 60);
        double meanPositive = rows.stream().filter(row -> row[6] == 1).mapToDouble(row -> row[0]).average()
                .orElseThrow();
        double meanNegative = rows.stream().filter(row -> row[6] == -1).mapToDouble(row -> row[0]).average()
                .orElseThrow();
        assertEquals(1, meanPositive, 0.1, "class +1 clusters sit at x1 = +1");
        assertEquals(-1, meanNegative, 0.1, "class -1 clusters sit at x1 = -1");
        // x3 and x4 are fixed combinations a·x1 + b·x2: solve a, b from two rows, check a third
        double[] p = rows.get(0);
        double[] q = rows.get(1);
        double det = p[0] * q[1] - p[1] * q[0];
        double a = (p[2] * q[1] - p[1] * q[2]) / det;
        double b = (p[0] * q[2] - p[2] * q[0]) / det;
        for (double[] row : rows.subList(2, 100)) {
            assertEquals(a * row[0] + b * row[1], row[2], 1e-9);
        }
    }

    @Test
    void sparseLogisticHasTheDocumentedDensitiesAndRoughlyBalancedLabels() {
        int d = 20;
        double density = 0.1;
        int n = 20_000;
        List<double[]> rows = rows(DatasetGenerator.SPARSE_LOGISTIC, n, d, density, 0, 5);
        int rare = DatasetGenerator.SparseLogistic.rare(d);
        assertEquals(2, rare, "d/10 rare features");
        long frequentPresent = 0;
        long rarePresent = 0;
        long positives = 0;
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                assertTrue(row[j] == 0 || row[j] == 1, "binary features");
                if (row[j] == 1) {
                    if (j < d - rare) {
                        frequentPresent++;
                    } else {
                        rarePresent++;
                    }
                }
            }
            assertTrue(row[d] == 1 || row[d] == -1);
            positives += row[d] == 1 ? 1 : 0;
        }
        double frequentDensity = frequentPresent / (double) ((long) n * (d - rare));
        double rareDensity = rarePresent / (double) ((long) n * rare);
        assertEquals(density, frequentDensity, 0.003, "sd √(0.09/360000) = 0.0005");
        assertEquals(density / 5, rareDensity, 0.003, "sd √(0.0196/40000) = 0.0007");
        assertEquals(0.5, positives / (double) n, 0.1, "weights symmetric about 0");
        // The first rare feature has weight +5: where present, the label is +1 with probability ≥ sigmoid(5 − 18)
        // at worst, but on average close to sigmoid(5) = 0.993 shifted by the other features; demand > 0.8.
        int firstRare = d - rare;
        double positiveWhenRare = rows.stream().filter(row -> row[firstRare] == 1).mapToDouble(row -> row[d] == 1 ? 1 : 0)
                .average().orElseThrow();
        assertTrue(positiveWhenRare > 0.8, "strongly predictive: " + positiveWhenRare);
    }
}
