package io.quarterdeck.container;

import io.quarterdeck.domain.errors.ErrorGroupId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;

/**
 * The events the error publisher was asked to send in this deployment, each with what held at that moment: whether
 * the calling thread was inside a transaction, and what was committed of the group: read on another thread, which
 * has no transaction, so a change still pending in the caller's transaction is not seen.
 */
@ApplicationScoped
class PublishedEvents {
    enum Kind { NEW_ERROR, RESOLVED }

    record Event(Kind kind, String groupId, boolean inTransaction, Optional<Rows.Group> committed) {
    }

    @Resource(lookup = "jdbc/quarterdeck")
    DataSource dataSource;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Resource
    ManagedExecutorService executor;

    private final List<Event> events = new CopyOnWriteArrayList<>();

    void record(Kind kind, ErrorGroupId id) {
        boolean inTransaction = transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
        events.add(new Event(kind, id.value(), inTransaction, committed(id.value())));
    }

    private Optional<Rows.Group> committed(String groupId) {
        try {
            return executor.submit(() -> Rows.groupById(dataSource, groupId)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read group " + groupId + " outside the transaction", e);
        }
    }

    List<Event> about(String groupId) {
        return events.stream().filter(e -> e.groupId().equals(groupId)).toList();
    }

    List<Event> all() {
        return List.copyOf(events);
    }
}
