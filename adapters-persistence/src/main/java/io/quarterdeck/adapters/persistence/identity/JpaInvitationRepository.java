package io.quarterdeck.adapters.persistence.identity;

import io.quarterdeck.application.port.out.identity.InvitationRepository;
import io.quarterdeck.domain.identity.Invitation;
import io.quarterdeck.domain.identity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Invitations in {@code invitations}; accepting is a conditional UPDATE, so a token works exactly once. */
@ApplicationScoped
public class JpaInvitationRepository implements InvitationRepository {
    private final EntityManager em;

    @Inject
    public JpaInvitationRepository(EntityManager em) {
        this.em = em;
    }

    /** For CDI proxies only. */
    protected JpaInvitationRepository() {
        this.em = null;
    }

    @Override
    public void insert(Invitation i) {
        InvitationJpaEntity e = new InvitationJpaEntity();
        e.id = i.id();
        e.email = i.email();
        e.role = i.role().wireName();
        e.tokenHash = i.tokenHash();
        e.invitedBy = i.invitedBy();
        e.createdAt = i.createdAt();
        e.expiresAt = i.expiresAt();
        e.acceptedAt = i.acceptedAt();
        em.persist(e);
    }

    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return em.createQuery("select i from InvitationJpaEntity i where i.tokenHash = :h", InvitationJpaEntity.class)
                .setParameter("h", tokenHash).getResultStream().findFirst().map(JpaInvitationRepository::toDomain);
    }

    @Override
    public boolean markAccepted(String id, Instant at) {
        return em.createQuery("update InvitationJpaEntity i set i.acceptedAt = :at where i.id = :id and i.acceptedAt is null")
                .setParameter("at", at).setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    public List<Invitation> listOpen(Instant now) {
        return em.createQuery("select i from InvitationJpaEntity i where i.acceptedAt is null and i.expiresAt > :now "
                        + "order by i.createdAt desc", InvitationJpaEntity.class)
                .setParameter("now", now).setMaxResults(1_000).getResultStream().map(JpaInvitationRepository::toDomain)
                .toList();
    }

    private static Invitation toDomain(InvitationJpaEntity e) {
        return new Invitation(e.id, e.email, Role.parse("role", e.role), e.tokenHash, e.invitedBy, e.createdAt,
                e.expiresAt, e.acceptedAt);
    }
}
