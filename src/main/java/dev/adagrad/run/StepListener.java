package dev.adagrad.run;

/** Receives each row of a run as it is computed. */
@FunctionalInterface
public interface StepListener {

    /** Called for row 0 and after every completed step; the record is reused, so copy what must outlive the call. */
    void onStep(StepRecord record);

    /** A listener that hands each row to this one and then to {@code next} (a table writer and a recorder). */
    default StepListener andThen(StepListener next) {
        return record -> {
            onStep(record);
            next.onStep(record);
        };
    }
}
