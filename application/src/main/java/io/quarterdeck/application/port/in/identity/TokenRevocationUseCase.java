package io.quarterdeck.application.port.in.identity;

import java.time.Instant;

/** Is a verified access token still good? Answered from memory; the list is persistent and reloaded. */
public interface TokenRevocationUseCase {
    boolean isRevoked(String jti, String subject, Instant issuedAt);

    /** Reads the persistent list again (other instances' revocations) and deletes entries past expiry. */
    void reload();

    /**
     * Deletes refresh tokens that expired more than a day ago (spent or not: a reused token that old is refused as
     * expired anyway) and revocations of tokens that have expired. Returns how many refresh tokens went.
     */
    long purgeExpired();
}
