package io.quarterdeck.application.port.out.identity;

import io.quarterdeck.domain.identity.RefreshToken;
import java.time.Instant;
import java.util.Optional;

/** Refresh tokens by their SHA-256, grouped in families. */
public interface RefreshTokenRepository {
    void insert(RefreshToken token);

    Optional<RefreshToken> findByHash(String tokenHash);

    /** Marks the token used if, and only if, nobody has used or revoked it yet; false when someone had. */
    boolean markUsed(String id, Instant at);

    /** Revokes every token of the family that is not revoked yet; how many. */
    int revokeFamily(String familyId, Instant at);

    /** Revokes every token of the subject (logout everywhere, password change, disabling). */
    int revokeSubject(String subject, Instant at);

    long deleteExpiredBefore(Instant cutoff);
}
