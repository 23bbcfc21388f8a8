package io.quarterdeck.domain.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarterdeck.domain.alerting.Severity;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void movesForwardMaySkipAStepAndKeepsATimeline() {
        Incident i = Incident.open("i1", "DB down", null, Severity.CRITICAL, null, "owner", T);
        assertEquals(IncidentStatus.INVESTIGATING, i.status());
        Incident m = i.update(IncidentStatus.MONITORING, null, null, null, "alice", "failover done", "bob",
                T.plusSeconds(60));
        assertEquals(IncidentStatus.MONITORING, m.status());
        assertEquals("alice", m.assignedTo());
        assertNull(m.resolvedAt());
        Incident r = m.update(IncidentStatus.RESOLVED, null, null, null, null, null, "bob", T.plusSeconds(120));
        assertNotNull(r.resolvedAt());
        assertEquals(3, r.timeline().size());
        assertEquals("status resolved", r.timeline().get(2).message());
        assertThrows(ConflictException.class, () -> m.update(IncidentStatus.IDENTIFIED, null, null, null, null,
                null, "bob", T), "never back");
        assertThrows(ConflictException.class, () -> r.update(null, "new title", null, null, null, null, "bob", T),
                "a resolved incident stays as it is");
        assertThrows(InvalidFieldException.class, () -> Incident.open("i2", " ", null, Severity.INFO, null, "x", T));
    }
}
