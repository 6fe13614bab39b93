package dev.adagrad.optim;

import java.util.List;
import java.util.Optional;

/** The registry of optimizers. Adding one is a new class with a spec and one line here. */
public final class Optimizers {

    private static final List<OptimizerSpec> ALL = List.of(
            Sgd.SGD,
            Sgd.MOMENTUM,
            Sgd.NESTEROV,
            Adagrad.SPEC,
            RmsProp.SPEC,
            Adadelta.SPEC,
            Adam.ADAM,
            Adam.ADAMW,
            Adam.AMSGRAD,
            Adamax.SPEC,
            NAdam.SPEC,
            RAdam.SPEC,
            Lion.SPEC);

    private Optimizers() {
    }

    public static List<OptimizerSpec> all() {
        return ALL;
    }

    public static Optional<OptimizerSpec> byName(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(OptimizerSpec::name).toList();
    }
}
