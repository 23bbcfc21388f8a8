package io.quarterdeck.application.port.out.analytics;

import java.time.Instant;
import java.util.List;

/** Aggregates over stored error groups and occurrences, computed by the database with its indexes. */
public interface ErrorStatistics {
    /** Counts of groups and occurrences. Times in seconds. */
    record Totals(long totalGroups, long resolvedGroups, long occurrencesSinceDay, long occurrencesSinceWeek,
                  long occurrencesSinceMonth, long occurrencesLast24h, double avgResolutionSeconds) {
    }

    /** One bucket of a trend, starting at {@code start}. */
    record Bucket(Instant start, long errorCount, long resolvedCount, long criticalCount) {
    }

    /** Occurrences in {@code [from, to)}. */
    long occurrencesBetween(Instant from, Instant to);

    Totals totals(Instant now, Instant startOfDay, Instant startOfWeek, Instant startOfMonth);

    /**
     * Buckets of {@code bucketSeconds} (aligned on the epoch) between {@code from} (inclusive) and {@code to}; only
     * buckets with data are returned.
     */
    List<Bucket> trend(Instant from, Instant to, long bucketSeconds);
}
