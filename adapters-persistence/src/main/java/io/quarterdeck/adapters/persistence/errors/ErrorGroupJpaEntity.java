package io.quarterdeck.adapters.persistence.errors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code error_groups}. */
@Entity
@Table(name = "error_groups")
public class ErrorGroupJpaEntity {
    @Id
    @Column(name = "id", length = 64)
    String id;
    @Column(name = "fingerprint", nullable = false, length = 64)
    String fingerprint;
    @Column(name = "grouping_version", nullable = false)
    int groupingVersion;
    @Column(name = "level", nullable = false, length = 16)
    String level;
    @Column(name = "message", nullable = false, length = 8192)
    String message;
    @Column(name = "stack_trace", length = 65536)
    String stackTrace;
    @Column(name = "context", nullable = false, length = 65536)
    String context;
    @Column(name = "source", length = 2048)
    String source;
    @Column(name = "environment", length = 2048)
    String environment;
    @Column(name = "url", length = 4096)
    String url;
    @Column(name = "user_agent", length = 1024)
    String userAgent;
    @Column(name = "ip_address", length = 64)
    String ipAddress;
    @Column(name = "resolved", nullable = false)
    boolean resolved;
    @Column(name = "regressed", nullable = false)
    boolean regressed;
    @Column(name = "resolved_at")
    Instant resolvedAt;
    @Column(name = "occurrence_count", nullable = false)
    long count;
    @Column(name = "first_seen", nullable = false)
    Instant firstSeen;
    @Column(name = "last_seen", nullable = false)
    Instant lastSeen;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ErrorGroupJpaEntity() {
    }

    ErrorGroupJpaEntity(String id) {
        this.id = id;
    }
}
