package io.quarterdeck.adapters.persistence.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.adapters.persistence.support.TestDatabase;
import io.quarterdeck.application.errors.ErrorGroupTransactions;
import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.out.errors.ConcurrentGroupChangeException;
import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.application.port.out.contract.ErrorRepositoryContract;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JDBC repositories against the shared contract, built once per test and used by all its transactions (as in
 * the server, where one repository and its {@link ErrorGroupCache} serve every transaction), plus what the cache
 * must guarantee: a group another writer changed, deleted or never committed is never written from the cache's
 * copy; the write fails, and the retry reads the row. Another instance of the server is another pair of repositories
 * on the same database.
 */
abstract class CachedErrorRepositoryContract extends ErrorRepositoryContract {
    private static final ErrorTrackingSettings SETTINGS = ErrorTrackingSettings.defaults();

    private Instance here;

    /** One server's repositories; each has its own cache. */
    private record Instance(JdbcErrorGroupRepository groups, JdbcErrorOccurrenceRepository occurrences) {
    }

    protected abstract TestDatabase db();

    /** A query counting the sessions of this database that wait for a lock another session holds. */
    protected abstract String lockWaitersQuery();

    @Override
    protected <T> T inTransaction(BiFunction<ErrorGroupRepository, ErrorOccurrenceRepository, T> work) {
        return in(here(), work);
    }

    private Instance here() {
        if (here == null) {
            here = anotherInstance();
        }
        return here;
    }

    private Instance anotherInstance() {
        return new Instance(new JdbcErrorGroupRepository(db().entityManager(), db().dataSource()),
                new JdbcErrorOccurrenceRepository(db().entityManager(), db().dataSource()));
    }

    private <T> T in(Instance instance, BiFunction<ErrorGroupRepository, ErrorOccurrenceRepository, T> work) {
        return db().inTransaction(() -> work.apply(instance.groups(), instance.occurrences()));
    }

    @Override
    protected void deleteEverything() {
        db().execute("delete from error_occurrences", "delete from error_groups");
        here = anotherInstance();
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
        assertEquals(1, here().groups().cachedGroups());
        // Behind the cache's back, without a new row version (no writer of this application does that): the
        // next write starts from the cached copy, not from the row, so it does not see this change.
        db().execute("update error_groups set message = 'changed behind the cache' where fingerprint = '"
                + fp.value() + "'");
        ErrorGroup second = record(event(fp, 2));
        assertEquals(2, second.count());
        assertEquals("Payment failed 2", second.message());
    }

    /** A text search stops counting after 1,000 matches (or the end of the requested page) and says so. */
    @Test
    void a_text_search_counts_at_most_a_thousand_matches_and_says_so() {
        List<ErrorGroup> groups = new java.util.ArrayList<>();
        for (int i = 0; i < 1_005; i++) {
            groups.add(ErrorGroup.open(io.quarterdeck.domain.errors.ErrorGroupId.newId(), event(fingerprint(),
                    ErrorLevel.ERROR, "Timeout calling svc " + i, "web", Map.of(), T0.plusSeconds(i))));
        }
        inTransaction((g, o) -> {
            g.insertAll(groups);
            return null;
        });
        var many = inTransaction((g, o) -> g.search(new ErrorQuery(50, 0, null, null, null, "TIMEOUT")));
        assertEquals(1_000, many.total());
        assertTrue(many.totalIsLowerBound());
        assertEquals(50, many.errors().size());
        assertEquals("Timeout calling svc 1004", many.errors().get(0).message());
        var deep = inTransaction((g, o) -> g.search(new ErrorQuery(50, 1_000, null, null, null, "timeout")));
        assertEquals(1_005, deep.total(), "counted to the end of the page asked for: exact");
        assertFalse(deep.totalIsLowerBound());
        assertEquals(5, deep.errors().size());
        var few = inTransaction((g, o) -> g.search(new ErrorQuery(50, 0, null, null, null, "svc 100")));
        assertEquals(6, few.total());
        assertFalse(few.totalIsLowerBound());
        var all = inTransaction((g, o) -> g.search(new ErrorQuery(10, 0, null, null, null, null)));
        assertEquals(1_005, all.total(), "without text every match is counted");
        assertFalse(all.totalIsLowerBound());
    }

