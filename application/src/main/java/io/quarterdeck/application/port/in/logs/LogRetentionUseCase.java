package io.quarterdeck.application.port.in.logs;

/** Applies retention by age and by size to the built-in store. */
public interface LogRetentionUseCase {
    /** Returns how many lines were removed. */
    long purge();

    /** The same with the retention given now (changed at runtime through the system configuration). */
    long purge(java.time.Duration retention, long maxLines);
}
