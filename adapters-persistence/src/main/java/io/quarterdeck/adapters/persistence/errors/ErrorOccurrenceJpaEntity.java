package io.quarterdeck.adapters.persistence.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code error_occurrences}. */
@Entity
@Table(name = "error_occurrences")
public class ErrorOccurrenceJpaEntity {
    @Id
    @Column(name = "id", length = 64)
    String id;
    @Column(name = "group_id", nullable = false, length = 64)
    String groupId;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "level", nullable = false, length = 16)
    String level;
    @Column(name = "environment", length = 2048)
    String environment;
    @Column(name = "url", length = 4096)
    String url;
    @Column(name = "user_agent", length = 1024)
    String userAgent;
    @Column(name = "ip_address", length = 64)
    String ipAddress;
    @Column(name = "context", nullable = false, length = 65536)
    String context;

    protected ErrorOccurrenceJpaEntity() {
    }
}
