package dev.adagrad.output;

import dev.adagrad.fit.EpochListener;
import dev.adagrad.fit.EpochRecord;
import dev.adagrad.fit.FitResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the printed epochs of a fit: {@code epoch,step,loss,<parameters>} (and {@code accuracy} last for a
 * classifier) as CSV or JSON Lines, or an aligned table for people that ends with the final loss, accuracy and every
 * parameter. Writers never compute: everything is in the {@link EpochRecord} or the {@link FitResult}.
 */
public abstract class FitWriter implements EpochListener {

    /** Beyond this many parameters the table shows the first ones and says so. */
    static final int TABLE_PARAMETERS = 3;

    final Writer out;
    final FitShape shape;
    /** The optimizer's name as a leading column, for one of several fits side by side; null for a single fit. */
    final String optimizer;

    FitWriter(Writer out, FitShape shape, String optimizer) {
        this.out = out;
        this.shape = shape;
        this.optimizer = optimizer;
    }

    /** A writer of {@code format} over {@code out}; a table as wide as it needs (up to three parameters). */
    public static FitWriter of(Format format, Writer out, FitShape shape) {
        return of(format, out, shape, Format.WIDE);
    }

    /** A writer of {@code format} over {@code out}; a table no wider than {@code width}, by showing fewer parameters. */
    public static FitWriter of(Format format, Writer out, FitShape shape, int width) {
        return switch (format) {
            case table -> shape.kerasLines() ? new KerasLines(out, shape) : new Table(out, shape, width);
            case csv -> new Csv(out, shape, null);
            case jsonl -> new JsonLines(out, shape, null);
        };
    }

    /**
     * A CSV or JSON Lines writer whose rows start with {@code optimizer}, for several fits written one after the
     * other as long rows; it writes no header (see {@link #longHeader}).
     */
    public static FitWriter labelled(Format format, Writer out, FitShape shape, String optimizer) {
        return switch (format) {
            case csv -> new Csv(out, shape, optimizer);
            case jsonl -> new JsonLines(out, shape, optimizer);
            case table -> throw new IllegalArgumentException("long rows are CSV or JSON Lines");
        };
    }

    /** The header of long rows: {@code optimizer,epoch,step,loss,…} for CSV, nothing for JSON Lines. */
    public static String longHeader(Format format, FitShape shape) {
        return format == Format.csv ? "optimizer," + String.join(",", keys(shape)) + "\n" : "";
    }

    /**
     * The machine-readable keys: epoch, step, loss, the parameters that are columns, accuracy for a classifier, then
     * val_loss (and val_accuracy) with validation rows.
     */
    public static List<String> keys(FitShape shape) {
        List<String> keys = new ArrayList<>(List.of("epoch", "step", "loss"));
        keys.addAll(shape.parameters());
        if (shape.classification()) {
            keys.add("accuracy");
        }
        if (shape.validation()) {
            keys.add("val_loss");
            if (shape.classification()) {
                keys.add("val_accuracy");
            }
        }
        return keys;
    }

    /** What comes before the first epoch. */
    public abstract void begin();

    /** What comes after the last printed epoch; then flushes. */
    public abstract void end(FitResult result);

    void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Csv extends FitWriter {

        private final String prefix;

        Csv(Writer out, FitShape shape, String optimizer) {
            super(out, shape, optimizer);
            this.prefix = optimizer == null ? "" : optimizer + ",";
        }

        @Override
        public void begin() {
            if (optimizer == null) {
                write(String.join(",", keys(shape)) + "\n");
            }
        }

        @Override
        public void onEpoch(EpochRecord record) {
            write(prefix);
            write(Long.toString(record.epoch()));
            write(",");
            write(Long.toString(record.step()));
            write(",");
            write(NumberText.shortest(record.loss()));
            for (int i = 0; i < shape.parameters().size(); i++) {
                write(",");
                write(NumberText.shortest(record.parameter(i)));
            }
            if (shape.classification()) {
                write(",");
                write(NumberText.shortest(record.accuracy()));
            }
            if (shape.validation()) {
                write(",");
                write(NumberText.shortest(record.validationLoss()));
                if (shape.classification()) {
                    write(",");
                    write(NumberText.shortest(record.validationAccuracy()));
                }
            }
            write("\n");
        }

        @Override
        public void end(FitResult result) {
            flush();
        }
    }

