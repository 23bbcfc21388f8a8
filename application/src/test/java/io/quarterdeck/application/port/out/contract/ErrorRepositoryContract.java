package io.quarterdeck.application.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.errors.ErrorGroupTransactions;
import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.ErrorOccurrenceRepository;
import io.quarterdeck.application.port.out.errors.ConcurrentGroupChangeException;
import io.quarterdeck.application.port.out.errors.GroupAlreadyExistsException;
import io.quarterdeck.domain.errors.ClientInfo;
import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorEventTestData;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorLevel;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.ErrorPage;
import io.quarterdeck.domain.errors.ErrorQuery;
import io.quarterdeck.domain.errors.ErrorReportTestData;
import io.quarterdeck.domain.errors.ErrorReportLimits;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ErrorGroupRepository} + {@link ErrorOccurrenceRepository} pair must do. Implementations give
 * a way to run work in one committed transaction and to empty the store; the tests use nothing else.
 */
public abstract class ErrorRepositoryContract {
    protected static final Instant T0 = Instant.parse("2025-01-20T10:30:00Z");
    private static final ErrorReportLimits LIMITS = ErrorReportLimits.defaults();

    /** Runs the work in one transaction that commits when it returns and rolls back when it throws. */
    protected abstract <T> T inTransaction(BiFunction<ErrorGroupRepository, ErrorOccurrenceRepository, T> work);

    /** Removes every group and occurrence. */
    protected abstract void deleteEverything();

    /** Threads for the concurrency test; a database-backed store may want fewer than the default. */
    protected int writerThreads() {
        return 16;
    }

    @BeforeEach
    void empty() {
        deleteEverything();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    protected static Fingerprint fingerprint() {
        return ErrorEventTestData.aFingerprint();
    }

    protected static ErrorEvent event(Fingerprint fp, ErrorLevel level, String message, String source,
                                      Map<String, Object> context, Instant at) {
        return ErrorEventTestData.anError().withFingerprint(fp).at(at)
                .withReport(ErrorReportTestData.aReport().withLevel(level).withMessage(message)
                        .withStackTrace("Error: " + message + "\n    at f (app.js:1:1)").withContext(context)
                        .withSource(source))
                .build();
    }

    private ErrorGroup store(ErrorGroup group) {
        inTransaction((g, o) -> {
            g.insertAll(List.of(group));
            return null;
        });
        return group;
    }

    private ErrorGroup group(ErrorLevel level, String message, String source, Instant at) {
        return store(ErrorGroup.open(ErrorGroupId.newId(), event(fingerprint(), level, message, source,
                Map.of(), at)));
    }

    private ErrorGroup load(ErrorGroupId id) {
        return inTransaction((g, o) -> g.findById(id)).orElseThrow();
    }

    private ErrorPage search(ErrorQuery q) {
        return inTransaction((g, o) -> g.search(q));
    }

    private long countFor(ErrorGroupId id) {
        return this.<Long>inTransaction((g, o) -> o.countFor(id));
    }

    private boolean deleteGroup(ErrorGroupId id) {
        return this.<Boolean>inTransaction((g, o) -> g.delete(id));
    }

    private static List<String> messages(ErrorPage page) {
        return page.errors().stream().map(ErrorGroup::message).toList();
    }

    // ---- groups --------------------------------------------------------------------------------------------

    @Test
    void a_stored_group_reads_back_with_every_field() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("user_id", "12345");
        context.put("attempt", new BigDecimal("3"));
        context.put("ratio", new BigDecimal("0.25"));
        context.put("flag", true);
        context.put("nothing", null);
        context.put("nested", Map.of("list", List.of("a", new BigDecimal("2"), false), "unicode", "zürich ✓"));
        ErrorGroup g = ErrorGroup.open(ErrorGroupId.newId(),
                event(fingerprint(), ErrorLevel.WARNING, "Database connection failed", "backend", context, T0));
        store(g);

        ErrorGroup read = load(g.id());
        assertEquals(g.fingerprint(), read.fingerprint());
        assertEquals(1, read.groupingVersion());
        assertEquals(ErrorLevel.WARNING, read.level());
        assertEquals("Database connection failed", read.message());
        assertEquals(g.stackTrace(), read.stackTrace());
        assertEquals(context, read.context());
        assertEquals("backend", read.source());
        assertEquals("production", read.environment());
        assertEquals("https://example.test/p", read.url());
        assertEquals(new ClientInfo("agent/1.0", "10.0.0.7"), read.client());
        assertFalse(read.resolved());
        assertFalse(read.regressed());
        assertNull(read.resolvedAt());
        assertEquals(1, read.count());
        assertEquals(T0, read.firstSeen());
        assertEquals(T0, read.lastSeen());
        assertEquals(g.createdAt(), read.createdAt());
        assertEquals(g.updatedAt(), read.updatedAt());
    }

