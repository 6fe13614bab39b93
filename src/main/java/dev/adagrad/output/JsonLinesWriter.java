package dev.adagrad.output;

import dev.adagrad.optim.StateColumn;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * JSON Lines: one object per row with the CSV's keys in the CSV's order, {@code null} where the CSV cell is empty,
 * and non-finite numbers (which JSON cannot express) as {@code null} too.
 */
final class JsonLinesWriter implements RunWriter {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private final Writer out;
    private final List<Columns.Column> columns;
    private final byte[][] quotedKeys;
    private final ByteLine line = new ByteLine();

    JsonLinesWriter(Writer out, List<String> variables, List<StateColumn> stateColumns) {
        this.out = out;
        this.columns = Columns.of(variables, stateColumns);
        this.quotedKeys = columns.stream().map(column -> (quote(column.key()) + ":").getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
    }

    @Override
    public void begin() {
    }

    @Override
    public void onStep(StepRecord row) {
        try {
            line.clear().append('{').append(quotedKeys[0]).number(row.step());
            for (int i = 1; i < columns.size(); i++) {
                line.append(',').append(quotedKeys[i]);
                Columns.Column column = columns.get(i);
                double value = row.isStart() && !Columns.presentAtStart(column) ? Double.NaN
                        : Columns.value(column, row);
                if (Double.isFinite(value)) {
                    line.number(value);
                } else {
                    line.append(NULL);
                }
            }
            line.append('}').append('\n').writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void end(RunResult result) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String text) {
        return JsonText.quote(text);
    }
}
