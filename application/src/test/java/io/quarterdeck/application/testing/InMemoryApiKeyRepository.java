package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.domain.identity.ApiKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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

    @Override
    public List<ApiKey> listActive() {
        return keys.values().stream().filter(k -> k.revokedAt() == null)
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
    }

    @Override
    public boolean revoke(String id, Instant at) {
        ApiKey k = keys.get(id);
        if (k == null || k.revokedAt() != null) {
            return false;
        }
        keys.put(id, new ApiKey(k.id(), k.name(), k.preview(), k.hash(), k.scopes(), k.createdAt(), k.expiresAt(),
                k.lastUsed(), at));
        return true;
    }

    @Override
    public void touch(String id, Instant at) {
        keys.computeIfPresent(id, (i, k) -> k.lastUsed() != null && !k.lastUsed().isBefore(at) ? k
                : new ApiKey(k.id(), k.name(), k.preview(), k.hash(), k.scopes(), k.createdAt(), k.expiresAt(), at,
                        k.revokedAt()));
    }
}
