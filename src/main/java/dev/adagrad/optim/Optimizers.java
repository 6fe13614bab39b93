package dev.adagrad.optim;

import java.util.List;
import java.util.Optional;

/** The registry of optimizers. Adding one is a new class with a {@code SPEC} and one line here. */
public final class Optimizers {

    private static final List<OptimizerSpec> ALL = List.of(
            Adagrad.SPEC);

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
