package dev.adagrad.cli;

import dev.adagrad.optim.Compat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set} and {@code --compat} for the commands that run several optimizers: compare and sweep. */
public final class PerOptimizerOptions {

    @Option(names = "--set", paramLabel = "OPT.NAME=VALUE", split = ",",
            description = "Another hyperparameter of one optimizer, e.g. adam.beta1=0.8 or sgd.nesterov=true; "
                    + "repeatable. The rest keep their defaults.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--compat", paramLabel = "FRAMEWORK", defaultValue = "torch",
            description = "Whose defaults and conventions: torch, keras or tfjs. Default: ${DEFAULT-VALUE}.")
    Compat compat;
}
