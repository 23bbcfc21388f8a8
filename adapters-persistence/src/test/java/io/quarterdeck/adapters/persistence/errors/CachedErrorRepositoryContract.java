package io.quarterdeck.adapters.persistence.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.errors.ErrorGroupTransactions;
import io.quarterdeck.application.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.out.ConcurrentGroupChangeException;
import io.quarterdeck.application.port.out.ErrorGroupRepository;
import io.quarterdeck.application.port.out.ErrorOccurrenceRepository;
import io.quarterdeck.application.port.out.contract.ErrorRepositoryContract;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The JPA repositories against the shared contract, with one {@link ErrorGroupCache} across all transactions of a
 * test (as in the server), plus what the cache must guarantee: a group another writer changed, deleted or never
 * committed is never written from the cache's copy; the write fails, and the retry reads the row.
 */
abstract class CachedErrorRepositoryContract extends ErrorRepositoryContract {
    private static final ErrorTrackingSettings SETTINGS = ErrorTrackingSettings.defaults();

    private final ErrorGroupCache cache = new ErrorGroupCache();

    protected abstract TestDatabase db();

    @Override
    protected <T> T inTransaction(BiFunction<ErrorGroupRepository, ErrorOccurrenceRepository, T> work) {
        return in(cache, work);
    }

    private <T> T in(ErrorGroupCache with, BiFunction<ErrorGroupRepository, ErrorOccurrenceRepository, T> work) {
        return db().inTransaction(em -> work.apply(new JpaErrorGroupRepository(em, with),
                new JpaErrorOccurrenceRepository(em)));
    }

    @Override
    protected void deleteEverything() {
        db().execute("delete from error_occurrences", "delete from error_groups");
        cache.clear();
    }

    private ErrorGroup record(ErrorEvent event) {
        return inTransaction((g, o) -> new ErrorGroupTransactions(g, o, SETTINGS).record(List.of(event))).get(0);
    }

    private static ErrorEvent event(Fingerprint fp, int n) {
        return event(fp, ErrorLevel.ERROR, "Payment failed " + n, "web", Map.of(), T0.plusSeconds(n));
    }

    private long stored(ErrorGroup group) {
        return inTransaction((g, o) -> o.countFor(group.id()));
    }

    @Test
    void a_group_written_here_is_written_again_from_the_cache_without_reading_its_row() {
        Fingerprint fp = fingerprint();
        record(event(fp, 1));
        assertEquals(1, cache.size());
        // Behind the cache's back, without a new row version (no writer of this application does that): the
        // next write starts from the cached copy, not from the row, so it does not see this change.
        db().execute("update error_groups set message = 'changed behind the cache' where fingerprint = '"
                + fp.value() + "'");
        ErrorGroup second = record(event(fp, 2));
        assertEquals(2, second.count());
        assertEquals("Payment failed 2", second.message());
    }

    @Test
    void a_group_another_writer_changed_is_not_overwritten_and_the_retry_counts_from_the_row() {
        Fingerprint fp = fingerprint();
        ErrorGroup first = record(event(fp, 1));
        // Another instance records 99 occurrences: a new count and a new row version.
        db().execute("update error_groups set occurrence_count = 100, row_version = 7 where fingerprint = '"
                + fp.value() + "'");
        assertThrows(ConcurrentGroupChangeException.class, () -> record(event(fp, 2)));
        assertEquals(1, stored(first), "the failed batch rolled back its occurrence");
        ErrorGroup retried = record(event(fp, 2));
        assertEquals(101, retried.count());
        assertEquals(2, stored(first));
    }

    @Test
    void a_group_resolved_elsewhere_regresses_on_its_next_occurrence() {
        Fingerprint fp = fingerprint();
        ErrorGroup first = record(event(fp, 1));
        ErrorGroupCache anotherInstance = new ErrorGroupCache();
        boolean resolved = this.<Boolean>in(anotherInstance, (g, o) -> new ErrorGroupTransactions(g, o, SETTINGS)
                .resolve(first.id(), T0.plusSeconds(5)));
        assertTrue(resolved);
        assertThrows(ConcurrentGroupChangeException.class, () -> record(event(fp, 6)));
        ErrorGroup after = record(event(fp, 6));
        assertFalse(after.resolved());
        assertTrue(after.regressed());
        assertEquals(2, after.count());
    }

    @Test
    void a_group_deleted_elsewhere_is_opened_afresh() {
        Fingerprint fp = fingerprint();
        ErrorGroup first = record(event(fp, 1));
        db().execute("delete from error_occurrences", "delete from error_groups");
        assertThrows(ConcurrentGroupChangeException.class, () -> record(event(fp, 2)));
        ErrorGroup reopened = record(event(fp, 2));
        assertNotEquals(first.id(), reopened.id());
        assertEquals(1, reopened.count());
    }

    @Test
    void a_write_that_rolled_back_is_never_taken_for_the_row() {
        Fingerprint fp = fingerprint();
        ErrorGroup first = record(event(fp, 1));
        // Written (and remembered by the cache), then rolled back: the row keeps count 1 and its old version.
        assertThrows(IllegalStateException.class, () -> inTransaction((g, o) -> {
            new ErrorGroupTransactions(g, o, SETTINGS).record(List.of(event(fp, 2)));
            throw new IllegalStateException("the commit fails");
        }));
        assertThrows(ConcurrentGroupChangeException.class, () -> record(event(fp, 3)));
        ErrorGroup after = record(event(fp, 3));
        assertEquals(2, after.count(), "occurrences 1 and 3; 2 was never committed");
        assertEquals(2, stored(first));
    }
}
