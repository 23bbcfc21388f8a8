package io.quarterdeck.adapters.persistence.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code refresh_tokens}: the token's SHA-256, never the token. */
@Entity
@Table(name = "refresh_tokens")
public class RefreshTokenJpaEntity {
    @Id
    @Column(name = "id", length = 64)
    String id;
    @Column(name = "family_id", nullable = false, length = 64)
    String familyId;
    @Column(name = "subject", nullable = false, length = 64)
    String subject;
    @Column(name = "token_hash", nullable = false, length = 64, columnDefinition = "CHAR(64)")
    String tokenHash;
    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;
    @Column(name = "used_at")
    Instant usedAt;
    @Column(name = "revoked_at")
    Instant revokedAt;

    protected RefreshTokenJpaEntity() {
    }
}
