package dev.adagrad.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of optimizers. Adding one is a new class with a spec and one line here: its name and where its spec
 * is. A spec is made when it is first asked for, by name or in {@link #all()}: {@code run --optimizer adagrad}
 * initialises AdaGrad's class alone, not seventeen (each with its hyperparameters, defaults and factory lambda), which
 * was about a tenth of the worked example's start-up.
 */
public final class Optimizers {

    /**
     * A name and where its spec is: a small class per entry rather than a lambda, because linking a lambda's call site
     * runs interpreted at start-up (seventeen of them cost about 7 ms of the worked example's 100).
     */
    private abstract static class Entry {
        final String name;

        Entry(String name) {
            this.name = name;
        }

        abstract OptimizerSpec spec();
    }

    private static final List<Entry> REGISTERED = List.of(
            new Entry("sgd") { @Override OptimizerSpec spec() { return Sgd.SGD; } },
            new Entry("momentum") { @Override OptimizerSpec spec() { return Sgd.MOMENTUM; } },
            new Entry("nesterov") { @Override OptimizerSpec spec() { return Sgd.NESTEROV; } },
            new Entry("adagrad") { @Override OptimizerSpec spec() { return Adagrad.SPEC; } },
            new Entry("rmsprop") { @Override OptimizerSpec spec() { return RmsProp.SPEC; } },
            new Entry("adadelta") { @Override OptimizerSpec spec() { return Adadelta.SPEC; } },
            new Entry("adam") { @Override OptimizerSpec spec() { return Adam.ADAM; } },
            new Entry("adamw") { @Override OptimizerSpec spec() { return Adam.ADAMW; } },
            new Entry("amsgrad") { @Override OptimizerSpec spec() { return Adam.AMSGRAD; } },
            new Entry("adamax") { @Override OptimizerSpec spec() { return Adamax.SPEC; } },
            new Entry("nadam") { @Override OptimizerSpec spec() { return NAdam.SPEC; } },
            new Entry("radam") { @Override OptimizerSpec spec() { return RAdam.SPEC; } },
            new Entry("rprop") { @Override OptimizerSpec spec() { return Rprop.SPEC; } },
            new Entry("asgd") { @Override OptimizerSpec spec() { return Asgd.SPEC; } },
            new Entry("lion") { @Override OptimizerSpec spec() { return Lion.SPEC; } },
            new Entry("newton") { @Override OptimizerSpec spec() { return Newton.SPEC; } },
            new Entry("lbfgs") { @Override OptimizerSpec spec() { return Lbfgs.SPEC; } });

    private static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (Entry entry : REGISTERED) {
            names.add(entry.name);
        }
        NAMES = List.copyOf(names);
    }

    private Optimizers() {
    }

    /** Every spec, in the registry's order (which the listings, help and pictures' colours follow). */
    public static List<OptimizerSpec> all() {
        List<OptimizerSpec> all = new ArrayList<>();
        for (Entry entry : REGISTERED) {
            all.add(spec(entry));
        }
        return List.copyOf(all);
    }

    /** The spec registered as {@code name}; only its class is initialised. */
    public static Optional<OptimizerSpec> byName(String name) {
        for (Entry entry : REGISTERED) { // a loop, not a stream: this runs at every start, interpreted
            if (entry.name.equals(name)) {
                return Optional.of(spec(entry));
            }
        }
        return Optional.empty();
    }

    /** The registered names, in order, without making any spec. */
    public static List<String> names() {
        return NAMES;
    }

    private static OptimizerSpec spec(Entry entry) {
        OptimizerSpec spec = entry.spec();
        if (!spec.name().equals(entry.name)) {
            throw new IllegalStateException("the registry names " + spec.name() + "'s spec " + entry.name);
        }
        return spec;
    }
}