    @Test
    void an_unknown_id_is_absent() {
        assertTrue(inTransaction((g, o) -> g.findById(ErrorGroupId.newId())).isEmpty());
        assertTrue(inTransaction((g, o) -> g.lockById(ErrorGroupId.newId())).isEmpty());
    }

    @Test
    void lock_by_fingerprints_returns_only_the_groups_that_exist() {
        ErrorGroup a = group(ErrorLevel.ERROR, "a", "web", T0);
        Fingerprint missing = fingerprint();
        Map<Fingerprint, ErrorGroup> found = inTransaction((g, o) ->
                g.lockByFingerprints(List.of(a.fingerprint(), missing)));
        assertEquals(Set.of(a.fingerprint()), found.keySet());
        assertEquals(a.id(), found.get(a.fingerprint()).id());
        assertTrue(inTransaction((g, o) -> g.lockByFingerprints(List.of())).isEmpty());
    }

    @Test
    void a_second_group_with_the_same_fingerprint_is_refused_and_the_first_survives() {
        ErrorGroup first = group(ErrorLevel.ERROR, "first", "web", T0);
        ErrorGroup twin = ErrorGroup.open(ErrorGroupId.newId(),
                event(first.fingerprint(), ErrorLevel.ERROR, "twin", "web", Map.of(), T0.plusSeconds(1)));
        assertThrows(GroupAlreadyExistsException.class, () -> inTransaction((g, o) -> {
            g.insertAll(List.of(twin));
            return null;
        }));
        assertEquals("first", load(first.id()).message());
        assertTrue(inTransaction((g, o) -> g.findById(twin.id())).isEmpty());
    }

    @Test
    void an_update_writes_the_new_state() {
        ErrorGroup g0 = group(ErrorLevel.ERROR, "boom", "web", T0);
        ErrorGroup changed = load(g0.id());
        changed.recordOccurrence(event(g0.fingerprint(), ErrorLevel.INFO, "boom again", "web",
                Map.of("k", "v"), T0.plusSeconds(90)), LIMITS);
        changed.resolve(T0.plusSeconds(100));
        inTransaction((g, o) -> {
            g.updateAll(List.of(changed));
            return null;
        });
        ErrorGroup read = load(g0.id());
        assertEquals(2, read.count());
        assertEquals("boom again", read.message());
        assertEquals(ErrorLevel.INFO, read.level());
        assertEquals(T0, read.firstSeen());
        assertEquals(T0.plusSeconds(90), read.lastSeen());
        assertEquals(Map.of("k", "v"), read.context());
        assertTrue(read.resolved());
        assertEquals(T0.plusSeconds(100), read.resolvedAt());
    }

    @Test
    void a_rolled_back_transaction_leaves_nothing_behind() {
        ErrorGroup g0 = ErrorGroup.open(ErrorGroupId.newId(),
                event(fingerprint(), ErrorLevel.ERROR, "doomed", "web", Map.of(), T0));
        assertThrows(IllegalStateException.class, () -> inTransaction((g, o) -> {
            g.insertAll(List.of(g0));
            throw new IllegalStateException("abort");
        }));
        assertTrue(inTransaction((g, o) -> g.findById(g0.id())).isEmpty());
    }

    // ---- search --------------------------------------------------------------------------------------------

    @Test
    void search_orders_by_last_seen_newest_first_and_pages() {
        for (int i = 0; i < 5; i++) {
            group(ErrorLevel.ERROR, "m" + i, "web", T0.plusSeconds(i));
        }
        ErrorPage first = search(new ErrorQuery(2, 0, null, null, null, null));
        assertEquals(List.of("m4", "m3"), messages(first));
        assertEquals(5, first.total());
        assertEquals(1, first.page());
        assertEquals(2, first.limit());
        ErrorPage third = search(new ErrorQuery(2, 4, null, null, null, null));
        assertEquals(List.of("m0"), messages(third));
        assertEquals(3, third.page());
        ErrorPage beyond = search(new ErrorQuery(2, 10, null, null, null, null));
        assertEquals(List.of(), messages(beyond));
        assertEquals(5, beyond.total());
    }