    /** The dashboards read under {@code @Transactional(SUPPORTS)}: no transaction, so a connection of their own. */
    @Test
    void reads_outside_a_transaction_see_what_was_committed() {
        Fingerprint fp = fingerprint();
        ErrorGroup first = record(event(fp, 1));
        record(event(fp, 2));
        Instance reader = here();
        assertEquals(2, reader.groups().findById(first.id()).orElseThrow().count());
        assertEquals(1, reader.groups().search(new ErrorQuery(10, 0, null, null, null, null)).total());
        assertEquals(2, reader.occurrences().countFor(first.id()));
        assertEquals(2, reader.occurrences().latest(first.id(), 10).size());
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
        boolean resolved = this.<Boolean>in(anotherInstance(), (g, o) -> new ErrorGroupTransactions(g, o, SETTINGS)
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

    /**
     * Two instances share the database. The first wrote A last, so its next write of A takes no lock before the
     * update; the second knows neither group and reads both rows locked, A first. The first holds M and waits for
     * A, the second holds A and waits for M: the database breaks the deadlock by rolling one back (H2 sometimes
     * both), and that must come back as the port's retry signal, not as a failure, and the retries must count every
     * occurrence once.
     */
    @Test
    void instances_that_deadlock_on_each_others_groups_lose_one_attempt_and_no_occurrence() throws Exception {
        List<Fingerprint> pair = Stream.of(fingerprint(), fingerprint())
                .sorted(Comparator.comparing(Fingerprint::value)).toList();
        Fingerprint a = pair.get(0);
        Fingerprint m = pair.get(1);
        ErrorGroup groupA = record(event(a, 1));
        ErrorGroup groupM = this.<List<ErrorGroup>>in(anotherInstance(),
                (g, o) -> new ErrorGroupTransactions(g, o, SETTINGS).record(List.of(event(m, 1)))).get(0);
        Instance second = anotherInstance();
        CountDownLatch firstHoldsM = new CountDownLatch(1);
        AtomicBoolean paused = new AtomicBoolean();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = instances.submit(() -> withRetries(retries, () -> inTransaction((g, o) ->
                    new ErrorGroupTransactions(afterLocking(g, () -> {
                        if (!paused.getAndSet(true)) { // first attempt only: M is locked, A is not (cached)
                            firstHoldsM.countDown();
                            awaitLockWaiter(); // the second instance holds A and waits for M
                        }
                    }), o, SETTINGS).record(List.of(event(a, 2), event(m, 2))))));
            Future<?> two = instances.submit(() -> {
                await(firstHoldsM);
                withRetries(retries, () -> in(second, (g, o) ->
                        new ErrorGroupTransactions(g, o, SETTINGS).record(List.of(event(a, 3), event(m, 3)))));
            });
            one.get(60, TimeUnit.SECONDS);
            two.get(60, TimeUnit.SECONDS);
        } finally {
            instances.shutdownNow();
        }
        // PostgreSQL rolls back one of the two; H2 may roll back both when each finds the cycle at once.
        assertTrue(retries.get() == 1 || retries.get() == 2, () -> "deadlock victims that ran again: " + retries);
        // Read from the rows: this instance's cache may hold its own last write, which the other one followed.
        Map<Fingerprint, ErrorGroup> after = in(anotherInstance(), (g, o) -> g.lockByFingerprints(pair));
        assertEquals(3, after.get(a).count());
        assertEquals(3, after.get(m).count());
        assertEquals(3, stored(groupA));
        assertEquals(3, stored(groupM));
    }

    private static void withRetries(AtomicInteger retries, Runnable transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.run();
                return;
            } catch (ConcurrentGroupChangeException e) {
                retries.incrementAndGet();
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void awaitLockWaiter() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (db().number(lockWaitersQuery()) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second instance never waited for the first one's lock");
            }
            sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the first instance never locked its rows");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The repository, running {@code hook} after each {@code lockByFingerprints} returned. */
    private static ErrorGroupRepository afterLocking(ErrorGroupRepository repository, Runnable hook) {
        return (ErrorGroupRepository) Proxy.newProxyInstance(ErrorGroupRepository.class.getClassLoader(),
                new Class<?>[] {ErrorGroupRepository.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("lockByFingerprints")) {
                        hook.run();
                    }
                    return result;
                });
    }
}
