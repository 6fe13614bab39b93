package dev.adagrad.fuzz;

import dev.adagrad.fuzz.ExpressionGrammar.Validity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random data files for {@code fit}: valid ones in the dialects README promises to read (quoted fields, CRLF,
 * a byte-order mark, blank lines, a text column the loss does not use), ones broken in a way README lists as bad data
 * (ragged rows, empty cells, text in a used column, a header only, an empty file, a duplicate column, no header,
 * labels that are not −1/1 or 0/1), and randomly damaged ones.
 */
final class CsvFiles {

    /**
     * A file's text and what it holds.
     *
     * @param features   the feature columns, in order
     * @param labels     whether the target holds class labels (−1/1 or 0/1)
     * @param textColumn whether there is a column "id" of text, which a loss may skip but a model may not
     */
    record DataFile(String content, List<String> features, boolean labels, boolean textColumn, Validity validity,
                    String why) {
    }

    private final SplittableRandom random;

    CsvFiles(SplittableRandom random) {
        this.random = random;
    }

    DataFile valid(boolean labels, boolean allowTextColumn) {
        int featureCount = 1 + random.nextInt(3);
        List<String> features = new ArrayList<>();
        for (int i = 1; i <= featureCount; i++) {
            features.add(featureCount == 1 && random.nextBoolean() ? "x" : "x" + i);
        }
        boolean textColumn = allowTextColumn && random.nextInt(4) == 0;
        List<String> header = new ArrayList<>(features);
        header.add(random.nextInt(3) == 0 ? 0 : header.size(), "y");
        if (textColumn) {
            header.add(random.nextInt(header.size() + 1), "id");
        }
        int rows = 1 + random.nextInt(6);
        boolean zeroOne = random.nextBoolean();
        List<List<String>> cells = new ArrayList<>();
        cells.add(header.stream().map(this::maybeQuoted).toList());
        for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>();
            for (String column : header) {
                String value;
                if (column.equals("id")) {
                    value = random.nextBoolean() ? "\"row, " + r + "\"" : "r" + r;
                } else if (column.equals("y") && labels) {
                    value = random.nextBoolean() ? "1" : zeroOne ? "0" : "-1";
                } else {
                    value = maybeQuoted(number());
                }
                row.add(value);
            }
            cells.add(row);
        }
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
        for (int i = 0; i < cells.size(); i++) {
            text.append(String.join(",", cells.get(i)));
            if (i < cells.size() - 1 || random.nextBoolean()) {
                text.append(newline);
            }
            if (i > 0 && i < cells.size() - 1 && random.nextInt(6) == 0) {
                text.append(newline); // a blank line between rows
            }
        }
        return new DataFile(text.toString(), features, labels, textColumn, Validity.VALID, "valid");
    }

    /** A valid file broken in one way README names as bad data. */
    DataFile invalid(boolean labels) {
        DataFile base = valid(labels, false);
        List<String> lines = new ArrayList<>(base.content().replace("\uFEFF", "").lines().filter(l -> !l.isBlank())
                .toList());
        int row = 1 + random.nextInt(lines.size() - 1);
        switch (random.nextInt(labels ? 8 : 7)) {
            case 0:
                lines.set(row, lines.get(row) + "," + number());
                return broken(lines, base, "a row with a field too many");
            case 1:
                lines.set(row, lines.get(row).substring(0, lines.get(row).lastIndexOf(',')));
                return broken(lines, base, "a row with a field too few");
            case 2: {
                String[] cells = lines.get(row).split(",", -1);
                cells[random.nextInt(cells.length)] = random.nextBoolean() ? "" : "\"\"";
                lines.set(row, String.join(",", cells));
                return broken(lines, base, "an empty cell");
            }
            case 3: {
                String[] cells = lines.get(row).split(",", -1);
                cells[random.nextInt(cells.length)] = randomOf(List.of("four", "\"1,5\"", "0x10", "1e400", "NaN",
                        "--1", "1 2"));
                lines.set(row, String.join(",", cells));
                return broken(lines, base, "a cell that is not a number");
            }
            case 4:
                return broken(random.nextBoolean() ? List.of(lines.get(0)) : List.of(), base,
                        "a header only, or nothing");
            case 5: {
                String[] names = lines.get(0).split(",", -1);
                names[names.length - 1] = names[0];
                lines.set(0, String.join(",", names));
                return broken(lines, base, "a duplicate column name");
            }
            case 6:
                lines.remove(0);
                if (lines.isEmpty()) {
                    lines.add("1");
                }
                return broken(lines, base, "no header: the first line is numbers");
            default: {
                int yAt = List.of(lines.get(0).replace("\"", "").split(",", -1)).indexOf("y");
                String[] cells = lines.get(row).split(",", -1);
                cells[yAt] = randomOf(List.of("2", "0.5", "-2", "3"));
                lines.set(row, String.join(",", cells));
                return broken(lines, base, "a label that is not -1/1 or 0/1");
            }
        }
    }

    /** A valid file with random characters deleted, doubled or inserted: its fate is the program's to decide. */
    DataFile damaged(boolean labels) {
        DataFile base = valid(labels, true);
        StringBuilder text = new StringBuilder(base.content());
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            if (random.nextBoolean() && at < text.length()) {
                text.deleteCharAt(at);
            } else {
                text.insert(at, randomOf(List.of("\"", ",", "\n", "\r", "\r\n", " ", "\uFEFF", "x", "-", ".", "e",
                        "1e400", "NaN", "é", "\u0000", "\t")));
            }
        }
        return new DataFile(text.toString(), base.features(), labels, base.textColumn(), Validity.UNKNOWN,
                "damaged");
    }

    private DataFile broken(List<String> lines, DataFile base, String why) {
        return new DataFile(String.join(random.nextBoolean() ? "\n" : "\r\n", lines) + "\n", base.features(),
                base.labels(), false, Validity.INVALID, why);
    }

    private String number() {
        return switch (random.nextInt(5)) {
            case 0 -> Integer.toString(random.nextInt(21) - 10);
            case 1 -> Double.toString(Math.round(random.nextDouble(-5, 5) * 1000) / 1000.0);
            case 2 -> (1 + random.nextInt(9)) + "e-" + random.nextInt(4);
            case 3 -> "-0";
            default -> Double.toString(random.nextGaussian());
        };
    }

    private String maybeQuoted(String cell) {
        return random.nextInt(5) == 0 ? "\"" + cell + "\"" : cell;
    }

    private <T> T randomOf(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