    private static final class JsonLines extends FitWriter {

        private final String[] keys;

        JsonLines(Writer out, FitShape shape, String optimizer) {
            super(out, shape, optimizer);
            List<String> names = keys(shape);
            keys = new String[names.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = (i == 0 ? "{" : ",") + JsonLinesWriter.quote(names.get(i)) + ":";
            }
            if (optimizer != null) {
                keys[0] = "{\"optimizer\":" + JsonLinesWriter.quote(optimizer) + "," + keys[0].substring(1);
            }
        }

        @Override
        public void begin() {
        }

        @Override
        public void onEpoch(EpochRecord record) {
            write(keys[0]);
            write(Long.toString(record.epoch()));
            write(keys[1]);
            write(Long.toString(record.step()));
            write(keys[2]);
            number(record.loss());
            for (int i = 0; i < shape.parameters().size(); i++) {
                write(keys[3 + i]);
                number(record.parameter(i));
            }
            int key = 3 + shape.parameters().size();
            if (shape.classification()) {
                write(keys[key++]);
                number(record.accuracy());
            }
            if (shape.validation()) {
                write(keys[key++]);
                number(record.validationLoss());
                if (shape.classification()) {
                    write(keys[key]);
                    number(record.validationAccuracy());
                }
            }
            write("}\n");
        }

        private void number(double value) {
            write(Double.isFinite(value) ? NumberText.shortest(value) : "null");
        }

        @Override
        public void end(FitResult result) {
            flush();
        }
    }

    /**
     * {@code Epoch | Step | Loss | <up to three parameters> | Accuracy}, six decimals, then a summary: the epochs and
     * steps, the final loss and accuracy, and every final parameter to ten significant digits.
     */
    private static final class Table extends FitWriter {

        private static final int DECIMALS = 6;

        private final int epochWidth;
        private final int stepWidth;
        private final int shown;
        /** The columns the table must fit; {@link Format#WIDE} for no limit. */
        private final int limit;
        private final int width = NumberText.fixedWidth(DECIMALS);

        Table(Writer out, FitShape shape, int limit) {
            super(out, shape, null);
            this.epochWidth = Math.max(5, Long.toString(shape.epochs()).length());
            this.stepWidth = Math.max(4, Long.toString(shape.steps()).length());
            this.limit = limit;
            this.shown = fitting(limit);
        }

        /**
         * How many of the first parameters (three at most) the table shows within {@code limit} columns: Epoch, Step,
         * Loss, accuracy and validation are always shown, and the parameters that still fit, each as wide as its
         * name or its numbers; the line above the table says how many are left out (CSV has them all).
         */
        private int fitting(long limit) {
            int columns = 1 + (shape.classification() ? 1 : 0)
                    + (shape.validation() ? (shape.classification() ? 2 : 1) : 0); // Loss, accuracy, validation
            long used = epochWidth + 3 + stepWidth + (long) columns * (3 + width);
            int most = Math.min(TABLE_PARAMETERS, shape.parameters().size());
            for (int i = 0; i < most; i++) {
                used += 3 + Math.max(width, shape.parameters().get(i).length());
                if (used > limit) {
                    return i;
                }
            }
            return most;
        }

        @Override
        public void begin() {
            int parameters = shape.parameters().size();
            if (shown < Math.min(TABLE_PARAMETERS, parameters)) { // the width left some out
                write("(" + parameters + " parameters; " + (shown == 0 ? "none fits" : "the first " + shown
                        + (shown == 1 ? " fits" : " fit")) + " in " + limit + " columns, --format csv shows all)\n");
            } else if (parameters > shown) {
                write("(" + parameters + " parameters; the table shows the first " + shown
                        + ", --format csv shows all)\n");
            }
            StringBuilder header = new StringBuilder();
            header.append(pad("Epoch", epochWidth)).append(" | ").append(pad("Step", stepWidth)).append(" | ")
                    .append(pad("Loss", width));
            for (int i = 0; i < shown; i++) {
                header.append(" | ").append(pad(shape.parameters().get(i), width));
            }
            if (shape.classification()) {
                header.append(" | ").append(pad("Accuracy", width));
            }
            if (shape.validation()) {
                header.append(" | ").append(pad("Val loss", width));
                if (shape.classification()) {
                    header.append(" | ").append(pad("Val acc.", width));
                }
            }
            write(header.toString().stripTrailing() + "\n" + "-".repeat(header.length()) + "\n");
        }

