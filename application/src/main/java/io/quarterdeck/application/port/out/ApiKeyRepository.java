package io.quarterdeck.application.port.out;

import io.quarterdeck.domain.identity.ApiKey;
import java.util.Optional;

/** Storage of API keys (hashes only). */
public interface ApiKeyRepository {
    void insert(ApiKey key);

    Optional<ApiKey> findById(String id);

    long count();
}
