package io.quarterdeck.application.testing;

import io.quarterdeck.application.port.out.identity.SigningKeyStore;
import io.quarterdeck.application.port.out.identity.StoredSigningKey;
import io.quarterdeck.domain.shared.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The signing key store in memory; share one instance between two key rings to play one database. */
public final class InMemorySigningKeyStore implements SigningKeyStore {
    private final Map<String, StoredSigningKey> keys = new LinkedHashMap<>();

    @Override
    public synchronized List<StoredSigningKey> all() {
        List<StoredSigningKey> out = new ArrayList<>(keys.values());
        out.sort(Comparator.comparing(StoredSigningKey::createdAt).thenComparing(StoredSigningKey::kid));
        return out;
    }

    @Override
    public synchronized void insert(StoredSigningKey key) {
        if (keys.putIfAbsent(key.kid(), key) != null) {
            throw new ConflictException("kid", "a signing key with kid " + key.kid() + " is already stored");
        }
    }

    @Override
    public synchronized int retireActiveCreatedBefore(Instant createdBefore, Instant retiredAt) {
        int n = 0;
        for (StoredSigningKey k : List.copyOf(keys.values())) {
            if (k.active() && k.createdAt().isBefore(createdBefore)) {
                keys.put(k.kid(), new StoredSigningKey(k.kid(), k.publicJwk(), k.encryptedPrivateKey(), k.createdAt(),
                        retiredAt));
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int deleteRetiredBefore(Instant cutOff) {
        int before = keys.size();
        keys.values().removeIf(k -> !k.active() && k.retiredAt().isBefore(cutOff));
        return before - keys.size();
    }

    public synchronized void clear() {
        keys.clear();
    }
}
