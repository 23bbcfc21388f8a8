package io.quarterdeck.application.port.out.alerting;

import io.quarterdeck.domain.alerting.Condition;
import java.time.Instant;

/** Counts stored error occurrences for rules, in the database (an index on the time, never rows in memory). */
public interface ErrorEventCounts {
    /** Occurrences at or after {@code since} that match the condition's filters. */
    long count(Condition.ErrorCount condition, Instant since);
}
