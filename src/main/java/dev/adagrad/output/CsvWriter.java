package dev.adagrad.output;

import dev.adagrad.optim.StateColumn;
import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV with a header row, one row per step, numbers laid out as {@link Double#toString} lays them out with the
 * shortest digits that read back to the same double ({@link ShortestDecimal}), empty cells where row 0 has no value. Variable names cannot contain commas or quotes, so no cell needs
 * quoting.
 */
final class CsvWriter implements RunWriter {

    private final Writer out;
    private final List<Columns.Column> columns;
    private final ByteLine line = new ByteLine();

    CsvWriter(Writer out, List<String> variables, List<StateColumn> stateColumns) {
        this.out = out;
        this.columns = Columns.of(variables, stateColumns);
    }

    @Override
    public void begin() {
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(columns.get(i).key());
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void onStep(StepRecord row) {
        try {
            line.clear().number(row.step());
            for (int i = 1; i < columns.size(); i++) {
                line.append(',');
                Columns.Column column = columns.get(i);
                if (!row.isStart() || Columns.presentAtStart(column)) {
                    line.number(Columns.value(column, row));
                }
            }
            line.append('\n').writeTo(out);
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
}