        private static String pad(String text, int width) {
            return text.length() >= width ? text : text + " ".repeat(width - text.length());
        }

        private static String right(String text, int width) {
            return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
        }

        @Override
        public void onEpoch(EpochRecord record) {
            StringBuilder line = new StringBuilder();
            line.append(right(Long.toString(record.epoch()), epochWidth)).append(" | ")
                    .append(right(Long.toString(record.step()), stepWidth)).append(" | ")
                    .append(right(NumberText.fixed(record.loss(), DECIMALS), width));
            for (int i = 0; i < shown; i++) {
                line.append(" | ").append(right(NumberText.fixed(record.parameter(i), DECIMALS), width));
            }
            if (shape.classification()) {
                line.append(" | ").append(right(NumberText.fixed(record.accuracy(), DECIMALS), width));
            }
            if (shape.validation()) {
                line.append(" | ").append(right(NumberText.fixed(record.validationLoss(), DECIMALS), width));
                if (shape.classification()) {
                    line.append(" | ").append(right(NumberText.fixed(record.validationAccuracy(), DECIMALS),
                            width));
                }
            }
            write(line.append('\n').toString());
        }

        @Override
        public void end(FitResult result) {
            if (!result.diverged()) {
                String ending = switch (result.stop()) {
                    case INTERRUPTED -> "Interrupted (the epochs completed before it): ";
                    case TIME_LIMIT -> "Stopped by --max-seconds (the epochs completed before it): ";
                    default -> "Done: ";
                };
                StringBuilder summary = new StringBuilder(ending).append(result.epochs())
                        .append(result.epochs() == 1 ? " epoch, " : " epochs, ").append(result.steps())
                        .append(result.steps() == 1 ? " step" : " steps").append("; loss = ")
                        .append(NumberText.significant(result.loss(), 10));
                if (shape.classification()) {
                    summary.append(", accuracy = ").append(NumberText.significant(result.accuracy(), 10));
                }
                write(summary.append('\n').toString());
                if (shape.parameters().isEmpty()) {
                    flush();
                    return;
                }
                StringBuilder parameters = new StringBuilder("Final parameters: ");
                for (int i = 0; i < shape.parameters().size(); i++) {
                    parameters.append(i == 0 ? "" : ", ").append(shape.parameters().get(i)).append(" = ")
                            .append(NumberText.significant(result.parameters()[i], 10));
                }
                write(parameters.append('\n').toString());
            }
            flush();
        }
    }

    /**
     * Keras's lines, one an epoch: {@code Epoch 3/50 - loss: 0.6870 - accuracy: 0.5610 - val_loss: … -
     * val_accuracy: …}, four decimals as {@code model.fit} prints them; epoch 0, the start, says so. Then the summary
     * line of the table, with ten significant digits.
     */
    private static final class KerasLines extends FitWriter {

        KerasLines(Writer out, FitShape shape) {
            super(out, shape, null);
        }

        @Override
        public void begin() {
        }

        @Override
        public void onEpoch(EpochRecord record) {
            StringBuilder line = new StringBuilder("Epoch ").append(record.epoch()).append('/').append(shape.epochs());
            if (record.epoch() == 0) {
                line.append(" (start)");
            }
            line.append(" - loss: ").append(NumberText.fixed(record.loss(), 4));
            if (shape.classification()) {
                line.append(" - accuracy: ").append(NumberText.fixed(record.accuracy(), 4));
            }
            if (shape.validation()) {
                line.append(" - val_loss: ").append(NumberText.fixed(record.validationLoss(), 4));
                if (shape.classification()) {
                    line.append(" - val_accuracy: ").append(NumberText.fixed(record.validationAccuracy(), 4));
                }
            }
            write(line.append('\n').toString());
        }

        @Override
        public void end(FitResult result) {
            new Table(out, shape, Format.WIDE).end(result);
        }
    }
}
