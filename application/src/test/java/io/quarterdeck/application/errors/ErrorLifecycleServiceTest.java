package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import static io.quarterdeck.application.errors.Reports.T0;
import static io.quarterdeck.application.errors.Reports.event;
import static io.quarterdeck.application.errors.Reports.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.application.testing.FailingErrorEventPublisher;
import io.quarterdeck.application.testing.InMemoryErrorStore;
import io.quarterdeck.application.testing.RecordingErrorEventPublisher;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLifecycleServiceTest {
    private final InMemoryErrorStore store = new InMemoryErrorStore();
    private final RecordingErrorEventPublisher published = new RecordingErrorEventPublisher();
    private final TestClock clock = new TestClock(T0);
    private final ErrorTrackingSettings settings = Reports.retention(Duration.ofDays(30), 2);
    private final ErrorGroupTransactions transactions =
            new ErrorGroupTransactions(store.groups(), store.occurrences(), settings);
    private final ErrorLifecycleService lifecycle =
            new ErrorLifecycleService(transactions, published, settings, clock);

    private ErrorGroup group(Fingerprint fp, Instant... occurrences) {
        List<ErrorGroup> groups = transactions.record(Arrays.stream(occurrences).map(t -> event(fp, "boom", t)).toList());
        return groups.get(groups.size() - 1);
    }


    @Test
    void resolve_marks_the_group_resolved_at_the_clock_time_and_publishes_it_once() {
        ErrorGroup g = group(fingerprint(), T0.minusSeconds(60));
        clock.advance(Duration.ofSeconds(5));

        lifecycle.resolve(g.id());

        assertTrue(store.stored(g.id()).resolved());
        assertEquals(T0.plusSeconds(5), store.stored(g.id()).resolvedAt());
        assertEquals(List.of(g.id()), published.resolved());
    }

    @Test
    void resolving_again_changes_nothing_and_publishes_nothing() {
        ErrorGroup g = group(fingerprint(), T0);
        lifecycle.resolve(g.id());
        clock.advance(Duration.ofHours(1));

        lifecycle.resolve(g.id());

        assertEquals(T0, store.stored(g.id()).resolvedAt());
        assertEquals(List.of(g.id()), published.resolved());
    }

    @Test
    void a_regressed_group_can_be_resolved_again_and_is_published_again() {
        Fingerprint fp = fingerprint();
        ErrorGroup g = group(fp, T0);
        lifecycle.resolve(g.id());
        transactions.record(List.of(event(fp, "boom", T0.plusSeconds(10))));
        assertTrue(store.stored(g.id()).regressed());
        clock.advance(Duration.ofSeconds(20));

        lifecycle.resolve(g.id());

        assertTrue(store.stored(g.id()).resolved());
        assertFalse(store.stored(g.id()).regressed());
        assertEquals(List.of(g.id(), g.id()), published.resolved());
    }

    @Test
    void resolving_an_unknown_group_throws_not_found_and_publishes_nothing() {
        ErrorGroupId unknown = ErrorGroupId.newId();

        NotFoundException e = assertThrows(NotFoundException.class, () -> lifecycle.resolve(unknown));

        assertEquals(unknown.value(), e.id());
        assertEquals(List.of(), published.resolved());
    }

    @Test
    void a_failing_publisher_does_not_fail_a_committed_resolve() {
        ErrorEventPublisher failing = new FailingErrorEventPublisher("no subscribers reachable");
        ErrorLifecycleService withFailingPublisher = new ErrorLifecycleService(transactions, failing, settings, clock);
        ErrorGroup g = group(fingerprint(), T0);

        withFailingPublisher.resolve(g.id());

        assertTrue(store.stored(g.id()).resolved());
    }

    @Test
    void delete_removes_the_group_and_its_occurrences_and_leaves_the_others() {
        ErrorGroup doomed = group(fingerprint(), T0, T0.plusSeconds(1));
        ErrorGroup kept = group(fingerprint(), T0);

        lifecycle.delete(doomed.id());

        assertTrue(store.groups().findById(doomed.id()).isEmpty());
        assertEquals(List.of(), store.occurrencesOf(doomed.id()));
        assertEquals(1, store.stored(kept.id()).count());
        assertEquals(1, store.occurrencesOf(kept.id()).size());
    }

    @Test
    void deleting_an_unknown_group_throws_not_found() {
        ErrorGroup g = group(fingerprint(), T0);
        lifecycle.delete(g.id());

        NotFoundException e = assertThrows(NotFoundException.class, () -> lifecycle.delete(g.id()));

        assertEquals("error", e.kind());
        assertEquals(g.id().value(), e.id());
    }

    @Test
    void purge_drops_occurrences_older_than_the_retention_and_beyond_the_per_group_cap() {
        Instant now = T0.plus(Duration.ofDays(100));
        clock.advance(Duration.ofDays(100));
        Instant cutoff = now.minus(Duration.ofDays(30));
        ErrorGroup busy = group(fingerprint(), now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)),
                now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        ErrorGroup quiet = group(fingerprint(), cutoff.minusSeconds(1), cutoff, now.minus(Duration.ofDays(1)));

        long removed = lifecycle.purge();

        assertEquals(2 + 2, removed, "two past retention (one per group), then two beyond the cap of 2");
        assertEquals(List.of(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1))),
                store.occurrencesOf(busy.id()).stream().map(ErrorOccurrence::occurredAt).toList());
        assertEquals(List.of(cutoff, now.minus(Duration.ofDays(1))),
                store.occurrencesOf(quiet.id()).stream().map(ErrorOccurrence::occurredAt).toList(),
                "an occurrence exactly at the cutoff is kept");
        assertEquals(0, lifecycle.purge(), "nothing left to purge");
    }
}
