package io.quarterdeck.adapters.persistence.errors;

import io.quarterdeck.adapters.persistence.support.JdbcInJpaTransaction;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** Occurrences in {@code error_occurrences}, through {@link OccurrenceRows}; every method joins the caller's transaction. */
@ApplicationScoped
public class JdbcErrorOccurrenceRepository implements ErrorOccurrenceRepository {
    private final EntityManager em;
    private final DataSource dataSource;

    /** {@code dataSource} serves the reads that run outside a transaction. */
    @Inject
    public JdbcErrorOccurrenceRepository(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** For CDI proxies only. */
    protected JdbcErrorOccurrenceRepository() {
        this.em = null;
        this.dataSource = null;
    }

    /** The foreign key check waits for the group's row lock, so an append can deadlock: that is a retry signal. */
    @Override
    public void appendAll(Collection<ErrorOccurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return;
        }
        JdbcErrorGroupRepository.onConnection(em, dataSource, c -> {
            OccurrenceRows.insert(c, occurrences);
            return null;
        });
    }

    @Override
    public List<ErrorOccurrence> latest(ErrorGroupId groupId, int limit) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> OccurrenceRows.latest(c, groupId, limit));
    }

    @Override
    public long countFor(ErrorGroupId groupId) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> OccurrenceRows.countFor(c, groupId));
    }

    @Override
    public long deleteOlderThan(Instant cutoff) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> OccurrenceRows.deleteOlderThan(c, cutoff));
    }

    @Override
    public long trimEachGroupTo(int cap) {
        return JdbcInJpaTransaction.call(em, dataSource, c -> OccurrenceRows.trimEachGroupTo(c, cap));
    }
}
