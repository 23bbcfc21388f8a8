package io.quarterdeck.application.port.out.incidents;

import io.quarterdeck.domain.incidents.Incident;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Incidents and their timelines. Every method joins the caller's transaction. */
public interface IncidentRepository {
    /** Inserts or replaces, with the whole timeline. */
    void save(Incident incident);

    Optional<Incident> find(String id);

    /** Newest first. */
    List<Incident> list(int limit);

    /** Incidents opened at or after {@code since}. */
    long openedSince(Instant since);
}
