package dev.adagrad.cli;

import dev.adagrad.optim.Compat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --optimizers}, {@code --set} and {@code --compat}: the options of compare and sweep, which run several. */
public final class PerOptimizerOptions {

    @Option(names = "--optimizers", paramLabel = "NAMES", split = ",",
            defaultValue = "sgd,momentum,adagrad,rmsprop,adam",
            description = "The optimizers, comma-separated, in the order the output lists them. "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> optimizers;

    @Option(names = "--set", paramLabel = "OPT.NAME=VALUE", split = ",",
            description = "Another hyperparameter of one optimizer, e.g. adam.beta1=0.8 or sgd.nesterov=true; "
                    + "repeatable. The rest keep their defaults.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--compat", paramLabel = "FRAMEWORK", defaultValue = "torch",
            description = "Whose defaults and conventions: torch, keras or tfjs. Default: ${DEFAULT-VALUE}.")
    Compat compat;
}
