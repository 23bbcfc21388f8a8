package io.quarterdeck.domain.identity;

import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;

/** A page of the audit log, newest first, filtered by actor, action (prefix) and time. */
public record AuditQuery(String actor, String action, Instant from, Instant to, int page, int limit) {
    public static final int MAX_LIMIT = 500;
    /** Far beyond any audit log, and small enough that {@code (page - 1) * limit} always fits an int. */
    public static final int MAX_PAGE = 1_000_000;

    public AuditQuery {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidFieldException("page", "must be between 1 and " + MAX_PAGE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
    }
}
