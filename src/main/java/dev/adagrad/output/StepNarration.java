package dev.adagrad.output;

import dev.adagrad.run.RunResult;
import dev.adagrad.run.StepRecord;
import dev.adagrad.run.StepThrough;
import java.io.StringWriter;
import java.util.List;

/**
 * The narration of one optimizer's steps in {@code adagrad step}: exactly the text {@code explain} prints for each
 * step (an {@link ExplainWriter} underneath), taken step by step so that the screen can show any recorded step's.
 */
public final class StepNarration implements StepThrough.Narration {

    private final StringWriter buffer = new StringWriter();
    private final ExplainWriter writer;

    public StepNarration(List<String> variables) {
        this.writer = new ExplainWriter(buffer, variables, "");
    }

    @Override
    public void partial(int variable, double forward, double backward, double value) {
        writer.partial(variable, forward, backward, value);
    }

    @Override
    public void exact(int variable, double value) {
        writer.exact(variable, value);
    }

    @Override
    public void line(int variable, String symbol, String formula, String substituted, double value,
                     double... arguments) {
        writer.line(variable, symbol, formula, substituted, value, arguments);
    }

    @Override
    public String step(StepRecord row) {
        writer.onStep(row);
        return take();
    }

    @Override
    public String diverged(RunResult result) {
        writer.end(result);
        return take();
    }

    @Override
    public void resume(StepRecord row) {
        writer.resume(row);
        buffer.getBuffer().setLength(0);
    }

    private String take() {
        String text = buffer.toString().strip();
        buffer.getBuffer().setLength(0);
        return text;
    }
}
