package io.quarterdeck.application.port.out.identity;

import java.time.Instant;
import java.util.Map;

/**
 * The persistent revocation list of access tokens: single tokens by {@code jti}, and every token of a subject
 * issued before a cut-off (password change, role change, disabling). Entries live until the tokens they refuse
 * would have expired anyway.
 */
public interface RevocationStore {
    void revokeToken(String jti, Instant expiresAt);

    /** Tokens of {@code subject} issued before {@code notBefore} are refused until {@code keepUntil}. */
    void cutOffSubject(String subject, Instant notBefore, Instant keepUntil);

    /** Every revoked jti still in force, with when its token expires. */
    Map<String, Instant> revokedTokens(Instant now);

    /** Every subject cut-off still in force. */
    Map<String, Instant> subjectCutOffs(Instant now);

    long deleteExpired(Instant now);
}
