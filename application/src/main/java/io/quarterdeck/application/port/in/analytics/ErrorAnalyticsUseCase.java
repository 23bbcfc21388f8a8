package io.quarterdeck.application.port.in.analytics;

import io.quarterdeck.application.port.out.analytics.ErrorStatistics;
import java.time.Instant;
import java.util.List;

/** Seed 001 section 3: statistics and trends over stored errors. */
public interface ErrorAnalyticsUseCase {
    /** The statistics at the seed's field names (times UTC; {@code avg_resolution_time} as "2h 15m"). */
    record Stats(long totalErrors, long resolvedErrors, long errorsToday, long errorsThisWeek, long errorsThisMonth,
                 double errorRate24h, double resolutionRate, String avgResolutionTime) {
    }

    record Trend(String period, String groupBy, Instant from, Instant to, List<ErrorStatistics.Bucket> points) {
    }

    /**
     * Seed 001's performance analytics over the last 24 h, from what Quarterdeck stores. Fields without a source are
     * null: Quarterdeck does not see the monitored application's requests, so neither an error rate per request nor
     * a score derived from one exists.
     *
     * @param avgResponseTimeMs   mean latency of the successful dependency checks (database, broker, ...), ms
     * @param errorRatePercent    always null (no request count to divide by)
     * @param throughputRpm       error events received per minute
     * @param availabilityPercent share of the database checks that were up
     * @param performanceScore    always null (no defined formula over real inputs)
     * @param errorEvents         error events received in the window
     */
    record Performance(Double avgResponseTimeMs, Double errorRatePercent, double throughputRpm,
                       Double availabilityPercent, Double performanceScore, long errorEvents, Instant from,
                       Instant to) {
    }

    Stats stats();

    /** {@link #stats()}, kept for a minute (seed 001) unless errors are written meanwhile. */
    Cached<Stats> cachedStats();

    /** {@link #trend}, kept for a minute unless errors are written meanwhile. */
    Cached<Trend> cachedTrend(String period, String groupBy);

    /** {@link Performance}, kept for a minute unless errors are written meanwhile. */
    Cached<Performance> performance();

    /** {@code period}: time (24 h), week, month, year; {@code groupBy}: hour, day, week, month (null: a default). */
    Trend trend(String period, String groupBy);
}
