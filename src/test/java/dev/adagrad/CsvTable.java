package dev.adagrad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The CSV a run prints, read back by column name: enough CSV for output without quotes. */
public final class CsvTable {

    private final List<String> header;
    private final List<String[]> rows = new ArrayList<>();

    public CsvTable(String csv) {
        String[] lines = csv.split("\n", -1);
        header = Arrays.asList(lines[0].split(",", -1));
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                rows.add(lines[i].split(",", -1));
            }
        }
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    /** The cell as written, "" when empty. */
    public String cell(int row, String column) {
        int index = header.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + header);
        }
        return rows.get(row)[index];
    }

    public double number(int row, String column) {
        return Double.parseDouble(cell(row, column));
    }
}
