package io.quarterdeck.application.errors;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that grows with every committed change to stored errors made by this instance (an ingested batch, a
 * resolve, a delete, a purge). Answers computed from the errors may be cached under the version they were computed
 * at: a cached answer whose version is no longer current is stale. Changes made by another instance on the same
 * database do not move it; caches bound that staleness with their time to live.
 */
@ApplicationScoped
public class ErrorDataVersion {
    private final AtomicLong version = new AtomicLong();

    /** Read it before computing an answer (a change committed meanwhile then makes that answer stale at once). */
    public long current() {
        return version.get();
    }

    /** Called after a change is committed and before anyone is told it was. */
    public void advance() {
        version.incrementAndGet();
    }
}
