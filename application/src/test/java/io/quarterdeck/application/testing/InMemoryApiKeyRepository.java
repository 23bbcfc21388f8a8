package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.ApiKeyRepository;
import io.quarterdeck.domain.identity.ApiKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API keys in a map; inserting an id twice fails as the primary key would. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public void insert(ApiKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("duplicate api key id " + key.id());
        }
    }

    @Override
    public Optional<ApiKey> findById(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    public void clear() {
        keys.clear();
    }

    @Override
    public long count() {
        return keys.size();
    }
}
