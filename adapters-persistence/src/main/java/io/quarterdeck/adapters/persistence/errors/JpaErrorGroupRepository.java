package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.adapters.persistence.support.LockConflict;
import io.quarterdeck.adapters.persistence.support.UniqueViolation;
import io.quarterdeck.application.port.out.errors.ConcurrentGroupChangeException;
import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.GroupAlreadyExistsException;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Error groups in {@code error_groups}; every method joins the caller's transaction. Reads and the rare writes go
 * through JPA; the ingestion write path (lock, insert, update) through {@link ErrorRows} in plain JDBC, with the
 * groups this process wrote last held in an {@link ErrorGroupCache} so that their rows need not be read again.
 */
@ApplicationScoped
public class JpaErrorGroupRepository implements ErrorGroupRepository {
    @PersistenceContext(unitName = "quarterdeck")
    EntityManager em;
    @Inject
    ErrorGroupCache cache;

    public JpaErrorGroupRepository() {
    }

    /** For tests outside a container: a cache of its own. */
    public JpaErrorGroupRepository(EntityManager em) {
        this(em, new ErrorGroupCache());
    }

    /** For tests outside a container. */
    public JpaErrorGroupRepository(EntityManager em, ErrorGroupCache cache) {
        this.em = em;
        this.cache = cache;
    }

    /** Groups this process wrote last come from the cache unlocked (see {@link ErrorGroupCache}); the rest locked. */
    @Override
    public Map<Fingerprint, ErrorGroup> lockByFingerprints(Collection<Fingerprint> fingerprints) {
        if (fingerprints.isEmpty()) {
            return Map.of();
        }
        List<String> wanted = ErrorRows.values(fingerprints);
        Map<String, ErrorGroup> cached = cache.checkOut(wanted, new HashMap<>());
        Map<Fingerprint, ErrorGroup> found = new HashMap<>();
        cached.values().forEach(g -> found.put(g.fingerprint(), g));
        if (cached.size() < wanted.size()) {
            List<String> rest = cached.isEmpty() ? wanted
                    : wanted.stream().filter(fp -> !cached.containsKey(fp)).toList();
            found.putAll(jdbc(c -> ErrorRows.lockByFingerprints(c, rest)));
        }
        return found;
    }

    @Override
    public void insertAll(Collection<ErrorGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        try {
            long[] versions = jdbc(c -> ErrorRows.insertGroups(c, groups));
            int i = 0;
            for (ErrorGroup g : groups) {
                cache.store(g, versions[i++]);
            }
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw new GroupAlreadyExistsException(e);
            }
            throw e;
        }
    }

    @Override
    public void updateAll(Collection<ErrorGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        ErrorRows.Updated result = jdbc(c -> ErrorRows.updateGroups(c, groups, cache));
        if (!result.changedElsewhere().isEmpty()) {
            // The transaction will roll back; its retry reads every group from its row, locked.
            cache.forgetAndLockNext(groups.stream().map(ErrorGroup::fingerprint).toList());
            throw new ConcurrentGroupChangeException(result.changedElsewhere().size() + " of " + groups.size()
                    + " error groups were changed by another transaction since they were read", null);
        }
        if (!result.missing().isEmpty()) {
            cache.forget(groups.stream().map(ErrorGroup::fingerprint).toList());
            throw new IllegalStateException(result.missing().size() + " of " + groups.size()
                    + " error groups to update do not exist");
        }
        for (int i = 0; i < result.written().size(); i++) {
            cache.store(result.written().get(i), result.versions().get(i));
        }
    }

    /**
     * Runs JDBC work on the connection of the current transaction. Pending JPA changes are flushed first and the
     * persistence context is cleared after, so entities and rows never disagree within one transaction.
     */
    <T> T jdbc(ReturningWork<T> work) {
        Session session = em.unwrap(Session.class);
        session.flush();
        try {
            return session.doReturningWork(work);
        } catch (RuntimeException e) {
            if (LockConflict.in(e)) {
                // A deadlock with another writer (another instance, whose cached groups it writes without
                // reading them locked first): the database rolled this transaction back; it runs again.
                cache.abandon();
                throw deadlockVictim(e);
            }
            throw e;
        } finally {
            session.clear();
        }
    }

    /** The port's retry signal for a transaction the database rolled back to break a deadlock. */
    static ConcurrentGroupChangeException deadlockVictim(RuntimeException e) {
        return new ConcurrentGroupChangeException("the database ended this transaction to break a deadlock with"
                + " another writer of the same error groups", e);
    }

    @Override
    public Optional<ErrorGroup> findById(ErrorGroupId id) {
        return Optional.ofNullable(em.find(ErrorGroupJpaEntity.class, id.value())).map(ErrorMapper::toDomain);
    }

    @Override
    public Optional<ErrorGroup> lockById(ErrorGroupId id) {
        // Locked: its update needs no expected version (and this runs on a request thread; see ErrorGroupCache).
        return Optional.ofNullable(em.find(ErrorGroupJpaEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(ErrorMapper::toDomain);
    }

    @Override
    public ErrorPage search(ErrorQuery q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (q.level() != null) {
            where.append(" and g.level = :level");
            params.put("level", q.level().wireName());
        }
        if (q.source() != null) {
            where.append(" and g.source = :source");
            params.put("source", q.source());
        }
        if (q.resolved() != null) {
            where.append(" and g.resolved = :resolved");
            params.put("resolved", q.resolved());
        }
        if (q.search() != null) {
            where.append(" and lower(g.message) like :search escape '!'");
            params.put("search", "%" + escapeLike(q.search().toLowerCase(Locale.ROOT)) + "%");
        }
        TypedQuery<Long> count = em.createQuery("select count(g) from ErrorGroupJpaEntity g" + where, Long.class);
        TypedQuery<ErrorGroupJpaEntity> page = em.createQuery(
                "select g from ErrorGroupJpaEntity g" + where + " order by g.lastSeen desc, g.id",
                ErrorGroupJpaEntity.class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            page.setParameter(k, v);
        });
        long total = count.getSingleResult();
        List<ErrorGroup> groups = new ArrayList<>();
        if (q.offset() < total) {
            page.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList()
                    .forEach(e -> groups.add(ErrorMapper.toDomain(e)));
        }
        return new ErrorPage(groups, total, q.page(), q.limit());
    }

    @Override
    public boolean delete(ErrorGroupId id) {
        em.createQuery("delete from ErrorOccurrenceJpaEntity o where o.groupId = :id").setParameter("id", id.value())
                .executeUpdate();
        ErrorGroupJpaEntity e = em.find(ErrorGroupJpaEntity.class, id.value());
        if (e == null) {
            return false;
        }
        em.remove(e);
        em.flush();
        cache.forget(List.of(new Fingerprint(e.fingerprint)));
        return true;
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
