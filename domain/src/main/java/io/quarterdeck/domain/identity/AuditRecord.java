package io.quarterdeck.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * One append-only audit entry: who (actor and role, or {@code anonymous}), from where, which request, what was
 * attempted ({@code action}, method and path), a summary that never contains a secret, and the outcome (the
 * HTTP status).
 */
public record AuditRecord(long id, Instant at, String actor, String role, String ip, String requestId, String method,
                          String path, String action, String summary, int outcome) {
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        actor = clip(actor, 200);
        path = clip(path, 500);
        summary = clip(summary, 1000);
        requestId = clip(requestId, 100);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