    @Test
    void search_filters_by_level_source_resolved_and_text_and_counts_only_matches() {
        group(ErrorLevel.ERROR, "Database connection failed", "backend", T0);
        group(ErrorLevel.WARNING, "Slow DATABASE query", "backend", T0.plusSeconds(1));
        group(ErrorLevel.ERROR, "Button broken", "frontend", T0.plusSeconds(2));
        ErrorGroup resolved = load(group(ErrorLevel.INFO, "database back", "frontend", T0.plusSeconds(3)).id());
        resolved.resolve(T0.plusSeconds(4));
        inTransaction((g, o) -> {
            g.updateAll(List.of(resolved));
            return null;
        });

        assertEquals(List.of("Button broken", "Database connection failed"),
                messages(search(new ErrorQuery(50, 0, ErrorLevel.ERROR, null, null, null))));
        assertEquals(List.of("Slow DATABASE query", "Database connection failed"),
                messages(search(new ErrorQuery(50, 0, null, "backend", null, null))));
        assertEquals(List.of("database back"),
                messages(search(new ErrorQuery(50, 0, null, null, true, null))));
        ErrorPage text = search(new ErrorQuery(50, 0, null, null, false, "database"));
        assertEquals(List.of("Slow DATABASE query", "Database connection failed"), messages(text));
        assertEquals(2, text.total());
        assertEquals(0, search(new ErrorQuery(50, 0, ErrorLevel.DEBUG, null, null, null)).total());
    }

    @Test
    void search_text_is_literal_not_a_pattern() {
        group(ErrorLevel.ERROR, "disk 100% full", "web", T0);
        group(ErrorLevel.ERROR, "disk 1000 full", "web", T0.plusSeconds(1));
        group(ErrorLevel.ERROR, "a_b", "web", T0.plusSeconds(2));
        group(ErrorLevel.ERROR, "axb", "web", T0.plusSeconds(3));
        group(ErrorLevel.ERROR, "bang! here", "web", T0.plusSeconds(4));
        assertEquals(List.of("disk 100% full"), messages(search(new ErrorQuery(50, 0, null, null, null, "100%"))));
        assertEquals(List.of("a_b"), messages(search(new ErrorQuery(50, 0, null, null, null, "a_b"))));
        assertEquals(List.of("bang! here"), messages(search(new ErrorQuery(50, 0, null, null, null, "g! h"))));
        assertEquals(0, search(new ErrorQuery(50, 0, null, null, null, "' or 1=1 --")).total());
    }

    // ---- delete --------------------------------------------------------------------------------------------

    @Test
    void delete_removes_the_group_and_its_occurrences_only() {
        ErrorGroup doomed = group(ErrorLevel.ERROR, "doomed", "web", T0);
        ErrorGroup kept = group(ErrorLevel.ERROR, "kept", "web", T0);
        append(doomed, T0, T0.plusSeconds(1));
        append(kept, T0);
        assertTrue(deleteGroup(doomed.id()));
        assertTrue(inTransaction((g, o) -> g.findById(doomed.id())).isEmpty());
        assertEquals(0, countFor(doomed.id()));
        assertEquals(1, countFor(kept.id()));
        assertFalse(deleteGroup(doomed.id()));
    }

    // ---- occurrences ---------------------------------------------------------------------------------------

    private List<ErrorOccurrence> append(ErrorGroup group, Instant... times) {
        List<ErrorOccurrence> list = Arrays.stream(times).map(t -> ErrorOccurrence.of(group.id(),
                event(group.fingerprint(), ErrorLevel.ERROR, "x", "web", Map.of("at", t.toString()), t))).toList();
        inTransaction((g, o) -> {
            o.appendAll(list);
            return null;
        });
        return list;
    }

    @Test
    void occurrences_read_back_newest_first_with_their_fields() {
        ErrorGroup g0 = group(ErrorLevel.ERROR, "boom", "web", T0);
        append(g0, T0, T0.plusSeconds(2), T0.plusSeconds(1));
        List<ErrorOccurrence> latest = inTransaction((g, o) -> o.latest(g0.id(), 2));
        assertEquals(List.of(T0.plusSeconds(2), T0.plusSeconds(1)),
                latest.stream().map(ErrorOccurrence::occurredAt).toList());
        ErrorOccurrence newest = latest.get(0);
        assertEquals(g0.id(), newest.groupId());
        assertEquals(ErrorLevel.ERROR, newest.level());
        assertEquals("production", newest.environment());
        assertEquals("https://example.test/p", newest.url());
        assertEquals("agent/1.0", newest.userAgent());
        assertEquals("10.0.0.7", newest.ipAddress());
        assertEquals(Map.of("at", T0.plusSeconds(2).toString()), newest.context());
        assertEquals(3, countFor(g0.id()));
    }

