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

    Stats stats();

    /** {@code period}: time (24 h), week, month, year; {@code groupBy}: hour, day, week, month (null: a default). */
    Trend trend(String period, String groupBy);
}
