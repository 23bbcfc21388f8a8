package io.quarterdeck.application.port.in.errors;

/** Applies occurrence retention: drops occurrences older than the retention age and beyond the per-group cap. */
public interface PurgeOccurrencesUseCase {
    /** How many occurrences were removed. */
    long purge();
}
