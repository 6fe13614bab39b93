package dev.adagrad.cli;

import dev.adagrad.optim.Compat;
import dev.adagrad.optim.OptimizerSpec;
import dev.adagrad.optim.StateColumn;
import dev.adagrad.optim.Optimizers;
import dev.adagrad.output.OptimizerListing;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code adagrad optimizers [NAME]}: what each optimizer does and which options it takes. */
@Command(name = "optimizers", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List every optimizer with its update rule and options, or show one optimizer's full "
                + "algorithm."})
public final class OptimizersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "An optimizer whose algorithm to show.")
    String name;

    @Option(names = "--compat", paramLabel = "FRAMEWORK", defaultValue = "torch",
            description = "Show the defaults of torch, keras or tfjs. Default: ${DEFAULT-VALUE}.")
    Compat compat;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (name == null) {
            out.print(OptimizerListing.list(Optimizers.all(), compat));
        } else {
            OptimizerSpec optimizer = OptimizerOptions.spec(name);
            List<StateColumn> columns = optimizer.create(1, Compat.torch, Map.of()).stateColumns();
            out.print(OptimizerListing.describe(optimizer, compat, columns));
        }
        out.flush();
        return ExitCode.OK;
    }

}
