package dev.adagrad.output.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.CsvTable;
import dev.adagrad.expr.CentralDifference;
import dev.adagrad.expr.Objective;
import dev.adagrad.optim.Adagrad;
import dev.adagrad.optim.Compat;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.output.Format;
import dev.adagrad.output.RunShape;
import dev.adagrad.output.RunWriter;
import dev.adagrad.output.picture.Backdrop;
import dev.adagrad.output.picture.PlotData;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.Runner;
import dev.adagrad.run.Trajectory;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's data: the CSV's numbers, bounded in size, each run in its look, and nothing fetched from outside. */
class PageTest {

    private static final Objective BOWL = Objective.of("w^2+10*b^2");

    private static Optimizer adagrad() {
        return Adagrad.SPEC.create(2, Compat.torch, Map.of("lr", 0.3));
    }

    @Test
    void theRowsHoldTheCsvsNumbersAndStayBoundedOnALongRun() {
        Optimizer optimizer = adagrad();
        StringWriter csv = new StringWriter();
        RunWriter writer = Format.csv.writer(csv, new RunShape(BOWL.variables(), optimizer.stateColumns(), 50, null));
        PageRows rows = new PageRows(BOWL.variables(), optimizer.stateColumns());
        writer.begin();
        RunResult result = new Runner(BOWL, CentralDifference.scaled(), optimizer).run(new double[] {1, 1}, 50, 0,
                writer.andThen(rows));
        writer.end(result);
        CsvTable table = new CsvTable(csv.toString());
        assertEquals(table.header(), rows.keys(), "the CSV's columns, in its order");
        assertEquals(51, rows.size());
        for (int k = 0; k < rows.size(); k++) {
            for (int c = 0; c < rows.keys().size(); c++) {
                String cell = table.cell(k, rows.keys().get(c));
                double value = rows.value(k, c);
                if (cell.isEmpty()) {
                    assertTrue(Double.isNaN(value), "row " + k + " " + rows.keys().get(c) + " is empty in the CSV");
                } else {
                    assertEquals(Double.parseDouble(cell), value, 0, "row " + k + " " + rows.keys().get(c));
                }
            }
        }

        // 1001 rows into a capacity of 64: every 16th step is kept (32 to 64 rows), and the last one.
        PageRows small = new PageRows(BOWL.variables(), adagrad().stateColumns(), 64);
        new Runner(BOWL, CentralDifference.scaled(), adagrad()).run(new double[] {1, 1}, 1000, 0, small);
        assertTrue(small.size() >= 33 && small.size() <= 65, small.size() + " rows");
        for (int k = 0; k < small.size() - 1; k++) {
            assertEquals(16L * k, (long) small.value(k, 0));
        }
        assertEquals(1000L, (long) small.value(small.size() - 1, 0), "the last step is kept");
    }

    private static Page.Content content(String title) {
        Optimizer optimizer = adagrad();
        PageRows rows = new PageRows(BOWL.variables(), optimizer.stateColumns());
        Trajectory path = new Trajectory(2);
        new Runner(BOWL, CentralDifference.scaled(), optimizer).run(new double[] {1, 1}, 20, 0,
                rows.andThen(path));
        PlotData data = new PlotData(title, BOWL.variables(), BOWL, List.of(),
                List.of(new PlotData.Run("adagrad", path, -1)));
        return new Page.Content(title, BOWL.variables(), Backdrop.of(data, 100, 80), List.of(),
                List.of(new Page.Run("adagrad", "adagrad", rows, -1)));
    }

    @Test
    void theDataNamesEachRunsLookAndTheContoursAreInside() {
        String json = Page.json(content("bowl"));
        assertTrue(json.contains("\"name\":\"adagrad\",\"label\":\"adagrad\",\"colour\":\"#009e73\",\"dash\":[]"),
                json.substring(0, Math.min(400, json.length())));
        assertTrue(json.contains("\"contours\":\"data:image/png;base64,iVBORw0KGgo"), "a PNG, inline");
        assertTrue(json.contains("\"columns\":[\"step\",\"f\",\"w\",\"b\",\"grad_w\",\"grad_b\",\"G_w\",\"G_b\","
                + "\"lr_w\",\"lr_b\",\"update_w\",\"update_b\"]"));
        // Row 0 has no gradient, state or update: null, as JSON Lines writes an empty cell.
        assertTrue(json.contains("\"rows\":[[0,11.0,1.0,1.0,null,null,null,null,null,null,null,null],[1,"));
    }

    @Test
    void thePageIsSelfContainedAndATitleCannotEndItsScript() {
        String html = Page.html(content("x</script><script>alert(1)//"));
        assertFalse(html.contains("</script><script>alert"), "the title's markup is escaped");
        assertTrue(html.contains("x\\u003c/script>\\u003cscript>alert(1)//"));
        assertFalse(html.contains("http://") || html.contains("https://"), "nothing to fetch");
        assertFalse(html.matches("(?s).*<(script|img|link)[^>]+(src|href)=.*"), "no external script, image or style");
        assertTrue(html.length() < 200_000, html.length() + " characters");
    }
}
