package io.quarterdeck.adapters.persistence.apikeys;

import io.quarterdeck.application.port.out.ApiKeyRepository;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** API keys in {@code api_keys}, through JPA; scopes as comma-separated lowercase names. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {
    @PersistenceContext(unitName = "quarterdeck")
    EntityManager em;

    public JpaApiKeyRepository() {
    }

    /** For tests outside a container. */
    public JpaApiKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(ApiKey key) {
        ApiKeyJpaEntity e = new ApiKeyJpaEntity();
        e.id = key.id();
        e.name = key.name();
        e.preview = key.preview();
        e.hash = key.hash();
        e.scopes = key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(","));
        e.createdAt = key.createdAt();
        e.expiresAt = key.expiresAt();
        e.lastUsed = key.lastUsed();
        e.revokedAt = key.revokedAt();
        em.persist(e);
    }

    /**
     * Its own transaction when the caller has none: a request thread that authenticates and then waits for the
     * ingestion writer must not hold a pooled connection meanwhile (Liberty keeps a connection used outside a
     * transaction until the request ends; 32 such waiters exhausted a pool of 20 and stalled the writer).
     */
    @Override
    @Transactional
    public Optional<ApiKey> findById(String id) {
        return Optional.ofNullable(em.find(ApiKeyJpaEntity.class, id)).map(e -> new ApiKey(e.id, e.name, e.preview,
                e.hash, Arrays.stream(e.scopes.split(",")).filter(s -> !s.isBlank()).map(s -> Scope.parse("scopes", s))
                        .collect(Collectors.toSet()), e.createdAt, e.expiresAt, e.lastUsed, e.revokedAt));
    }

    @Override
    public long count() {
        return em.createQuery("select count(k) from ApiKeyJpaEntity k", Long.class).getSingleResult();
    }
}
