package io.quarterdeck.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code audit_events}; inserted and read, never updated. */
@Entity
@Table(name = "audit_events")
public class AuditEventJpaEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;
    @Column(name = "at", nullable = false)
    Instant at;
    @Column(name = "actor", nullable = false, length = 200)
    String actor;
    @Column(name = "role", length = 16)
    String role;
    @Column(name = "ip", length = 64)
    String ip;
    @Column(name = "request_id", length = 100)
    String requestId;
    @Column(name = "method", length = 10)
    String method;
    @Column(name = "path", length = 500)
    String path;
    @Column(name = "action", nullable = false, length = 100)
    String action;
    @Column(name = "summary", length = 1000)
    String summary;
    @Column(name = "outcome", nullable = false)
    int outcome;

    protected AuditEventJpaEntity() {
    }
}
