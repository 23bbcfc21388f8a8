package io.quarterdeck.application.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.errors.ErrorDataVersion;
import io.quarterdeck.application.port.out.analytics.ErrorStatistics;
import io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.shared.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Seed 001's caching of statistics: a minute, and never past a write this instance committed. */
class AnalyticsCacheTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T12:00:00Z"));
    private final AtomicInteger queries = new AtomicInteger();
    private long occurrences = 10;

    private final ErrorStatistics statistics = new ErrorStatistics() {
        @Override
        public long occurrencesBetween(Instant from, Instant to) {
            queries.incrementAndGet();
            return occurrences;
        }

        @Override
        public Totals totals(Instant now, Instant day, Instant week, Instant month) {
            queries.incrementAndGet();
            return new Totals(occurrences, 0, occurrences, occurrences, occurrences, occurrences, 0);
        }

        @Override
        public List<Bucket> trend(Instant from, Instant to, long bucketSeconds) {
            queries.incrementAndGet();
            return List.of(new Bucket(from, occurrences, 0, 0));
        }
    };

    private final ServiceCheckHistory checks = new ServiceCheckHistory() {
        @Override
        public void record(Collection<Check> c) {
        }

        @Override
        public Optional<Double> uptimePercent(String service, Instant since) {
            return "database".equals(service) ? Optional.of(99.5) : Optional.empty();
        }

        @Override
        public Optional<Double> averageLatencyMs(Instant since) {
            return Optional.of(12.345);
        }

        @Override
        public Optional<Boolean> lastState(String service) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> lastDown(String service) {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> firstCheck(String service) {
            return Optional.empty();
        }

        @Override
        public int consecutiveDown(String service, int max) {
            return 0;
        }

        @Override
        public long deleteOlderThan(Instant cutoff) {
            return 0;
        }
    };

    private final ErrorDataVersion version = new ErrorDataVersion();
    private final AnalyticsService analytics = new AnalyticsService(statistics, checks, version, clock);

    @Test
    void statsAreServedFromTheCacheUntilAWriteOrAMinute() {
        var first = analytics.cachedStats();
        assertFalse(first.fromCache());
        int computed = queries.get();
        var second = analytics.cachedStats();
        assertTrue(second.fromCache());
        assertEquals(computed, queries.get(), "no query for a cached answer");
        assertEquals(first.computedAt(), second.computedAt());

        occurrences = 11;
        version.advance(); // an error posted and committed
        var afterWrite = analytics.cachedStats();
        assertFalse(afterWrite.fromCache());
        assertEquals(11, afterWrite.value().totalErrors());

        clock.advance(Duration.ofSeconds(59));
        assertTrue(analytics.cachedStats().fromCache());
        clock.advance(Duration.ofSeconds(1));
        assertFalse(analytics.cachedStats().fromCache(), "a minute at most");
    }

    @Test
    void trendsAreCachedPerPeriodAndGroupingAndBadInputIsNeverCached() {
        assertFalse(analytics.cachedTrend("week", "day").fromCache());
        assertTrue(analytics.cachedTrend("week", "day").fromCache());
        assertFalse(analytics.cachedTrend("month", "day").fromCache());
        assertFalse(analytics.cachedTrend(null, null).fromCache());
        assertTrue(analytics.cachedTrend(" ", "").fromCache(), "blank is absent");
        for (int i = 0; i < 2; i++) {
            InvalidFieldException e = assertThrows(InvalidFieldException.class,
                    () -> analytics.cachedTrend("fortnight", "day"));
            assertEquals("period", e.field());
        }
        version.advance();
        assertFalse(analytics.cachedTrend("week", "day").fromCache());
    }

    @Test
    void performanceComesFromStoredEventsAndChecksAndLeavesWhatHasNoSourceNull() {
        occurrences = 2_880; // in 24 h: two a minute
        var p = analytics.performance();
        assertFalse(p.fromCache());
        assertEquals(2.0, p.value().throughputRpm());
        assertEquals(2_880, p.value().errorEvents());
        assertEquals(12.3, p.value().avgResponseTimeMs());
        assertEquals(99.5, p.value().availabilityPercent());
        assertNull(p.value().errorRatePercent());
        assertNull(p.value().performanceScore());
        assertEquals(clock.instant().minus(Duration.ofHours(24)), p.value().from());
        assertTrue(analytics.performance().fromCache());
        occurrences = 1;
        version.advance();
        assertEquals(0.0, analytics.performance().value().throughputRpm());
    }
}
