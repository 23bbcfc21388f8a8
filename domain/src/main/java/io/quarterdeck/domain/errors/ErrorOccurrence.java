package io.quarterdeck.domain.errors;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** One stored occurrence of a group, kept so trends can count them; trimmed by retention and a per-group cap. */
public record ErrorOccurrence(String id, ErrorGroupId groupId, Instant occurredAt, ErrorLevel level,
                              String environment, String url, String userAgent, String ipAddress,
                              Map<String, Object> context) {
    public ErrorOccurrence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(level, "level");
        context = context == null ? Map.of() : context;
    }

    /** The occurrence an accepted event leaves in the given group. */
    public static ErrorOccurrence of(ErrorGroupId groupId, ErrorEvent event) {
        ErrorReport r = event.report();
        return new ErrorOccurrence(UUID.randomUUID().toString(), groupId, event.receivedAt(), r.level(),
                r.environment(), r.url(), event.client().userAgent(), event.client().ipAddress(), r.context());
    }
}
