package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.application.port.out.identity.RevocationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The access-token revocation list in {@code revoked_tokens}. */
@ApplicationScoped
public class JpaRevocationStore implements RevocationStore {
    static final String JTI = "jti";
    static final String SUBJECT = "subject";

    private final EntityManager em;

    @Inject
    public JpaRevocationStore(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaRevocationStore() {
        this.em = null;
    }

    @Override
    public void revokeToken(String jti, Instant expiresAt) {
        upsert(JTI, jti, null, expiresAt);
    }

    @Override
    public void cutOffSubject(String subject, Instant notBefore, Instant keepUntil) {
        upsert(SUBJECT, subject, notBefore, keepUntil);
    }

    private void upsert(String kind, String key, Instant notBefore, Instant keepUntil) {
        RevokedTokenJpaEntity existing = em.find(RevokedTokenJpaEntity.class, new RevokedTokenJpaEntity.Key(kind, key));
        if (existing == null) {
            em.persist(new RevokedTokenJpaEntity(kind, key, notBefore, keepUntil));
            return;
        }
        if (notBefore != null && (existing.notBefore == null || notBefore.isAfter(existing.notBefore))) {
            existing.notBefore = notBefore;
        }
        if (keepUntil.isAfter(existing.keepUntil)) {
            existing.keepUntil = keepUntil;
        }
    }

    @Override
    public Map<String, Instant> revokedTokens(Instant now) {
        Map<String, Instant> out = new HashMap<>();
        em.createQuery("select r from RevokedTokenJpaEntity r where r.key.kind = :k and r.keepUntil > :now",
                        RevokedTokenJpaEntity.class).setParameter("k", JTI).setParameter("now", now)
                .getResultStream().forEach(r -> out.put(r.key.tokenKey, r.keepUntil));
        return out;
    }

    @Override
    public Map<String, Instant> subjectCutOffs(Instant now) {
        Map<String, Instant> out = new HashMap<>();
        em.createQuery("select r from RevokedTokenJpaEntity r where r.key.kind = :k and r.keepUntil > :now",
                        RevokedTokenJpaEntity.class).setParameter("k", SUBJECT).setParameter("now", now)
                .getResultStream().forEach(r -> out.put(r.key.tokenKey, r.notBefore));
        return out;
    }

    @Override
    public long deleteExpired(Instant now) {
        return em.createQuery("delete from RevokedTokenJpaEntity r where r.keepUntil <= :now")
                .setParameter("now", now).executeUpdate();
    }
}
