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
}