    @Test
    void a_large_append_keeps_every_occurrence() {
        ErrorGroup g0 = group(ErrorLevel.ERROR, "many", "web", T0);
        Instant[] times = new Instant[123];
        for (int i = 0; i < times.length; i++) {
            times[i] = T0.plusMillis(i);
        }
        append(g0, times);
        assertEquals(123, countFor(g0.id()));
        assertEquals(T0.plusMillis(122), inTransaction((g, o) -> o.latest(g0.id(), 1)).get(0).occurredAt());
    }

    @Test
    void retention_deletes_occurrences_older_than_the_cutoff() {
        ErrorGroup g0 = group(ErrorLevel.ERROR, "boom", "web", T0);
        append(g0, T0.minus(Duration.ofDays(40)), T0.minus(Duration.ofDays(31)), T0.minus(Duration.ofDays(1)), T0);
        long deleted = this.<Long>inTransaction((g, o) -> o.deleteOlderThan(T0.minus(Duration.ofDays(30))));
        assertEquals(2, deleted);
        assertEquals(2, countFor(g0.id()));
        assertTrue(inTransaction((g, o) -> g.findById(g0.id())).isPresent(), "retention keeps the group");
    }

    @Test
    void the_cap_keeps_the_newest_occurrences_of_every_group() {
        ErrorGroup big = group(ErrorLevel.ERROR, "big", "web", T0);
        ErrorGroup small = group(ErrorLevel.ERROR, "small", "web", T0);
        Instant[] times = new Instant[7];
        for (int i = 0; i < times.length; i++) {
            times[i] = T0.plusSeconds(i);
        }
        append(big, times);
        append(small, T0, T0.plusSeconds(1));
        long deleted = this.<Long>inTransaction((g, o) -> o.trimEachGroupTo(3));
        assertEquals(4, deleted);
        assertEquals(List.of(T0.plusSeconds(6), T0.plusSeconds(5), T0.plusSeconds(4)),
                inTransaction((g, o) -> o.latest(big.id(), 10)).stream().map(ErrorOccurrence::occurredAt).toList());
        assertEquals(2, countFor(small.id()));
    }

    // ---- the write path under concurrency ------------------------------------------------------------------

    /**
     * The service's write transaction, run concurrently for one fingerprint: the lock and the unique constraint
     * must make every occurrence count exactly once, whether the group existed or was being created.
     */
    @Test
    void concurrent_writers_of_one_fingerprint_lose_no_occurrence() throws Exception {
        Fingerprint fp = fingerprint();
        int writes = 200;
        ErrorTrackingSettings settings = new ErrorTrackingSettings(LIMITS, List.of(), Duration.ofDays(30), 1_000,
                500, 20_000);
        ExecutorService pool = Executors.newFixedThreadPool(writerThreads());
        try {
            List<Future<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                int n = i;
                attempts.add(pool.submit(() -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            inTransaction((g, o) -> new ErrorGroupTransactions(g, o, settings).record(List.of(
                                    event(fp, ErrorLevel.ERROR, "hot " + n, "web", Map.of("n", new BigDecimal(n)),
                                            T0.plusMillis(n)))));
                            return attempt;
                        } catch (ConcurrentGroupChangeException e) {
                            if (attempt == 5) {
                                throw e;
                            }
                        }
                    }
                }));
            }
            for (Future<Integer> f : attempts) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Fingerprint, ErrorGroup> found = inTransaction((g, o) -> g.lockByFingerprints(List.of(fp)));
        ErrorGroup group = found.get(fp);
        assertEquals(writes, group.count());
        // Whichever writer opened the group set first_seen; last_seen is the newest of all.
        assertTrue(!group.firstSeen().isBefore(T0) && group.firstSeen().isBefore(T0.plusMillis(writes)));
        assertEquals(T0.plusMillis(writes - 1), group.lastSeen());
        assertEquals(writes, countFor(group.id()));
        ErrorPage all = search(new ErrorQuery(100, 0, null, null, null, null));
        assertEquals(1, all.total(), () -> "groups: " + all.errors().stream().map(ErrorGroup::message)
                .collect(Collectors.joining(", ")));
    }
}
