package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.application.port.out.identity.RefreshTokenRepository;
import io.quarterdeck.domain.identity.RefreshToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Optional;

/**
 * Refresh tokens in {@code refresh_tokens}. Spending one is a conditional UPDATE, so of two concurrent uses exactly
 * one wins and the other is seen as reuse.
 */
@ApplicationScoped
public class JpaRefreshTokenRepository implements RefreshTokenRepository {
    private final EntityManager em;

    @Inject
    public JpaRefreshTokenRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaRefreshTokenRepository() {
        this.em = null;
    }

    @Override
    public void insert(RefreshToken t) {
        RefreshTokenJpaEntity e = new RefreshTokenJpaEntity();
        e.id = t.id();
        e.familyId = t.familyId();
        e.subject = t.subject();
        e.tokenHash = t.tokenHash();
        e.issuedAt = t.issuedAt();
        e.expiresAt = t.expiresAt();
        e.usedAt = t.usedAt();
        e.revokedAt = t.revokedAt();
        em.persist(e);
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        return em.createQuery("select t from RefreshTokenJpaEntity t where t.tokenHash = :h", RefreshTokenJpaEntity.class)
                .setParameter("h", tokenHash).getResultStream().findFirst()
                .map(e -> new RefreshToken(e.id, e.familyId, e.subject, e.tokenHash, e.issuedAt, e.expiresAt, e.usedAt,
                        e.revokedAt));
    }

    @Override
    public boolean markUsed(String id, Instant at) {
        return em.createQuery("update RefreshTokenJpaEntity t set t.usedAt = :at "
                        + "where t.id = :id and t.usedAt is null and t.revokedAt is null")
                .setParameter("at", at).setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    public int revokeFamily(String familyId, Instant at) {
        return em.createQuery("update RefreshTokenJpaEntity t set t.revokedAt = :at "
                        + "where t.familyId = :f and t.revokedAt is null")
                .setParameter("at", at).setParameter("f", familyId).executeUpdate();
    }

    @Override
    public int revokeSubject(String subject, Instant at) {
        return em.createQuery("update RefreshTokenJpaEntity t set t.revokedAt = :at "
                        + "where t.subject = :s and t.revokedAt is null")
                .setParameter("at", at).setParameter("s", subject).executeUpdate();
    }

    @Override
    public long deleteExpiredBefore(Instant cutoff) {
        return em.createQuery("delete from RefreshTokenJpaEntity t where t.expiresAt < :c")
                .setParameter("c", cutoff).executeUpdate();
    }
}
