package dev.adagrad.cli;

import dev.adagrad.expr.TestFunctions;
import dev.adagrad.output.FunctionListing;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adagrad functions}: the named test functions that {@code --f} accepts. */
@Command(name = "functions", mixinStandardHelpOptions = true,
        description = "List the named test functions (--f rosenbrock, …) with formula, start point, plot box and "
                + "known minima.")
public final class FunctionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(FunctionListing.list(TestFunctions.all()));
        out.flush();
        return ExitCode.OK;
    }
}
