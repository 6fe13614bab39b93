package dev.adagrad.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A learning-rate schedule with the names, parameters and arithmetic of PyTorch 1.13's
 * {@code torch.optim.lr_scheduler}: each kind below is a line-by-line port of its class, chainable form included
 * ({@code ExponentialLR} multiplies the current rate by γ each step rather than computing γᵗ), so the rates agree with
 * torch's to the last bit, not just to rounding.
 *
 * <p>A schedule acts on an optimizer's {@link Optimizer#learningRate() learning rate} as torch's acts on
 * {@code param_group['lr']}: {@link #start} is the scheduler's construction (its initial step), and each {@link #step}
 * is one {@code scheduler.step()} after an optimizer step, given f(xₜ) for {@code reduce-on-plateau}. Built from a
 * {@link Spec} per run, since it has state.
 */
public abstract class Schedule {

    /** The names {@code --schedule} accepts, in help order. */
    public static final List<String> NAMES = List.of("step", "multistep", "exponential", "cosine", "linear",
            "onecycle", "cosine-warm-restarts", "reduce-on-plateau");

    private Optimizer optimizer;
    /** The rate before the schedule touched it: torch's {@code initial_lr} and {@code base_lrs}. */
    protected double baseLr;
    protected long lastEpoch = -1;
    protected long stepCount;

    /** Attaches the schedule to {@code optimizer} and takes torch's initial step (LinearLR's start_factor, …). */
    public void start(Optimizer target) {
        start(target, target.learningRate());
    }

    /** {@link #start(Optimizer)} with torch's {@code initial_lr} given: a second schedule's is the first one's. */
    void start(Optimizer target, double initialLr) {
        this.optimizer = target;
        this.baseLr = initialLr;
        initialStep();
    }

    /** One {@code scheduler.step()}; {@code f} is the objective after the step (only reduce-on-plateau reads it). */
    public void step(double f) {
        stepCount++;
        lastEpoch++;
        lr(chainable());
    }

    /** torch's {@code _initial_step}: the scheduler's first step, at construction. */
    void initialStep() {
        stepCount = 0;
        step(Double.NaN);
    }

    /** torch's {@code step(epoch)}: jumps to {@code epoch} by the closed form (what SequentialLR does at a milestone). */
    void stepTo(long epoch) {
        stepCount++;
        lastEpoch = epoch;
        lr(closedForm());
    }

    /** The rate from the current one: torch's {@code get_lr()}. */
    abstract double chainable();

    /** The rate from the base rate and the epoch alone: torch's {@code _get_closed_form_lr()}. */
    double closedForm() {
        return chainable();
    }

    protected final void momentum(double value) {
        optimizer.momentum(value);
    }

    protected final double lr() {
        return optimizer.learningRate();
    }

    protected final void lr(double rate) {
        optimizer.learningRate(rate);
    }

    /** Whether it sets the optimizer's momentum or beta1 too (OneCycleLR's cycle_momentum). */
    public boolean cyclesMomentum() {
        return false;
    }

    /**
     * A schedule as typed: {@code cosine:T_max=100,eta_min=0}. Parameters keep PyTorch's names; a list
     * ({@code milestones}) separates its values with {@code ;}.
     *
     * @param name       one of {@link #NAMES}
     * @param parameters the given values by name, as numbers (lists as several); text for the few named choices
     */
    public record Spec(String name, Map<String, Object> parameters) {

        /** Parses and checks {@code text}; {@code steps} is the run's length, the default of onecycle's total_steps. */
        public static Spec parse(String text) {
            int colon = text.indexOf(':');
            String name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown schedule '" + name + "' (choose from "
                        + String.join(", ", NAMES) + ")");
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (colon >= 0 && !text.substring(colon + 1).isBlank()) {
                for (String pair : text.substring(colon + 1).split(",", -1)) {
                    int equals = pair.indexOf('=');
                    if (equals < 0) {
                        throw new IllegalArgumentException(name + ": expected name=value, got '" + pair.trim() + "'");
                    }
                    String key = pair.substring(0, equals).trim();
                    String value = pair.substring(equals + 1).trim();
                    if (!Kind.of(name).parameters.containsKey(key)) {
                        throw new IllegalArgumentException(name + " has no parameter '" + key + "' (it has "
                                + String.join(", ", Kind.of(name).parameters.keySet()) + ")");
                    }
                    if (parameters.containsKey(key)) {
                        throw new IllegalArgumentException(name + ": " + key + " is given twice");
                    }
                    parameters.put(key, value(name, key, value));
                }
            }
            Spec spec = new Spec(name, parameters);
            spec.check();
            return spec;
        }

        private static Object value(String name, String key, String text) {
            Object kind = Kind.of(name).parameters.get(key);
            if (kind instanceof String[] choices) {
                for (String choice : choices) {
                    if (choice.equals(text)) {
                        return choice;
                    }
                }
                throw new IllegalArgumentException(name + ": " + key + " must be " + String.join(" or ", choices)
                        + " (got '" + text + "')");
            }
            if (kind == Boolean.class) {
                if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
                }
                throw new IllegalArgumentException(name + ": " + key + " must be true or false (got '" + text + "')");
            }
            if (kind == List.class) {
                List<Long> values = new ArrayList<>();
                for (String part : text.split(";", -1)) {
                    values.add((long) number(name, key, part, true));
                }
                return values;
            }
            return number(name, key, text, kind == Long.class);
        }

        private static double number(String name, String key, String text, boolean whole) {
            double value;
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": " + key + " must be a number (got '" + text.trim()
                        + "')");
            }
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(name + ": " + key + " must be finite (got '" + text.trim() + "')");
            }
            if (whole && (value != Math.rint(value) || Math.abs(value) > 1e15)) {
                throw new IllegalArgumentException(name + ": " + key + " must be a whole number (got '" + text.trim()
                        + "')");
            }
            return value;
        }

        /** The checks torch's constructors make, with its limits, plus the parameters it requires. */
        private void check() {
            Kind kind = Kind.of(name);
            for (String required : kind.required) {
                if (!parameters.containsKey(required)) {
                    throw new IllegalArgumentException(name + " needs " + required + " (as in --schedule " + name + ":"
                            + required + "=…)");
                }
            }
            switch (name) {
                case "step" -> positive("step_size");
                case "multistep" -> {
                    @SuppressWarnings("unchecked")
                    List<Long> milestones = (List<Long>) parameters.get("milestones");
                    for (int i = 0; i < milestones.size(); i++) {
                        if (milestones.get(i) < 1 || (i > 0 && milestones.get(i) <= milestones.get(i - 1))) {
                            throw new IllegalArgumentException("multistep: milestones must be increasing whole "
                                    + "numbers ≥ 1 (got " + milestones + ")");
                        }
                    }
                }
                case "cosine" -> positive("T_max");
                case "linear" -> {
                    between("start_factor", 0, 1);
                    between("end_factor", 0, 1);
                    positive("total_iters");
                    if (number("start_factor", 1.0 / 3) == 0) {
                        throw new IllegalArgumentException("linear: start_factor must be > 0 (got 0), or the first "
                                + "step divides by zero");
                    }
                }
                case "onecycle" -> {
                    positive("max_lr");
                    if (parameters.containsKey("total_steps")) {
                        positive("total_steps");
                    }
                    between("pct_start", 0, 1);
                    positive("div_factor");
                    positive("final_div_factor");
                    atLeastZero("base_momentum");
                    atLeastZero("max_momentum");
                }
                case "cosine-warm-restarts" -> {
                    positive("T_0");
                    if (number("T_mult", 1) < 1) {
                        throw new IllegalArgumentException("cosine-warm-restarts: T_mult must be ≥ 1 (got "
                                + Hyperparameter.text(number("T_mult", 1)) + ")");
                    }
                }
                case "reduce-on-plateau" -> {
                    double factor = number("factor", 0.1);
                    if (factor >= 1 || factor < 0) {
                        throw new IllegalArgumentException("reduce-on-plateau: factor must be in [0, 1) (got "
                                + Hyperparameter.text(factor) + ")");
                    }
                    atLeastZero("patience");
                    atLeastZero("cooldown");
                    atLeastZero("threshold");
                    atLeastZero("min_lr");
                    atLeastZero("eps");
                }
                default -> {
                }
            }
            if (parameters.containsKey("gamma")) {
                atLeastZero("gamma");
            }
            if (parameters.containsKey("eta_min")) {
                atLeastZero("eta_min");
            }
        }

        private void positive(String key) {
            if (parameters.containsKey(key) && number(key, 1) <= 0) {
                throw new IllegalArgumentException(name + ": " + key + " must be > 0 (got "
                        + Hyperparameter.text(number(key, 1)) + ")");
            }
        }

        private void atLeastZero(String key) {
            if (parameters.containsKey(key) && number(key, 0) < 0) {
                throw new IllegalArgumentException(name + ": " + key + " must be ≥ 0 (got "
                        + Hyperparameter.text(number(key, 0)) + ")");
            }
        }

        private void between(String key, double low, double high) {
            if (parameters.containsKey(key) && (number(key, low) < low || number(key, low) > high)) {
                throw new IllegalArgumentException(name + ": " + key + " must be between "
                        + Hyperparameter.text(low) + " and " + Hyperparameter.text(high) + " (got "
                        + Hyperparameter.text(number(key, low)) + ")");
            }
        }

        double number(String key, double defaultValue) {
            Object value = parameters.get(key);
            return value == null ? defaultValue : (Double) value;
        }

        String text(String key, String defaultValue) {
            Object value = parameters.get(key);
            return value == null ? defaultValue : (String) value;
        }

        /**
         * How many scheduler steps this schedule naturally lasts, for {@code --then}'s milestone: LinearLR's
         * total_iters, CosineAnnealingLR's T_max, OneCycleLR's total_steps; 0 when it has no length.
         */
        public long length() {
            return switch (name) {
                case "linear" -> (long) number("total_iters", 5);
                case "cosine" -> (long) number("T_max", 0);
                case "onecycle" -> (long) number("total_steps", 0);
                default -> 0;
            };
        }

        /**
         * A fresh schedule for one run of {@code steps} scheduler steps (onecycle's total_steps defaults to it), and
         * for {@code maximize} runs (reduce-on-plateau's mode then defaults to max).
         */
        public Schedule create(long steps, boolean maximize) {
            return switch (name) {
                case "step" -> new StepLr((long) number("step_size", 1), number("gamma", 0.1));
                case "multistep" -> {
                    @SuppressWarnings("unchecked")
                    List<Long> milestones = (List<Long>) parameters.get("milestones");
                    yield new MultiStepLr(milestones, number("gamma", 0.1));
                }
                case "exponential" -> new ExponentialLr(number("gamma", 1));
                case "cosine" -> new CosineAnnealingLr(number("T_max", 1), number("eta_min", 0));
                case "linear" -> new LinearLr(number("start_factor", 1.0 / 3), number("end_factor", 1),
                        (long) number("total_iters", 5));
                case "onecycle" -> new OneCycleLr(number("max_lr", 0),
                        parameters.containsKey("total_steps") ? (long) number("total_steps", 0) : steps,
                        number("pct_start", 0.3), text("anneal_strategy", "cos").equals("cos"),
                        number("div_factor", 25), number("final_div_factor", 1e4),
                        Boolean.TRUE.equals(parameters.get("three_phase")), (Boolean) parameters.get("cycle_momentum"),
                        number("base_momentum", 0.85), number("max_momentum", 0.95));
                case "cosine-warm-restarts" -> new CosineAnnealingWarmRestarts((long) number("T_0", 1),
                        (long) number("T_mult", 1), number("eta_min", 0));
                case "reduce-on-plateau" -> new ReduceOnPlateau(text("mode", maximize ? "max" : "min"),
                        number("factor", 0.1), (long) number("patience", 10), number("threshold", 1e-4),
                        text("threshold_mode", "rel"), (long) number("cooldown", 0), number("min_lr", 0),
                        number("eps", 1e-8));
                default -> throw new IllegalStateException(name);
            };
        }

        /** Whether it is onecycle with cycle_momentum=true given (not just torch's default). */
        public boolean cyclesMomentumExplicitly() {
            return Boolean.TRUE.equals(parameters.get("cycle_momentum"));
        }

        /** The longest run it allows: onecycle refuses to step past total_steps, as torch does; else unlimited. */
        public long maximumSteps(long steps) {
            if (name.equals("onecycle")) {
                return parameters.containsKey("total_steps") ? (long) number("total_steps", 0) : steps;
            }
            return Long.MAX_VALUE;
        }
    }

    /** Each kind's parameters (Double, Long for whole numbers, List for milestones, a String[] of choices). */
    private enum Kind {
        STEP("step", new String[] {"step_size"}, "step_size", Long.class, "gamma", Double.class),
        MULTISTEP("multistep", new String[] {"milestones"}, "milestones", List.class, "gamma", Double.class),
        EXPONENTIAL("exponential", new String[] {"gamma"}, "gamma", Double.class),
        COSINE("cosine", new String[] {"T_max"}, "T_max", Long.class, "eta_min", Double.class),
        LINEAR("linear", new String[0], "start_factor", Double.class, "end_factor", Double.class, "total_iters",
                Long.class),
        ONECYCLE("onecycle", new String[] {"max_lr"}, "max_lr", Double.class, "total_steps", Long.class,
                "pct_start", Double.class, "anneal_strategy", new String[] {"cos", "linear"}, "div_factor",
                Double.class, "final_div_factor", Double.class, "three_phase", Boolean.class, "cycle_momentum",
                Boolean.class, "base_momentum", Double.class, "max_momentum", Double.class),
        WARM_RESTARTS("cosine-warm-restarts", new String[] {"T_0"}, "T_0", Long.class, "T_mult", Long.class,
                "eta_min", Double.class),
        PLATEAU("reduce-on-plateau", new String[0], "mode", new String[] {"min", "max"}, "factor", Double.class,
                "patience", Long.class, "threshold", Double.class, "threshold_mode", new String[] {"rel", "abs"},
                "cooldown", Long.class, "min_lr", Double.class, "eps", Double.class);

        final String name;
        final List<String> required;
        final Map<String, Object> parameters = new LinkedHashMap<>();

        Kind(String name, String[] required, Object... parameters) {
            this.name = name;
            this.required = List.of(required);
            for (int i = 0; i < parameters.length; i += 2) {
                this.parameters.put((String) parameters[i], parameters[i + 1]);
            }
        }

        static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.name.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(name);
        }
    }

    /** {@code StepLR}: γ times the rate every step_size steps. */
    static final class StepLr extends Schedule {
        private final long stepSize;
        private final double gamma;

        StepLr(long stepSize, double gamma) {
            this.stepSize = stepSize;
            this.gamma = gamma;
        }

        @Override
        double chainable() {
            return lastEpoch == 0 || lastEpoch % stepSize != 0 ? lr() : lr() * gamma;
        }

        @Override
        double closedForm() {
            return baseLr * Math.pow(gamma, lastEpoch / stepSize);
        }
    }

    /** {@code MultiStepLR}: γ times the rate at each milestone. */
    static final class MultiStepLr extends Schedule {
        private final List<Long> milestones;
        private final double gamma;

        MultiStepLr(List<Long> milestones, double gamma) {
            this.milestones = List.copyOf(milestones);
            this.gamma = gamma;
        }

        @Override
        double chainable() {
            return milestones.contains(lastEpoch) ? lr() * gamma : lr();
        }

        @Override
        double closedForm() {
            long passed = milestones.stream().filter(m -> m <= lastEpoch).count();
            return baseLr * Math.pow(gamma, passed);
        }
    }

    /** {@code ExponentialLR}: γ times the rate every step. */
    static final class ExponentialLr extends Schedule {
        private final double gamma;

        ExponentialLr(double gamma) {
            this.gamma = gamma;
        }

        @Override
        double chainable() {
            return lastEpoch == 0 ? lr() : lr() * gamma;
        }

        @Override
        double closedForm() {
            return baseLr * Math.pow(gamma, lastEpoch);
        }
    }

    /** {@code CosineAnnealingLR}: half a cosine from the base rate to η_min over T_max steps, in torch's recursion. */
    static final class CosineAnnealingLr extends Schedule {
        private final double tMax;
        private final double etaMin;

        CosineAnnealingLr(double tMax, double etaMin) {
            this.tMax = tMax;
            this.etaMin = etaMin;
        }

        @Override
        double chainable() {
            if (lastEpoch == 0) {
                return lr();
            } else if (stepCount == 1 && lastEpoch > 0) {
                return etaMin + (baseLr - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2;
            } else if (Math.floorMod(lastEpoch - 1 - (long) tMax, 2 * (long) tMax) == 0) {
                return lr() + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            }
            return (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                    * (lr() - etaMin) + etaMin;
        }

        @Override
        double closedForm() {
            return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * lastEpoch / tMax)) / 2;
        }
    }

    /** {@code LinearLR}: from start_factor to end_factor times the base rate over total_iters steps. */
    static final class LinearLr extends Schedule {
        private final double startFactor;
        private final double endFactor;
        private final long totalIters;

        LinearLr(double startFactor, double endFactor, long totalIters) {
            this.startFactor = startFactor;
            this.endFactor = endFactor;
            this.totalIters = totalIters;
        }

        @Override
        double chainable() {
            if (lastEpoch == 0) {
                return lr() * startFactor;
            }
            if (lastEpoch > totalIters) {
                return lr();
            }
            return lr() * (1. + (endFactor - startFactor)
                    / (totalIters * startFactor + (lastEpoch - 1) * (endFactor - startFactor)));
        }

        @Override
        double closedForm() {
            return baseLr * (startFactor + (endFactor - startFactor) * Math.min(totalIters, lastEpoch) / totalIters);
        }
    }

    /**
     * {@code OneCycleLR}: up from max_lr/div_factor to max_lr over pct_start of the steps, then down to that over
     * final_div_factor (three_phase: back to the start first, then down). The rate it starts from replaces the
     * optimizer's lr, as in torch. With {@code cycle_momentum} it moves the optimizer's momentum (beta1 for one with
     * betas) the other way, from max_momentum down to base_momentum and back, by the same annealing and in the same
     * call as the rate ({@code get_lr}); it is on by default, as in torch, for an optimizer that has one, and off for
     * one that has neither (torch raises ValueError there; given explicitly it is refused).
     */
    static final class OneCycleLr extends Schedule {
        private final long totalSteps;
        private final boolean cosine;
        private final double initialLr;
        private final double[] phaseEnds;
        private final double[] phaseStartLrs;
        private final double[] phaseEndLrs;
        private final double[] phaseStartMomenta;
        private final double[] phaseEndMomenta;
        /** As given: true, false or null for torch's default (on when the optimizer has something to cycle). */
        private final Boolean cycleMomentum;
        private final double maxMomentum;
        private boolean cycling;

        OneCycleLr(double maxLr, long totalSteps, double pctStart, boolean cosine, double divFactor,
                   double finalDivFactor, boolean threePhase, Boolean cycleMomentum, double baseMomentum,
                   double maxMomentum) {
            this.totalSteps = totalSteps;
            this.cosine = cosine;
            this.initialLr = maxLr / divFactor;
            double minLr = initialLr / finalDivFactor;
            this.cycleMomentum = cycleMomentum;
            this.maxMomentum = maxMomentum;
            if (threePhase) {
                phaseEnds = new double[] {pctStart * totalSteps - 1, 2 * pctStart * totalSteps - 2, totalSteps - 1};
                phaseStartLrs = new double[] {initialLr, maxLr, initialLr};
                phaseEndLrs = new double[] {maxLr, initialLr, minLr};
                phaseStartMomenta = new double[] {maxMomentum, baseMomentum, maxMomentum};
                phaseEndMomenta = new double[] {baseMomentum, maxMomentum, maxMomentum};
            } else {
                phaseEnds = new double[] {pctStart * totalSteps - 1, totalSteps - 1};
                phaseStartLrs = new double[] {initialLr, maxLr};
                phaseEndLrs = new double[] {maxLr, minLr};
                phaseStartMomenta = new double[] {maxMomentum, baseMomentum};
                phaseEndMomenta = new double[] {baseMomentum, maxMomentum};
            }
        }

        /**
         * torch's constructor: initial_lr replaces the rate; with cycle_momentum, max_momentum replaces the momentum
         * (or beta1); then the initial step, whose {@code get_lr} sets both again.
         */
        @Override
        void start(Optimizer target, double ignored) {
            String cycled = target.cycledMomentum();
            if (cycled == null && Boolean.TRUE.equals(cycleMomentum)) {
                throw new IllegalArgumentException("onecycle: cycle_momentum=true needs an optimizer with a momentum "
                        + "or beta1, and this one has neither");
            }
            cycling = cycled != null && !Boolean.FALSE.equals(cycleMomentum);
            if (cycling && cycled.equals("beta1")) {
                for (double momentum : phaseStartMomenta) {
                    if (momentum >= 1) {
                        throw new IllegalArgumentException("onecycle: base_momentum and max_momentum set beta1 here, "
                                + "which must be < 1 (got " + Hyperparameter.text(momentum) + ")");
                    }
                }
            }
            target.learningRate(initialLr);
            if (cycling) {
                target.momentum(maxMomentum);
            }
            super.start(target, initialLr);
        }

        @Override
        public boolean cyclesMomentum() {
            return cycling;
        }

        @Override
        double chainable() {
            double start = 0;
            for (int i = 0; i < phaseEnds.length; i++) {
                double end = phaseEnds[i];
                if (lastEpoch <= end || i == phaseEnds.length - 1) {
                    double pct = (lastEpoch - start) / (end - start);
                    if (cycling) {
                        momentum(anneal(phaseStartMomenta[i], phaseEndMomenta[i], pct));
                    }
                    return anneal(phaseStartLrs[i], phaseEndLrs[i], pct);
                }
                start = end;
            }
            throw new IllegalStateException("no phase");
        }

        /** torch's {@code _annealing_cos} or {@code _annealing_linear}, from start to end as pct goes from 0 to 1. */
        private double anneal(double start, double end, double pct) {
            return cosine ? end + (start - end) / 2.0 * (Math.cos(Math.PI * pct) + 1) : (end - start) * pct + start;
        }

        @Override
        public void step(double f) {
            if (lastEpoch + 1 > totalSteps) {
                return; // torch refuses to step past total_steps; the run is refused before it gets there
            }
            super.step(f);
        }
    }

    /** {@code CosineAnnealingWarmRestarts}: a cosine over T_i steps, restarting with T_i ← T_i·T_mult. */
    static final class CosineAnnealingWarmRestarts extends Schedule {
        private final long t0;
        private final long tMult;
        private final double etaMin;
        private long tI;
        private long tCur = -1;

        CosineAnnealingWarmRestarts(long t0, long tMult, double etaMin) {
            this.t0 = t0;
            this.tMult = tMult;
            this.etaMin = etaMin;
            this.tI = t0;
        }

        @Override
        public void step(double f) {
            if (lastEpoch < 0) {
                tI = t0;
                tCur = 0;
                lastEpoch = 0;
            } else {
                lastEpoch++;
                tCur++;
                if (tCur >= tI) {
                    tCur -= tI;
                    tI *= tMult;
                }
            }
            lr(chainable());
        }

        @Override
        void stepTo(long epoch) {
            if (epoch >= t0) {
                if (tMult == 1) {
                    tCur = epoch % t0;
                } else {
                    int n = (int) (Math.log((double) epoch / t0 * (tMult - 1) + 1) / Math.log(tMult));
                    tCur = epoch - t0 * ((long) Math.pow(tMult, n) - 1) / (tMult - 1);
                    tI = t0 * (long) Math.pow(tMult, n);
                }
            } else {
                tI = t0;
                tCur = epoch;
            }
            lastEpoch = epoch;
            lr(chainable());
        }

        @Override
        double chainable() {
            return etaMin + (baseLr - etaMin) * (1 + Math.cos(Math.PI * tCur / tI)) / 2;
        }
    }

    /** {@code ReduceLROnPlateau}: factor times the rate once f has not improved for more than patience steps. */
    static final class ReduceOnPlateau extends Schedule {
        private final boolean minimize;
        private final double factor;
        private final long patience;
        private final double threshold;
        private final boolean relative;
        private final long cooldown;
        private final double minLr;
        private final double eps;
        private double best;
        private long badEpochs;
        private long cooldownCounter;

        ReduceOnPlateau(String mode, double factor, long patience, double threshold, String thresholdMode,
                        long cooldown, double minLr, double eps) {
            this.minimize = mode.equals("min");
            this.factor = factor;
            this.patience = patience;
            this.threshold = threshold;
            this.relative = thresholdMode.equals("rel");
            this.cooldown = cooldown;
            this.minLr = minLr;
            this.eps = eps;
            this.best = minimize ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }

        @Override
        void initialStep() {
            lastEpoch = 0; // torch's ReduceLROnPlateau takes no step at construction
        }

        @Override
        public void step(double f) {
            lastEpoch++;
            if (better(f)) {
                best = f;
                badEpochs = 0;
            } else {
                badEpochs++;
            }
            if (cooldownCounter > 0) {
                cooldownCounter--;
                badEpochs = 0;
            }
            if (badEpochs > patience) {
                double old = lr();
                double reduced = Math.max(old * factor, minLr);
                if (old - reduced > eps) {
                    lr(reduced);
                }
                cooldownCounter = cooldown;
                badEpochs = 0;
            }
        }

        private boolean better(double a) {
            if (minimize) {
                return relative ? a < best * (1. - threshold) : a < best - threshold;
            }
            return relative ? a > best * (threshold + 1.) : a > best + threshold;
        }

        @Override
        double chainable() {
            return lr();
        }
    }

    /**
     * {@code SequentialLR}: the first schedule until the milestone, then the second, which starts there from its
     * closed form at epoch 0 (torch's {@code scheduler.step(0)}).
     */
    public static Schedule sequential(Schedule first, Schedule second, long milestone) {
        return new Sequential(first, second, milestone);
    }

    private static final class Sequential extends Schedule {
        private final Schedule first;
        private final Schedule second;
        private final long milestone;

        Sequential(Schedule first, Schedule second, long milestone) {
            this.first = first;
            this.second = second;
            this.milestone = milestone;
        }

        /**
         * torch builds both schedulers (each takes its initial step), puts the rate back to initial_lr, winds both
         * back one epoch and retakes only the first one's initial step. initial_lr is the rate before either, unless
         * OneCycleLR set it (to max_lr/div_factor, whichever of the two it is): a scheduler built after it takes that
         * as its base rate, and the rate goes back to it.
         */
        @Override
        public void start(Optimizer target) {
            first.start(target);
            second.start(target, first.baseLr);
            target.learningRate(second.baseLr);
            first.lastEpoch--;
            second.lastEpoch--;
            first.initialStep();
            lastEpoch = 0;
        }

        @Override
        public void step(double f) {
            lastEpoch++;
            if (lastEpoch < milestone) {
                first.step(f);
            } else if (lastEpoch == milestone) {
                second.stepTo(0);
            } else {
                second.step(f);
            }
        }

        @Override
        public boolean cyclesMomentum() {
            return first.cyclesMomentum() || second.cyclesMomentum();
        }

        @Override
        double chainable() {
            throw new IllegalStateException("not a single schedule");
        }
    }
}
