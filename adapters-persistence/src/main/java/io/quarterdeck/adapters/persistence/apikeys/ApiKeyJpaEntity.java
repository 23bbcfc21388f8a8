package io.quarterdeck.adapters.persistence.apikeys;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code api_keys}: a hash and a preview, never the key. */
@Entity
@Table(name = "api_keys")
public class ApiKeyJpaEntity {
    @Id
    @Column(name = "id", length = 64)
    String id;
    @Column(name = "name", nullable = false, length = 200)
    String name;
    @Column(name = "preview", nullable = false, length = 64)
    String preview;
    @Column(name = "hash", nullable = false, length = 512)
    String hash;
    @Column(name = "scopes", nullable = false, length = 200)
    String scopes;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "expires_at")
    Instant expiresAt;
    @Column(name = "last_used")
    Instant lastUsed;
    @Column(name = "revoked_at")
    Instant revokedAt;

    protected ApiKeyJpaEntity() {
    }
}
