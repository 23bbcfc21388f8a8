package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Error groups in {@code error_groups}, through {@link ErrorGroupRows} on the connection of the caller's
 * transaction; every method joins it. The groups this process wrote last are held in an {@link ErrorGroupCache}
 * (one per repository, so one per server) so that the ingestion writer need not read their rows again.
 */
@ApplicationScoped
public class JdbcErrorGroupRepository implements ErrorGroupRepository {
    private final EntityManager em;
    private final DataSource dataSource;
    private final ErrorGroupCache cache;

    /** {@code dataSource} serves the reads that run outside a transaction. */
    @Inject
    public JdbcErrorGroupRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
        this.cache = new ErrorGroupCache(ErrorGroupCache.DEFAULT_CAPACITY);
    }

    /** For CDI proxies only. */
    protected JdbcErrorGroupRepository() {
        this.em = null;
        this.dataSource = null;
        this.cache = null;
    }

    /** Groups this process wrote last come from the cache unlocked (see {@link ErrorGroupCache}); the rest locked. */
    @Override
    public Map<Fingerprint, ErrorGroup> lockByFingerprints(Collection<Fingerprint> fingerprints) {
        if (fingerprints.isEmpty()) {
            return Map.of();
        }
        List<String> wanted = ErrorGroupRows.values(fingerprints);
        Map<String, ErrorGroup> cached = cache.checkOut(wanted, new HashMap<>());
        Map<Fingerprint, ErrorGroup> found = new HashMap<>();
        cached.values().forEach(g -> found.put(g.fingerprint(), g));
        if (cached.size() < wanted.size()) {
            List<String> rest = cached.isEmpty() ? wanted
                    : wanted.stream().filter(fp -> !cached.containsKey(fp)).toList();
            found.putAll(jdbc(c -> ErrorGroupRows.lockByFingerprints(c, rest)));
        }
        return found;
    }

    @Override
    public void insertAll(Collection<ErrorGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        long[] versions;
        try {
            versions = jdbc(c -> ErrorGroupRows.insert(c, groups));
        } catch (RuntimeException e) {
            if (UniqueViolation.in(e)) {
                throw new GroupAlreadyExistsException(e);
            }
            throw e;
        }
        int i = 0;
        for (ErrorGroup g : groups) {
            cache.store(g, versions[i++]);
        }
    }

    @Override
    public void updateAll(Collection<ErrorGroup> groups) {
        if (groups.isEmpty()) {
            return;
        }
        ErrorGroupRows.Updated result = jdbc(c -> ErrorGroupRows.update(c, groups));
        if (!result.changedElsewhere().isEmpty()) {
            // The transaction will roll back; its retry reads these groups from their rows, locked.
            cache.forgetContended(groups.stream().map(ErrorGroup::fingerprint).toList());
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

    @Override
    public Optional<ErrorGroup> findById(ErrorGroupId id) {
        return jdbc(c -> ErrorGroupRows.byId(c, id, false));
    }

    @Override
    public Optional<ErrorGroup> lockById(ErrorGroupId id) {
        return jdbc(c -> ErrorGroupRows.byId(c, id, true));
    }

    @Override
    public ErrorPage search(ErrorQuery q) {
        ErrorGroupRows.Page page = jdbc(c -> ErrorGroupRows.search(c, q));
        return new ErrorPage(page.groups(), page.total(), q.page(), q.limit(), page.totalIsLowerBound());
    }

    @Override
    public boolean delete(ErrorGroupId id) {
        Optional<Fingerprint> deleted = jdbc(c -> ErrorGroupRows.delete(c, id));
        deleted.ifPresent(fp -> cache.forget(List.of(fp)));
        return deleted.isPresent();
    }

    /** How many groups the cache holds, for tests. */
    int cachedGroups() {
        return cache.size();
    }

    private <T> T jdbc(JdbcInJpaTransaction.Work<T> work) {
        return onConnection(em, dataSource, work);
    }

    /**
     * Runs JDBC work on the connection of the current transaction. A deadlock with another writer (another
     * instance, whose cached groups it writes without reading them locked first) comes back as the port's retry
     * signal: the database rolled this transaction back and it runs again.
     */
    static <T> T onConnection(EntityManager em, DataSource dataSource, JdbcInJpaTransaction.Work<T> work) {
        try {
            return JdbcInJpaTransaction.call(em, dataSource, work);
        } catch (RuntimeException e) {
            if (LockConflict.in(e)) {
                throw new ConcurrentGroupChangeException("the database ended this transaction to break a deadlock"
                        + " with another writer of the same error groups", e);
            }
            throw e;
        }
    }
}
