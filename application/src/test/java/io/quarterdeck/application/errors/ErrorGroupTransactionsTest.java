package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;

import static io.quarterdeck.application.errors.Reports.T0;
import static io.quarterdeck.application.errors.Reports.event;
import static io.quarterdeck.application.errors.Reports.fingerprint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.out.errors.ErrorGroupRepository;
import io.quarterdeck.application.port.out.errors.GroupAlreadyExistsException;
import io.quarterdeck.application.testing.InMemoryErrorStore;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import io.quarterdeck.domain.errors.ErrorOccurrence;
import io.quarterdeck.domain.errors.ErrorReportLimits;
import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import io.quarterdeck.domain.shared.NotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorGroupTransactionsTest {
    private final InMemoryErrorStore store = new InMemoryErrorStore();
    private final ErrorGroupTransactions transactions =
            new ErrorGroupTransactions(store.groups(), store.occurrences(), ErrorTrackingSettings.defaults());



    @Test
    void a_new_fingerprint_opens_a_group_counting_one_and_stores_the_occurrence() {
        Fingerprint fp = fingerprint();
        List<ErrorGroup> result = transactions.record(List.of(event(fp, "boom", T0)));

        assertEquals(1, result.size());
        ErrorGroup group = store.stored(result.get(0).id());
        assertEquals(fp, group.fingerprint());
        assertEquals("boom", group.message());
        assertEquals(1, group.count());
        assertEquals(T0, group.firstSeen());
        assertEquals(T0, group.lastSeen());
        List<ErrorOccurrence> occurrences = store.occurrencesOf(group.id());
        assertEquals(1, occurrences.size());
        assertEquals(T0, occurrences.get(0).occurredAt());
        assertEquals("10.0.0.7", occurrences.get(0).ipAddress());
    }

    @Test
    void an_existing_fingerprint_is_counted_into_its_group_which_keeps_first_seen() {
        Fingerprint fp = fingerprint();
        ErrorGroupId id = transactions.record(List.of(event(fp, "boom", T0))).get(0).id();

        ErrorGroup again = transactions.record(List.of(event(fp, "boom, later", T0.plusSeconds(60)))).get(0);

        assertEquals(id, again.id());
        assertEquals(2, again.count());
        ErrorGroup group = store.stored(id);
        assertEquals(2, group.count());
        assertEquals(T0, group.firstSeen());
        assertEquals(T0.plusSeconds(60), group.lastSeen());
        assertEquals("boom, later", group.message(), "the newest occurrence describes the group");
        assertEquals(2, store.occurrencesOf(id).size());
        assertEquals(1, store.groupCount());
    }

    @Test
    void one_batch_repeating_a_new_fingerprint_opens_one_group_counting_every_event() {
        Fingerprint fp = fingerprint();
        List<ErrorGroup> result = transactions.record(List.of(event(fp, "a", T0), event(fp, "b", T0.plusSeconds(1)),
                event(fp, "c", T0.plusSeconds(2))));

        assertEquals(3, result.size());
        ErrorGroupId id = result.get(0).id();
        result.forEach(g -> assertEquals(id, g.id()));
        assertEquals(1, store.groupCount());
        ErrorGroup group = store.stored(id);
        assertEquals(3, group.count());
        assertEquals("c", group.message());
        assertEquals(T0, group.firstSeen());
        assertEquals(T0.plusSeconds(2), group.lastSeen());
        assertEquals(3, store.occurrencesOf(id).size());
    }

    @Test
    void a_mixed_batch_returns_one_group_per_event_in_order_and_counts_each_group() {
        Fingerprint a = fingerprint();
        Fingerprint b = fingerprint();
        Fingerprint c = fingerprint();
        ErrorGroupId existing = transactions.record(List.of(event(a, "a", T0))).get(0).id();

        List<ErrorGroup> result = transactions.record(List.of(event(a, "a", T0.plusSeconds(1)),
                event(b, "b", T0.plusSeconds(2)), event(a, "a", T0.plusSeconds(3)), event(c, "c", T0.plusSeconds(4))));

        assertEquals(List.of(a, b, a, c), result.stream().map(ErrorGroup::fingerprint).toList());
        assertEquals(existing, result.get(0).id());
        assertEquals(existing, result.get(2).id());
        assertEquals(3, store.stored(existing).count());
        assertEquals(1, store.stored(result.get(1).id()).count());
        assertEquals(1, store.stored(result.get(3).id()).count());
        assertEquals(3, store.groupCount());
        assertEquals(3, store.occurrencesOf(existing).size());
    }

    @Test
    void an_occurrence_of_a_resolved_group_reopens_it_as_regressed() {
        Fingerprint fp = fingerprint();
        ErrorGroupId id = transactions.record(List.of(event(fp, "boom", T0))).get(0).id();
        assertTrue(transactions.resolve(id, T0.plusSeconds(10)));

        ErrorGroup group = transactions.record(List.of(event(fp, "boom", T0.plusSeconds(20)))).get(0);

        assertFalse(group.resolved());
        assertTrue(group.regressed());
        assertFalse(store.stored(id).resolved());
        assertTrue(store.stored(id).regressed());
        assertNull(store.stored(id).resolvedAt());
    }

    @Test
    void the_configured_limits_bound_the_merged_context() {
        ErrorReportLimits d = ErrorReportLimits.defaults();
        ErrorReportLimits twoKeys = new ErrorReportLimits(d.maxMessageChars(), d.maxStackTraceChars(),
                d.maxContextChars(), d.maxContextDepth(), d.maxShortFieldChars(), 2);
        ErrorTrackingSettings s = ErrorTrackingSettings.defaults();
        ErrorGroupTransactions bounded = new ErrorGroupTransactions(store.groups(), store.occurrences(),
                new ErrorTrackingSettings(twoKeys, s.sensitiveKeys(), s.retention(), s.perGroupCap(), s.maxBatch(),
                        s.queueCapacity()));
        Fingerprint fp = fingerprint();
        ErrorGroupId id = bounded.record(List.of(event(fp, "boom", Map.of("old", "1"), T0))).get(0).id();

        bounded.record(List.of(event(fp, "boom", Map.of("b", "2", "c", "3"), T0.plusSeconds(1))));

        assertEquals(Map.of("b", "2", "c", "3"), store.stored(id).context(), "newest keys first, at most two");
    }

    @Test
    void a_group_created_by_another_writer_after_the_lookup_fails_the_record_and_stores_nothing() {
        Fingerprint fp = fingerprint();
        ErrorGroupRepository racing = new RacingGroups(store);
        ErrorGroupTransactions loser = new ErrorGroupTransactions(racing, store.occurrences(),
                ErrorTrackingSettings.defaults());

        assertThrows(GroupAlreadyExistsException.class, () -> loser.record(List.of(event(fp, "mine", T0.plusSeconds(1)))));

        ErrorGroup winner = store.groups().lockByFingerprints(List.of(fp)).get(fp);
        assertEquals("theirs", winner.message());
        assertEquals(1, winner.count());
        assertEquals(1, store.occurrencesOf(winner.id()).size(), "the loser appended no occurrence");
        assertEquals(1, store.groupCount());
    }

    @Test
    void resolve_marks_the_group_resolved_at_the_given_time_and_reports_the_change() {
        ErrorGroupId id = transactions.record(List.of(event(fingerprint(), "boom", T0))).get(0).id();

        assertTrue(transactions.resolve(id, T0.plusSeconds(5)));

        ErrorGroup group = store.stored(id);
        assertTrue(group.resolved());
        assertEquals(T0.plusSeconds(5), group.resolvedAt());
    }

    @Test
    void resolving_a_resolved_group_reports_no_change_and_keeps_the_first_resolution() {
        ErrorGroupId id = transactions.record(List.of(event(fingerprint(), "boom", T0))).get(0).id();
        transactions.resolve(id, T0.plusSeconds(5));

        assertFalse(transactions.resolve(id, T0.plusSeconds(50)));

        assertEquals(T0.plusSeconds(5), store.stored(id).resolvedAt());
    }

    @Test
    void resolving_an_unknown_group_throws_not_found_naming_it() {
        ErrorGroupId unknown = ErrorGroupId.newId();
        NotFoundException e = assertThrows(NotFoundException.class, () -> transactions.resolve(unknown, T0));
        assertEquals("error", e.kind());
        assertEquals(unknown.value(), e.id());
    }

    @Test
    void delete_removes_the_group_and_its_occurrences_only() {
        ErrorGroupId doomed = transactions.record(List.of(event(fingerprint(), "doomed", T0))).get(0).id();
        ErrorGroupId kept = transactions.record(List.of(event(fingerprint(), "kept", T0))).get(0).id();

        transactions.delete(doomed);

        assertTrue(store.groups().findById(doomed).isEmpty());
        assertEquals(List.of(), store.occurrencesOf(doomed));
        assertEquals(1, store.occurrencesOf(kept).size());
        NotFoundException e = assertThrows(NotFoundException.class, () -> transactions.delete(doomed));
        assertEquals(doomed.value(), e.id());
    }

    @Test
    void purge_drops_occurrences_before_the_cutoff_then_beyond_the_cap_and_returns_both_counts() {
        Fingerprint fp = fingerprint();
        Instant cutoff = T0.minus(Duration.ofDays(30));
        transactions.record(List.of(event(fp, "x", cutoff.minusSeconds(1)), event(fp, "x", cutoff),
                event(fp, "x", T0.minusSeconds(3)), event(fp, "x", T0.minusSeconds(2)), event(fp, "x", T0)));
        ErrorGroupId id = store.groups().lockByFingerprints(List.of(fp)).get(fp).id();

        long removed = transactions.purge(cutoff, 2);

        assertEquals(3, removed, "one older than the cutoff, two beyond the cap of two");
        assertEquals(List.of(T0.minusSeconds(2), T0),
                store.occurrencesOf(id).stream().map(ErrorOccurrence::occurredAt).toList());
        assertEquals(5, store.stored(id).count(), "purging occurrences does not rewrite the group's count");
    }

    @Test
    void the_groups_returned_are_the_committed_state() {
        Fingerprint fp = fingerprint();
        List<ErrorGroup> result = transactions.record(List.of(event(fp, "a", T0), event(fp, "b", T0.plusSeconds(1))));
        assertSame(result.get(0), result.get(1), "both events landed in the one group as committed");
        assertEquals(2, result.get(0).count());
    }
}
