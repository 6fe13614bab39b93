package dev.adagrad.optim;

import java.util.List;
import java.util.Map;

/**
 * The registered optimizers whose step works on the gradient alone, which the generic element-wise tests sweep; the
 * ones that evaluate the objective in their step ({@link ClosureOptimizer}: newton, lbfgs) have tests of their own
 * that give them a {@link Closure}.
 */
final class ElementWise {

    private ElementWise() {
    }

    static boolean is(OptimizerSpec spec) {
        return !(spec.create(2, Compat.torch, Map.of()) instanceof ClosureOptimizer);
    }

    static List<OptimizerSpec> all() {
        return Optimizers.all().stream().filter(ElementWise::is).toList();
    }

    static List<String> names() {
        return all().stream().map(OptimizerSpec::name).toList();
    }
}
