package io.quarterdeck.domain.incidents;

import java.time.Instant;
import java.util.Objects;

/** One entry of an incident's timeline: who changed what, when, and what they wrote. */
public record IncidentUpdate(Instant at, String author, IncidentStatus status, String message) {
    public IncidentUpdate {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
    }
}
