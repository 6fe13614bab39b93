package dev.adagrad.fit;

/** Receives each printed epoch as it is computed. */
@FunctionalInterface
public interface EpochListener {

    /** The record is reused: read what is needed during the call. */
    void onEpoch(EpochRecord record);
}
