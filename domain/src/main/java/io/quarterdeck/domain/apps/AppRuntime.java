package io.quarterdeck.domain.apps;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import java.util.Objects;

/**
 * One run of an app ({@code Runtime} in the seed; named so it does not shadow {@code java.lang.Runtime}): its id as
 * the manager names it (such as {@code 20250115_073000_scraper_company_registry}), start and end, status and record
 * counts. A report of the same runtime replaces the earlier one, so a redelivered report changes nothing twice.
 */
public record AppRuntime(String runtime, String app, Instant started, Instant ended, RuntimeStatus status,
                         long recordsTotal, long recordsSolved, long recordsFailed) {
    public AppRuntime {
        runtime = AppNames.name("runtime", runtime);
        app = AppNames.name("app", app);
        Objects.requireNonNull(started, "started");
        if (status == null) {
            throw new InvalidFieldException("status", "is required");
        }
        if (ended != null && ended.isBefore(started)) {
            throw new InvalidFieldException("ended", "must not be before started");
        }
        if (status.finished() && ended == null) {
            throw new InvalidFieldException("ended", "is required when the status is " + status);
        }
        if (recordsTotal < 0 || recordsSolved < 0 || recordsFailed < 0) {
            throw new InvalidFieldException("records", "must not be negative");
        }
    }
}
