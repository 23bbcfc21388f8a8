package io.quarterdeck.domain.incidents;

import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An incident. Its status only moves forward ({@link IncidentStatus} order; a step may be skipped) and a resolved
 * incident stays resolved; every change adds an entry to the timeline.
 */
public final class Incident {
    private final String id;
    private final String title;
    private final String description;
    private final Severity severity;
    private final IncidentStatus status;
    private final String assignedTo;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant resolvedAt;
    private final List<IncidentUpdate> timeline;

    private Incident(String id, String title, String description, Severity severity, IncidentStatus status,
                     String assignedTo, Instant createdAt, Instant updatedAt, Instant resolvedAt,
                     List<IncidentUpdate> timeline) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = text("title", title, 300, true);
        this.description = text("description", description, 10_000, false);
        this.severity = Objects.requireNonNull(severity, "severity");
        this.status = Objects.requireNonNull(status, "status");
        this.assignedTo = text("assigned_to", assignedTo, 200, false);
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.resolvedAt = resolvedAt;
        this.timeline = List.copyOf(timeline);
    }

    public static Incident open(String id, String title, String description, Severity severity, String assignedTo,
                                String author, Instant now) {
        return new Incident(id, title, description, severity, IncidentStatus.INVESTIGATING, assignedTo, now, now,
                null, List.of(new IncidentUpdate(now, author, IncidentStatus.INVESTIGATING, "opened")));
    }

    public static Incident restore(String id, String title, String description, Severity severity,
                                   IncidentStatus status, String assignedTo, Instant createdAt, Instant updatedAt,
                                   Instant resolvedAt, List<IncidentUpdate> timeline) {
        return new Incident(id, title, description, severity, status, assignedTo, createdAt, updatedAt, resolvedAt,
                timeline);
    }

    /**
     * Applies the changes given (null = unchanged). Moving the status backwards, or changing a resolved incident, is
     * a conflict.
     */
    public Incident update(IncidentStatus newStatus, String newTitle, String newDescription, Severity newSeverity,
                           String newAssignee, String message, String author, Instant now) {
        if (status == IncidentStatus.RESOLVED) {
            throw new ConflictException("status", "the incident is resolved");
        }
        IncidentStatus next = newStatus == null ? status : newStatus;
        if (next.ordinal() < status.ordinal()) {
            throw new ConflictException("status", "an incident moves forward only (investigating, identified,"
                    + " monitoring, resolved); it is " + status.wireName());
        }
        List<IncidentUpdate> entries = new ArrayList<>(timeline);
        String note = text("message", message, 10_000, false);
        entries.add(new IncidentUpdate(now, author, next, note != null ? note
                : next != status ? "status " + next.wireName() : "updated"));
        return new Incident(id, newTitle == null ? title : newTitle,
                newDescription == null ? description : newDescription, newSeverity == null ? severity : newSeverity,
                next, newAssignee == null ? assignedTo : newAssignee, createdAt, now,
                next == IncidentStatus.RESOLVED ? now : null, entries);
    }

    private static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidFieldException(field, "is required");
            }
            return null;
        }
        if (value.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
        return value;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Severity severity() {
        return severity;
    }

    public IncidentStatus status() {
        return status;
    }

    public String assignedTo() {
        return assignedTo;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public List<IncidentUpdate> timeline() {
        return timeline;
    }
}
