package io.quarterdeck.domain.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored refresh token: its SHA-256 only. Tokens issued from one login form a family; each is good for one
 * refresh, and presenting one that was already used revokes the whole family (someone holds a stolen copy).
 */
public record RefreshToken(String id, String familyId, String subject, String tokenHash, Instant issuedAt,
                           Instant expiresAt, Instant usedAt, Instant revokedAt) {
    public RefreshToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean usableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
