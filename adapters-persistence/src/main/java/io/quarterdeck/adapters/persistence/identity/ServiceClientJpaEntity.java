package io.quarterdeck.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code service_clients}. */
@Entity
@Table(name = "service_clients")
public class ServiceClientJpaEntity {
    @Id
    @Column(name = "client_id", length = 64)
    String clientId;
    @Column(name = "name", nullable = false, length = 200)
    String name;
    @Column(name = "scopes", nullable = false, length = 200)
    String scopes;
    @Column(name = "secret_hash", nullable = false, length = 512)
    String secretHash;
    @Column(name = "previous_secret_hash", length = 512)
    String previousSecretHash;
    @Column(name = "previous_valid_until")
    Instant previousValidUntil;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "disabled_at")
    Instant disabledAt;

    protected ServiceClientJpaEntity() {
    }
}
