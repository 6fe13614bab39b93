package dev.adagrad.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A CSV table split into a label column and the features, the target wherever it is. */
class LabelledRowsTest {

    @Test
    void theTargetInAnyColumnIsTheLabelAndTheOtherColumnsKeepTheirOrder() {
        // cell (r, c) holds 10·r + c, so every value says where it came from
        int rows = 5;
        int width = 4;
        double[] values = new double[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                values[r * width + c] = 10 * r + c;
            }
        }
        Dataset data = new Dataset("t.csv", List.of("a", "b", "c", "d"), rows, values);
        for (int target = 0; target < width; target++) {
            LabelledRows labelled = LabelledRows.fromDataset(data, target);
            assertEquals(rows, labelled.rows());
            assertEquals(width - 1, labelled.features());
            for (int r = 0; r < rows; r++) {
                assertEquals(10 * r + target, labelled.label(r), "target " + target + ", row " + r);
                int start = labelled.start(r);
                assertEquals(r * (width - 1), start);
                assertEquals(start + width - 1, labelled.end(r));
                int j = 0;
                for (int c = 0; c < width; c++) {
                    if (c != target) {
                        assertEquals(j, labelled.feature(start + j, start));
                        assertEquals(10 * r + c, labelled.values()[start + j], "target " + target + ", cell " + c);
                        assertEquals(String.valueOf((char) ('a' + c)), labelled.featureName(j));
                        j++;
                    }
                }
            }
        }
    }

    @Test
    void roomAfterTheRowsOfALoadersArrayIsNotRead() {
        // a loader may hand over its array with room to spare after the last row; NaN there would show in any sum
        double[] values = {1, 2, 3, 4, 5, 6, Double.NaN, Double.NaN, Double.NaN};
        Dataset data = new Dataset("t.csv", List.of("a", "b", "y"), 2, values);
        assertEquals(2, data.rows());
        LabelledRows labelled = LabelledRows.fromDataset(data, 2);
        assertEquals(2, labelled.rows());
        assertEquals(3, labelled.label(0));
        assertEquals(6, labelled.label(1));
        assertEquals(List.of(1.0, 2.0, 4.0, 5.0), java.util.Arrays.stream(labelled.values()).boxed().toList());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Dataset("t.csv", List.of("a", "b", "y"), 3, new double[8]));
    }
}
