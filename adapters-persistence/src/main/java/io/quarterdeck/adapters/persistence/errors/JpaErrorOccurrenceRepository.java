package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.adapters.persistence.support.LockConflict;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/** Occurrences in {@code error_occurrences}: appended in batched JDBC ({@link ErrorRows}), read through JPA. */
@ApplicationScoped
public class JpaErrorOccurrenceRepository implements ErrorOccurrenceRepository {
    @PersistenceContext(unitName = "quarterdeck")
    EntityManager em;

    public JpaErrorOccurrenceRepository() {
    }

    /** For tests outside a container. */
    public JpaErrorOccurrenceRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void appendAll(Collection<ErrorOccurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return;
        }
        Session session = em.unwrap(Session.class);
        session.flush();
        try {
            session.doWork(c -> ErrorRows.insertOccurrences(c, occurrences));
        } catch (RuntimeException e) {
            if (LockConflict.in(e)) { // the foreign key check waits for the group's row lock, so it can deadlock
                throw JpaErrorGroupRepository.deadlockVictim(e);
            }
            throw e;
        }
    }

    @Override
    public List<ErrorOccurrence> latest(ErrorGroupId groupId, int limit) {
        return em.createQuery("select o from ErrorOccurrenceJpaEntity o where o.groupId = :g"
                        + " order by o.occurredAt desc, o.id desc", ErrorOccurrenceJpaEntity.class)
                .setParameter("g", groupId.value()).setMaxResults(limit).getResultList()
                .stream().map(ErrorMapper::toDomain).toList();
    }

    @Override
    public long countFor(ErrorGroupId groupId) {
        return em.createQuery("select count(o) from ErrorOccurrenceJpaEntity o where o.groupId = :g", Long.class)
                .setParameter("g", groupId.value()).getSingleResult();
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        return em.createQuery("delete from ErrorOccurrenceJpaEntity o where o.occurredAt < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    @Override
    public long trimEachGroupTo(int cap) {
        return em.createNativeQuery("delete from error_occurrences where id in (select id from (select id,"
                        + " row_number() over (partition by group_id order by occurred_at desc, id desc) rn"
                        + " from error_occurrences) ranked where ranked.rn > ?1)")
                .setParameter(1, cap).executeUpdate();
    }
}
