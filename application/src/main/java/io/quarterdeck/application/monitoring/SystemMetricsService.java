package io.quarterdeck.application.monitoring;

import io.quarterdeck.application.port.in.metrics.MetricSettings;
import io.quarterdeck.application.port.in.monitoring.SystemMetricsUseCase;
import io.quarterdeck.application.port.out.metrics.MetricHistory;
import io.quarterdeck.domain.metrics.HostSample;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The local host's samples (issue 15's sampler: raw every few seconds for a day, then one-minute averages for 30 days)
 * aggregated by the store over the timeframe. Not cached: one aggregate over the index on (server, time).
 */
@ApplicationScoped
public class SystemMetricsService implements SystemMetricsUseCase {
    private final MetricHistory history;
    private final MetricSettings settings;
    private final Clock clock;

    @Inject
    public SystemMetricsService(MetricHistory history, MetricSettings settings, Clock clock) {
        this.history = history;
        this.settings = settings;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected SystemMetricsService() {
        this(null, null, null);
    }

    static Duration timeframe(String timeframe) {
        return switch (timeframe == null || timeframe.isBlank() ? "1h" : timeframe) {
            case "1h" -> Duration.ofHours(1);
            case "6h" -> Duration.ofHours(6);
            case "24h" -> Duration.ofHours(24);
            case "7d" -> Duration.ofDays(7);
            case "30d" -> Duration.ofDays(30);
            default -> throw new InvalidFieldException("timeframe", "must be 1h, 6h, 24h, 7d or 30d");
        };
    }

    @Override
    public SystemMetrics metrics(String timeframe) {
        Duration span = timeframe(timeframe);
        Instant to = clock.instant();
        Instant from = to.minus(span);
        MetricHistory.HostAggregate a = history.aggregate(HostSample.LOCAL, from, to,
                Math.max(1, settings.sampleInterval().toSeconds()));
        return new SystemMetrics(timeframe == null || timeframe.isBlank() ? "1h" : timeframe, HostSample.LOCAL, from,
                to, a.samples(), round1(a.cpuPercent()), round1(a.memoryPercent()), round1(a.diskPercent()),
                a.bytesIn() == null ? null : Math.round(a.bytesIn()), a.bytesOut() == null ? null
                        : Math.round(a.bytesOut()));
    }

    private static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }
}
