package io.quarterdeck.domain.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.domain.errors.fingerprint.Fingerprint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorGroupTest {
    private static final Fingerprint FP = new Fingerprint("0123456789abcdef0123456789abcdef");
    private static final Instant T0 = Instant.parse("2025-01-20T10:30:00Z");
    private static final ErrorReportLimits LIMITS = ErrorReportLimits.defaults();

    static ErrorEvent event(String message, Map<String, Object> context, Instant at) {
        return event(ErrorLevel.ERROR, message, context, at);
    }

    static ErrorEvent event(ErrorLevel level, String message, Map<String, Object> context, Instant at) {
        return ErrorEventTestData.anError().withFingerprint(FP).withLevel(level).withMessage(message)
                .withContext(context).at(at).build();
    }

    @Test
    void a_new_group_starts_with_one_occurrence() {
        ErrorGroup g = ErrorGroup.open(ErrorGroupId.newId(), event("boom", Map.of("a", "1"), T0));
        assertEquals(1, g.count());
        assertEquals(T0, g.firstSeen());
        assertEquals(T0, g.lastSeen());
        assertFalse(g.resolved());
        assertEquals(Map.of("a", "1"), g.context());
    }

    @Test
    void an_occurrence_increments_count_moves_last_seen_keeps_first_seen_and_merges_context() {
        ErrorGroup g = ErrorGroup.open(ErrorGroupId.newId(), event("boom 1", Map.of("a", "1", "b", "old"), T0));
        g.recordOccurrence(event(ErrorLevel.WARNING, "boom 2", Map.of("b", "new", "c", "3"), T0.plusSeconds(60)), LIMITS);
        assertEquals(2, g.count());
        assertEquals(T0, g.firstSeen());
        assertEquals(T0.plusSeconds(60), g.lastSeen());
        assertEquals(Map.of("a", "1", "b", "new", "c", "3"), g.context());
        assertEquals("boom 2", g.message());
        assertEquals(ErrorLevel.WARNING, g.level());
    }

    @Test
    void a_late_occurrence_counts_but_does_not_move_last_seen_or_overwrite_newer_values() {
        ErrorGroup g = ErrorGroup.open(ErrorGroupId.newId(), event("newest", Map.of("k", "new"), T0));
        g.recordOccurrence(event("older", Map.of("k", "old", "x", "1"), T0.minusSeconds(30)), LIMITS);
        assertEquals(2, g.count());
        assertEquals(T0, g.lastSeen());
        assertEquals("newest", g.message());
        assertEquals("new", g.context().get("k"));
        assertEquals("1", g.context().get("x"));
    }

    @Test
    void merged_context_is_bounded_keeping_the_newest_keys() {
        ErrorReportLimits tight = new ErrorReportLimits(100, 100, 10_000, 4, 100, 3);
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("o1", "1");
        old.put("o2", "2");
        old.put("o3", "3");
        ErrorGroup g = ErrorGroup.open(ErrorGroupId.newId(), event("m", old, T0));
        g.recordOccurrence(event("m", Map.of("n1", "x", "n2", "y"), T0.plusSeconds(1)), tight);
        assertEquals(3, g.context().size());
        assertTrue(g.context().containsKey("n1"));
        assertTrue(g.context().containsKey("n2"));
    }

    @Test
    void resolving_is_idempotent_and_a_new_occurrence_reopens_as_regressed() {
        ErrorGroup g = ErrorGroup.open(ErrorGroupId.newId(), event("m", Map.of(), T0));
        assertTrue(g.resolve(T0.plusSeconds(1)));
        assertFalse(g.resolve(T0.plusSeconds(2)));
        assertTrue(g.resolved());
        assertEquals(T0.plusSeconds(1), g.resolvedAt());
        g.recordOccurrence(event("m", Map.of(), T0.plusSeconds(3)), LIMITS);
        assertFalse(g.resolved());
        assertTrue(g.regressed());
        assertNull(g.resolvedAt());
    }

    @Test
    void the_storage_version_is_carried_unchanged_through_changes_and_a_new_group_has_none() {
        ErrorGroup stored = ErrorGroupTestData.aGroup().withFingerprint(FP).withCount(3).withStorageVersion("v-42")
                .build();
        stored.recordOccurrence(event("again", Map.of(), T0.plusSeconds(1)), LIMITS);
        assertTrue(stored.resolve(T0.plusSeconds(2)));
        assertEquals(4, stored.count());
        assertEquals("v-42", stored.storageVersion());
        assertNull(ErrorGroup.open(ErrorGroupId.newId(), event("m", Map.of(), T0)).storageVersion());
    }

    @Test
    void an_occurrence_of_another_fingerprint_is_refused() {
        ErrorGroup g = ErrorGroup.open(ErrorGroupId.newId(), event("m", Map.of(), T0));
        ErrorEvent other = ErrorEventTestData.anError().withMessage("m")
                .withFingerprint(new Fingerprint("ffffffffffffffffffffffffffffffff")).build();
        assertThrows(IllegalArgumentException.class, () -> g.recordOccurrence(other, LIMITS));
    }
}
