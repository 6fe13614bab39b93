package dev.adagrad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adagrad.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code onecycle}'s {@code cycle_momentum} beyond the torch trajectories of {@link ScheduleReferenceTest}: what each
 * optimizer has cycled (torch's choice from its defaults dict), the refusal where there is nothing to cycle, the
 * momentum buffer that cycling switches on, rule files, and steps that still allocate nothing.
 */
class OneCycleMomentumTest {

    /**
     * What torch 1.13's OneCycleLR would cycle, read off each optimizer's {@code defaults = dict(…)} in
     * torch/optim/*.py: 'betas' (Adam, AdamW, Adamax, NAdam, RAdam) before 'momentum' (SGD, RMSprop); Adagrad,
     * Adadelta (rho), Rprop (etas, step_sizes), ASGD and LBFGS have neither. Lion keeps betas as its torch ports do;
     * Newton is not in torch and has neither.
     */
    private static final Map<String, String> CYCLED = new TreeMap<>(Map.ofEntries(
            Map.entry("sgd", "momentum"), Map.entry("momentum", "momentum"), Map.entry("nesterov", "momentum"),
            Map.entry("rmsprop", "momentum"), Map.entry("adam", "beta1"), Map.entry("adamw", "beta1"),
            Map.entry("amsgrad", "beta1"), Map.entry("adamax", "beta1"), Map.entry("nadam", "beta1"),
            Map.entry("radam", "beta1"), Map.entry("lion", "beta1"), Map.entry("adagrad", "none"),
            Map.entry("adadelta", "none"), Map.entry("rprop", "none"), Map.entry("asgd", "none"),
            Map.entry("lbfgs", "none"), Map.entry("newton", "none")));

    @Test
    void eachOptimizerHasCycledWhatTorchWouldCycle() {
        Map<String, String> ours = new TreeMap<>();
        for (OptimizerSpec spec : Optimizers.all()) {
            String cycled = spec.create(2, Compat.torch, Map.of()).cycledMomentum();
            ours.put(spec.name(), cycled == null ? "none" : cycled);
        }
        assertEquals(CYCLED, ours);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adagrad", "adadelta", "rprop", "asgd", "lbfgs", "newton"})
    void anExplicitCycleMomentumIsRefusedWhereThereIsNothingToCycle(String optimizer) {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "1", "--optimizer", optimizer, "--steps", "5",
                "--schedule", "onecycle:max_lr=0.1,total_steps=5,cycle_momentum=true");
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("adagrad run: --schedule onecycle: cycle_momentum=true cycles a momentum or beta1, and "
                + optimizer + " has neither (leave cycle_momentum out: it is off for " + optimizer + ")",
                result.errLines()[0]);
        assertFalse(result.err().contains("Exception"), result.err());
    }

    @Test
    void compareRefusesItForTheOptimizerThatHasNeitherAndByDefaultCyclesOnlyWhereItCan() {
        Cli.Result refused = Cli.run("compare", "--f", "x^2", "--x0", "1", "--optimizers", "adam,rprop", "--steps",
                "5", "--schedule", "onecycle:max_lr=0.1,total_steps=5,cycle_momentum=true");
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.errLines()[0].contains("rprop has neither"), refused.err());

        Cli.Result byDefault = Cli.run("compare", "--f", "x^2", "--x0", "1", "--optimizers", "adam,rprop", "--steps",
                "5", "--schedule", "onecycle:max_lr=0.1,total_steps=5");
        assertEquals(0, byDefault.exitCode(), byDefault.err());
    }

    @Test
    void beta1MustStayBelowOne() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "1", "--optimizer", "adam", "--steps", "5",
                "--schedule", "onecycle:max_lr=0.1,total_steps=5,max_momentum=1");
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("adagrad run: --schedule onecycle: base_momentum and max_momentum set beta1 here, which must be "
                + "< 1 (got 1)", result.errLines()[0]);
        // SGD's momentum has no such bound, as in torch
        assertEquals(0, Cli.run("run", "--f", "x^2", "--x0", "1", "--optimizer", "sgd", "--steps", "5",
                "--schedule", "onecycle:max_lr=0.1,total_steps=5,max_momentum=1").exitCode());
    }

    @Test
    void aNegativeMomentumIsRefused() {
        Cli.Result result = Cli.run("run", "--f", "x^2", "--x0", "1", "--steps", "5",
                "--schedule", "onecycle:max_lr=0.1,total_steps=5,base_momentum=-0.1");
        assertEquals(2, result.exitCode(), result.err());
        assertTrue(result.errLines()[0].contains("base_momentum must be ≥ 0 (got -0.1)"), result.err());
    }

    /** torch keeps a momentum buffer once OneCycleLR has set SGD's momentum 0 to 0.95: so does the table. */
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "rmsprop"})
    void cyclingSwitchesOnTheMomentumBufferOfAnOptimizerWithMomentumZero(String optimizer) {
        String header = Cli.output(List.of("run", "--f", "x^2", "--x0", "1", "--optimizer", optimizer, "--steps",
                "3", "--format", "csv", "--schedule", "onecycle:max_lr=0.1,total_steps=3")).lines().findFirst()
                .orElseThrow();
        String plain = Cli.output(List.of("run", "--f", "x^2", "--x0", "1", "--optimizer", optimizer, "--steps",
                "3", "--format", "csv", "--schedule", "onecycle:max_lr=0.1,total_steps=3,cycle_momentum=false"))
                .lines().findFirst().orElseThrow();
        assertTrue(List.of(header.split(",")).contains("buf_x"), header);
        assertFalse(List.of(plain.split(",")).contains("buf_x"), plain);
    }

    /**
     * A rule file's hyperparameter momentum is cycled as the built-in's: the rule below is SGD's momentum form, step
     * for step the same arithmetic (b₁ = μ·0 + g = g), so the rows are the same bytes.
     */
    @Test
    void aRuleFilesMomentumIsCycledAsTheBuiltInsIs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("heavy-ball.opt");
        Files.writeString(file, """
                name: heavy-ball
                hyper: lr = 0.001, momentum = 0.9
                state: b = 0
                step:
                  b = momentum * b + g
                  x = x - lr * b
                """);
        assertEquals("momentum", RuleFile.load(file.toString()).create(1, Compat.torch, Map.of()).cycledMomentum());
        List<String> common = List.of("run", "--f", "(1-x)^2+100*(y-x^2)^2", "--x0", "x=-1.5,y=2", "--steps", "60",
                "--grad", "exact", "--format", "csv", "--schedule", "onecycle:max_lr=0.0005,total_steps=60");
        String rule = xAndF(Cli.output(concat(common, "--optimizer", file.toString())));
        String builtIn = xAndF(Cli.output(concat(common, "--optimizer", "momentum")));
        assertEquals(builtIn, rule);
        String uncycled = xAndF(Cli.output(List.of("run", "--f", "(1-x)^2+100*(y-x^2)^2", "--x0", "x=-1.5,y=2",
                "--steps", "60", "--grad", "exact", "--format", "csv", "--optimizer", file.toString(), "--schedule",
                "onecycle:max_lr=0.0005,total_steps=60,cycle_momentum=false")));
        assertFalse(uncycled.equals(rule), "cycling changes the path");
    }

    /** The step, f and x columns of a run's CSV (step,f,x,y first). */
    private static String xAndF(String csv) {
        StringBuilder kept = new StringBuilder();
        csv.lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            kept.append(cells[0]).append(',').append(cells[1]).append(',').append(cells[2]).append(',')
                    .append(cells[3]).append('\n');
        });
        return kept.toString();
    }

    private static List<String> concat(List<String> first, String... more) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    /**
     * The schedule sets the momentum or beta1 between steps in place: a whole cycle of 2,000 steps, all three phases,
     * allocates nothing. It is measured after a first whole cycle that lets the JIT settle: a cold JVM once counted
     * 168 bytes in all three attempts (CI, the second test class of the run), which neither -Xint nor a warm JVM shows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "rmsprop", "adam", "adamax", "nadam", "radam", "lion"})
    void cycledStepsAllocateNothing(String name) {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        cycle(cycled(name), new double[2], new double[2], new double[2]);
        long allocated = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && allocated > 0; attempt++) {
            Optimizer optimizer = cycled(name);
            double[] x = new double[2];
            double[] gradient = new double[2];
            double[] update = new double[2];
            long before = threads.getThreadAllocatedBytes(id);
            cycle(optimizer, x, gradient, update);
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, "bytes allocated by 2000 cycled steps of " + name);
    }

    private static Optimizer cycled(String name) {
        Schedule schedule = Schedule.Spec.parse("onecycle:max_lr=0.01,three_phase=true").create(2_000, false);
        Optimizer optimizer = new Scheduled(Optimizers.byName(name).orElseThrow().create(2, Compat.torch, Map.of()),
                schedule, 2);
        assertTrue(schedule.cyclesMomentum(), name);
        return optimizer;
    }

    /** The whole cycle, from x = (1, -2) on x² + 3y², in the arrays given. */
    private static void cycle(Optimizer optimizer, double[] x, double[] gradient, double[] update) {
        x[0] = 1;
        x[1] = -2;
        for (long t = 1; t <= 2_000; t++) {
            gradient[0] = 2 * x[0];
            gradient[1] = 6 * x[1];
            optimizer.step(t, x, gradient, update);
            optimizer.stepSchedule(Double.NaN);
        }
    }
}
