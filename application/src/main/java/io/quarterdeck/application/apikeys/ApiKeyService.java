package io.quarterdeck.application.apikeys;

import io.quarterdeck.application.port.in.apikeys.AuthenticateApiKeyUseCase;
import io.quarterdeck.application.port.in.apikeys.BootstrapApiKeyUseCase;
import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.application.port.out.identity.BootstrapSecretSink;
import io.quarterdeck.application.port.out.identity.SecretHasher;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.ApiKeyPrincipal;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.application.identity.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API keys are stored as memory-hard hashes, so proving one is deliberately slow. A key proven once is remembered
 * (by its SHA-256, in memory only) for a short time so that hot paths pay the hash once per key per minute.
 */
@ApplicationScoped
public class ApiKeyService implements AuthenticateApiKeyUseCase, BootstrapApiKeyUseCase {
    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    static final int CACHE_MAX = 10_000;

    private final ApiKeyRepository keys;
    private final SecretHasher hasher;
    private final BootstrapSecretSink sink;
    private final Clock clock;
    private final ConcurrentHashMap<String, Proven> proven = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Object[] stripes = new Object[64];

    {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    private record Proven(ApiKeyPrincipal principal, Instant until, Instant expiresAt) {
    }

    @Inject
    public ApiKeyService(ApiKeyRepository keys, SecretHasher hasher, BootstrapSecretSink sink, Clock clock) {
        this.keys = keys;
        this.hasher = hasher;
        this.sink = sink;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected ApiKeyService() {
        this(null, null, null, null);
    }

    @Override
    public Optional<ApiKeyPrincipal> authenticate(String presented) {
        String id = ApiKey.idOf(presented);
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String digest = Secrets.sha256(presented);
        Optional<ApiKeyPrincipal> cached = cached(digest, now);
        if (cached.isPresent()) {
            return cached;
        }
        // One prover per key at a time: when a busy key's entry expires, the concurrent requests that miss wait
        // for the first one's proof instead of each paying the memory-hard hash (and a database connection).
        synchronized (stripes[Math.floorMod(digest.hashCode(), stripes.length)]) {
            cached = cached(digest, clock.instant());
            return cached.isPresent() ? cached : prove(presented, id, digest, now);
        }
    }

    private Optional<ApiKeyPrincipal> cached(String digest, Instant now) {
        Proven cached = proven.get(digest);
        if (cached != null && now.isBefore(cached.until())
                && (cached.expiresAt() == null || now.isBefore(cached.expiresAt()))) {
            return Optional.of(cached.principal());
        }
        return Optional.empty();
    }

    private Optional<ApiKeyPrincipal> prove(String presented, String id, String digest, Instant now) {
        long generationAtStart = generation.get();
        Optional<ApiKey> stored = keys.findById(id);
        if (stored.isEmpty() || !stored.get().activeAt(now) || !hasher.verify(presented, stored.get().hash())) {
            proven.remove(digest);
            return Optional.empty();
        }
        ApiKey key = stored.get();
        keys.touch(key.id(), now);
        ApiKeyPrincipal principal = new ApiKeyPrincipal(key.id(), key.name(), key.scopes());
        if (proven.size() >= CACHE_MAX) {
            proven.clear();
        }
        proven.put(digest, new Proven(principal, now.plus(CACHE_TTL), key.expiresAt()));
        if (generation.get() != generationAtStart) {
            // A revocation committed while this key was being proven: do not let the proof outlive it.
            proven.remove(digest);
        }
        return Optional.of(principal);
    }

    /** A new key: {@code qdk_}, a 12-character id, {@code _}, 40 random characters (about 238 bits). */
    static String newKey() {
        return ApiKey.PREFIX + Secrets.random(12) + "_" + Secrets.random(40);
    }

    /** Forgets every proven key, so a revocation takes effect at once. */
    public void forgetProvenKeys() {
        generation.incrementAndGet();
        proven.clear();
    }

    @Override
    @Transactional
    public Optional<String> bootstrap(Optional<String> presetKey) {
        if (keys.count() > 0) {
            return Optional.empty();
        }
        String key;
        if (presetKey.isPresent() && !presetKey.get().isBlank()) {
            key = presetKey.get().trim();
            if (ApiKey.idOf(key) == null || key.length() < 32) {
                throw new IllegalArgumentException(
                        "the preset bootstrap API key must look like qdk_<id>_<secret> and be at least 32 characters");
            }
        } else {
            key = newKey();
        }
        String id = ApiKey.idOf(key);
        keys.insert(new ApiKey(id, "bootstrap", ApiKey.previewOf(key), hasher.hash(key),
                Set.of(Scope.READ, Scope.WRITE, Scope.INGEST), clock.instant(), null, null, null));
        if (presetKey.isPresent() && !presetKey.get().isBlank()) {
            return Optional.of("preset by configuration");
        }
        return Optional.of(sink.deliver("bootstrap-api-key", key));
    }
}
