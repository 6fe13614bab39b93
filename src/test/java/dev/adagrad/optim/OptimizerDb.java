package dev.adagrad.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test-side registry of optimizers, as torch's {@code optim_db}: per built-in optimizer, the settings worth
 * testing beyond its defaults, a learning rate at which it descends the test problems, and invalid settings with the
 * words their error must contain. The generic tests ({@link OptimizerDbTest}, {@link NarrationEquivalenceTest}) sweep
 * it, so adding an optimizer is its class, its line in {@link Optimizers} and one entry here. The optimizers that
 * evaluate the objective in their step (newton, lbfgs: {@link ElementWise}) are outside it and have tests of their own
 * that give them a {@link Closure}.
 */
final class OptimizerDb {

    /**
     * @param name       the registry name
     * @param descentLr  a rate at which it lowers f on the parabola and on Rosenbrock within the generic tests' steps
     * @param variants   settings beyond the defaults that switch on other code (momentum, amsgrad, weight decay, …)
     * @param invalid    settings that must be refused, each with a fragment of the message
     */
    record Entry(String name, double descentLr, List<Map<String, Object>> variants, Map<Map<String, Object>, String> invalid) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String LR = "lr must be > 0";

    static final List<Entry> ALL = List.of(
            entry("sgd", 0.01, variants(Map.of("momentum", 0.9), Map.of("momentum", 0.9, "dampening", 0.5),
                            Map.of("momentum", 0.9, "nesterov", true), Map.of("weight_decay", 0.1)),
                    invalid(Map.of("lr", -1.0), LR, Map.of("momentum", -0.5), "momentum",
                            Map.of("nesterov", true), "Nesterov")),
            entry("momentum", 0.001, variants(Map.of("weight_decay", 0.1), Map.of("dampening", 0.3)),
                    invalid(Map.of("lr", 0.0), LR, Map.of("weight_decay", -1.0), "weight_decay")),
            entry("nesterov", 0.001, variants(Map.of("weight_decay", 0.1)),
                    invalid(Map.of("dampening", 0.5), "Nesterov")),
            entry("adagrad", 0.1, variants(Map.of("lr_decay", 0.1), Map.of("eps_inside_sqrt", true),
                            Map.of("weight_decay", 0.1), Map.of("initial_accumulator_value", 0.1, "eps", 0.0)),
                    invalid(Map.of("lr", -0.1), LR, Map.of("lr_decay", -1.0), "lr_decay",
                            Map.of("initial_accumulator_value", -1.0), "initial_accumulator_value",
                            Map.of("eps", -1e-10), "eps")),
            entry("rmsprop", 0.01, variants(Map.of("centered", true), Map.of("momentum", 0.9),
                            Map.of("centered", true, "momentum", 0.5, "eps_inside_sqrt", true),
                            Map.of("weight_decay", 0.1)),
                    invalid(Map.of("lr", -1.0), LR, Map.of("alpha", -0.5), "alpha", Map.of("momentum", -1.0),
                            "momentum")),
            entry("adadelta", 1.0, variants(Map.of("weight_decay", 0.1), Map.of("rho", 0.5)),
                    invalid(Map.of("rho", 1.5), "rho", Map.of("lr", -1.0), LR)),
            entry("adam", 0.05, variants(Map.of("amsgrad", true), Map.of("weight_decay", 0.1),
                            Map.of("weight_decay", 0.1, "decoupled_weight_decay", true)),
                    invalid(Map.of("beta1", 1.0), "beta", Map.of("beta2", -0.1), "beta", Map.of("eps", -1.0), "eps",
                            Map.of("lr", -1.0), LR)),
            entry("adamw", 0.05, variants(Map.of("amsgrad", true)), invalid(Map.of("beta1", 1.5), "beta")),
            entry("amsgrad", 0.05, variants(Map.of("weight_decay", 0.1)), invalid(Map.of("lr", -1.0), LR)),
            entry("adamax", 0.05, variants(Map.of("weight_decay", 0.1)), invalid(Map.of("beta2", 1.0), "beta")),
            entry("nadam", 0.05, variants(Map.of("weight_decay", 0.1),
                            Map.of("weight_decay", 0.1, "decoupled_weight_decay", true), Map.of("momentum_decay", 1.0)),
                    invalid(Map.of("momentum_decay", -1.0), "momentum_decay")),
            entry("radam", 0.05, variants(Map.of("weight_decay", 0.1),
                            Map.of("weight_decay", 0.1, "decoupled_weight_decay", true)),
                    invalid(Map.of("beta1", -0.1), "beta")),
            entry("lion", 0.01, variants(Map.of("weight_decay", 0.1), Map.of("beta1", 0.5, "beta2", 0.9)),
                    invalid(Map.of("lr", -1.0), LR, Map.of("beta2", 1.0), "beta2", Map.of("weight_decay", -1.0),
                            "weight_decay")),
            entry("rprop", 0.01, variants(Map.of("lr", 0.5, "step_size_max", 0.6), Map.of("step_size_min", 0.3)),
                    invalid(Map.of("lr", -1.0), LR, Map.of("etaminus", 1.5), "eta", Map.of("step_size_min", -1.0),
                            "step_size_min", Map.of("step_size_min", 1.0, "step_size_max", 0.5), "step_size_max")),
            entry("asgd", 0.01, variants(Map.of("t0", 2.0, "lambd", 0.1), Map.of("weight_decay", 0.1)),
                    invalid(Map.of("lr", -1.0), LR, Map.of("lambd", -1.0), "lambd", Map.of("alpha", -1.0), "alpha",
                            Map.of("t0", -1.0), "t0")));

    private OptimizerDb() {
    }

    static Optional<Entry> byName(String name) {
        return ALL.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    private static Entry entry(String name, double descentLr, List<Map<String, Object>> variants,
                               Map<Map<String, Object>, String> invalid) {
        return new Entry(name, descentLr, variants, invalid);
    }

    @SafeVarargs
    private static List<Map<String, Object>> variants(Map<String, Object>... variants) {
        return List.of(variants);
    }

    private static Map<Map<String, Object>, String> invalid(Object... settingsAndMessages) {
        Map<Map<String, Object>, String> invalid = new LinkedHashMap<>();
        for (int i = 0; i < settingsAndMessages.length; i += 2) {
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) settingsAndMessages[i];
            invalid.put(settings, (String) settingsAndMessages[i + 1]);
        }
        return invalid;
    }

    /** Every configuration worth running: the defaults, then each variant. */
    static List<Map<String, Object>> configurations(Entry entry) {
        List<Map<String, Object>> all = new ArrayList<>();
        all.add(Map.of());
        all.addAll(entry.variants());
        return all;
    }
}
