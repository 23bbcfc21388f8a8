package io.quarterdeck.adapters.persistence.apikeys;

import io.quarterdeck.application.port.out.apikeys.ApiKeyRepository;
import io.quarterdeck.domain.identity.ApiKey;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** API keys in {@code api_keys}, through JPA; scopes as comma-separated lowercase names. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {
    private final EntityManager em;

    @Inject
    public JpaApiKeyRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaApiKeyRepository() {
        this.em = null;
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
        return Optional.ofNullable(em.find(ApiKeyJpaEntity.class, id)).map(JpaApiKeyRepository::toDomain);
    }

    private static ApiKey toDomain(ApiKeyJpaEntity e) {
        return new ApiKey(e.id, e.name, e.preview, e.hash, Arrays.stream(e.scopes.split(",")).filter(s -> !s.isBlank())
                .map(s -> Scope.parse("scopes", s)).collect(Collectors.toSet()), e.createdAt, e.expiresAt, e.lastUsed,
                e.revokedAt);
    }

    @Override
    public long count() {
        return em.createQuery("select count(k) from ApiKeyJpaEntity k", Long.class).getSingleResult();
    }

    @Override
    public List<ApiKey> listActive() {
        return em.createQuery("select k from ApiKeyJpaEntity k where k.revokedAt is null order by k.createdAt desc",
                ApiKeyJpaEntity.class).setMaxResults(10_000).getResultStream().map(JpaApiKeyRepository::toDomain).toList();
    }

    /** Commits by itself, so the caller can drop cached proofs after the revocation is visible to everyone. */
    @Override
    @Transactional
    public boolean revoke(String id, Instant at) {
        return em.createQuery("update ApiKeyJpaEntity k set k.revokedAt = :at where k.id = :id and k.revokedAt is null")
                .setParameter("at", at).setParameter("id", id).executeUpdate() == 1;
    }

    /** Its own short transaction, like {@link #findById}: authentication must not hold a connection afterwards. */
    @Override
    @Transactional
    public void touch(String id, Instant at) {
        em.createQuery("update ApiKeyJpaEntity k set k.lastUsed = :at where k.id = :id and (k.lastUsed is null or k.lastUsed < :at)")
                .setParameter("at", at).setParameter("id", id).executeUpdate();
    }
}
