package io.quarterdeck.application.port.out.apikeys;

import io.quarterdeck.domain.identity.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of API keys (hashes only). */
public interface ApiKeyRepository {
    void insert(ApiKey key);

    Optional<ApiKey> findById(String id);

    long count();

    /** Every key that is not revoked, newest first. */
    List<ApiKey> listActive();

    /** Marks the key revoked; false when it does not exist or already was. */
    boolean revoke(String id, Instant at);

    /** Records that the key was used at {@code at} (kept to the minute, not per request). */
    void touch(String id, Instant at);
}
