package dev.adagrad.data;

/**
 * Bad data: the message names the file and, where there is one, the row and the column, e.g.
 * {@code points.csv, row 3 (line 4), column x: 'abc' is not a number}. The command line reports it in one line with
 * exit code 2, like any other bad input.
 */
public final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    /** A user's text as a message quotes it: cut to 40 characters, marked with "...". */
    public static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** A problem with the whole of {@code where} (a file, or a file and its column). */
    public static DataException of(String where, String problem) {
        return new DataException(where + ": " + problem);
    }

    /** A problem with the whole file. */
    static DataException file(String file, String problem) {
        return new DataException(file + ": " + problem);
    }

    /** A problem with one column of the header (or of every row). */
    static DataException column(String file, String column, String problem) {
        return new DataException(file + ", column " + column + ": " + problem);
    }

    /**
     * A problem with one cell.
     *
     * @param row  the data row, 1-based, the header not counted
     * @param line the line of the file where the row ends, 1-based (differs from row + 1 only after quoted line breaks
     *             or blank lines)
     */
    static DataException cell(String file, long row, long line, String column, String problem) {
        return new DataException(file + ", row " + row + " (line " + line + "), column " + column + ": " + problem);
    }
}
