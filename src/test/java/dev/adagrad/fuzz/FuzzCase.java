package dev.adagrad.fuzz;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One generated command line and what the program may answer.
 *
 * @param args       the command line, command first
 * @param allowed    the exit codes that match the documented meaning for this input
 * @param intent     what the generator meant (valid run, unknown function, ragged CSV, …), for the report
 * @param dataFile   the --data file and its text, or null, so a report can show the file
 * @param dataText   that file's text as written (null if it was deliberately missing)
 */
record FuzzCase(List<String> args, Set<Integer> allowed, String intent, Path dataFile, String dataText) {

    /** The command line as a shell would take it, every argument single-quoted where needed. */
    String commandLine() {
        return "adagrad " + args.stream().map(FuzzCase::quote).collect(Collectors.joining(" "));
    }

    static String quote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./=,:+-]+")) {
            return arg;
        }
        return "'" + ExpressionGrammar.escape(arg).replace("'", "'\\''") + "'";
    }
}
