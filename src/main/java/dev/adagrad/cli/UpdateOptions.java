package dev.adagrad.cli;

import dev.adagrad.optim.Maximize;
import dev.adagrad.optim.Optimizer;
import dev.adagrad.optim.Schedule;
import dev.adagrad.optim.Scheduled;
import dev.adagrad.run.GradientNoise;
import picocli.CommandLine.Option;

/**
 * The parts any optimizer gets without its own code: ascent ({@code --maximize}), a learning-rate schedule
 * ({@code --schedule}, then {@code --then}) and, for the commands that run an expression, gradient noise
 * ({@code --noise} with {@code --seed}).
 */
public final class UpdateOptions {

    @Option(names = "--maximize", description = "Climb f instead of descending it (PyTorch's maximize=True: the "
            + "gradient's sign flips before weight decay).")
    boolean maximize;

    @Option(names = "--schedule", paramLabel = "NAME:K=V,…", converter = ScheduleConverter.class,
            description = "A learning-rate schedule with torch.optim.lr_scheduler's names and parameters: "
                    + "step:step_size=30,gamma=0.1, multistep:milestones=30;80, exponential:gamma=0.99, "
                    + "cosine:T_max=100,eta_min=0, linear:start_factor=0.1,total_iters=10, "
                    + "onecycle:max_lr=0.1,total_steps=N (it cycles the momentum or beta1 too, from max_momentum=0.95 "
                    + "to base_momentum=0.85, unless cycle_momentum=false or the optimizer has neither), "
                    + "cosine-warm-restarts:T_0=10,T_mult=2, reduce-on-plateau:factor=0.1,patience=10 (on f). It "
                    + "steps after every optimizer step.")
    Schedule.Spec schedule;

    @Option(names = "--then", paramLabel = "NAME:K=V,…", converter = ScheduleConverter.class,
            description = "A second schedule that takes over when the first one's length is done (linear's "
                    + "total_iters, cosine's T_max, onecycle's total_steps), as torch's SequentialLR: "
                    + "--schedule linear:start_factor=0.01,total_iters=5 --then cosine:T_max=95.")
    Schedule.Spec then;

    /** Parses a schedule as picocli reads the option, so a bad one is a usage error naming the option. */
    static final class ScheduleConverter implements picocli.CommandLine.ITypeConverter<Schedule.Spec> {
        @Override
        public Schedule.Spec convert(String value) {
            try {
                return Schedule.Spec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Refuses --then without --schedule, a first schedule with no length, and plateau inside a sequence. */
    void validate(long steps) {
        if (then != null && schedule == null) {
            throw new UsageException("--then needs a --schedule to follow");
        }
        if (then != null) {
            if (schedule.length() == 0) {
                throw new UsageException("--then follows a schedule with a length (linear, cosine or onecycle); "
                        + schedule.name() + " has none");
            }
            if (schedule.name().equals("reduce-on-plateau") || then.name().equals("reduce-on-plateau")) {
                throw new UsageException("reduce-on-plateau cannot be part of --schedule … --then (as in torch's "
                        + "SequentialLR)");
            }
        }
        if (schedule != null && then == null && steps > schedule.maximumSteps(steps)) {
            throw new UsageException("--schedule onecycle: total_steps " + schedule.maximumSteps(steps)
                    + " is fewer than the " + steps + " steps to take");
        }
    }

    /**
     * The optimizer with the parts asked for; {@code name} is the optimizer's, for messages, and {@code steps} the
     * number of schedule steps the run takes.
     */
    Optimizer wrap(Optimizer optimizer, String name, int dimension, long steps) {
        Optimizer wrapped = maximize ? new Maximize(optimizer, dimension) : optimizer;
        if (schedule == null) {
            return wrapped;
        }
        for (Schedule.Spec given : then == null ? java.util.List.of(schedule) : java.util.List.of(schedule, then)) {
            if (given.cyclesMomentumExplicitly() && optimizer.cycledMomentum() == null) {
                throw new UsageException("--schedule onecycle: cycle_momentum=true cycles a momentum or beta1, and "
                        + name + " has neither (leave cycle_momentum out: it is off for " + name + ")");
            }
        }
        Schedule rates = schedule.create(steps, maximize);
        if (then != null) {
            rates = Schedule.sequential(rates, then.create(steps - schedule.length(), maximize), schedule.length());
        }
        try {
            return new Scheduled(wrapped, rates, dimension);
        } catch (IllegalArgumentException e) {
            throw new UsageException((e.getMessage().startsWith("onecycle:") ? "--schedule " : "") + e.getMessage());
        }
    }

    /** Gradient noise: {@code --noise σ --seed S}, for the commands that step an expression. */
    public static final class Noise {

        @Option(names = "--noise", paramLabel = "SIGMA", converter = Numbers.FiniteDouble.class,
                description = "Add seeded Gaussian noise of standard deviation SIGMA to every gradient component "
                        + "(the gradient columns show the noisy gradient used). Default: none.")
        Double sigma;

        @Option(names = "--seed", paramLabel = "S", defaultValue = "0", converter = Numbers.Count.class,
                description = "Seed of --noise's generator. Default: ${DEFAULT-VALUE}.")
        long seed;

        /** The noise asked for, or null; a σ that is not > 0 is a usage error. */
        GradientNoise noise() {
            if (sigma == null) {
                return null;
            }
            if (!(sigma > 0)) {
                throw new UsageException("--noise must be > 0 (got " + dev.adagrad.optim.Hyperparameter.text(sigma) + ")");
            }
            return new GradientNoise(sigma, seed);
        }
    }
}
