package io.quarterdeck.application.port.in.metrics;

import java.time.Duration;

/**
 * Configuration of host metrics.
 *
 * @param sampleInterval  how often the local host is sampled (default 5 s)
 * @param rawRetention    raw samples are kept this long, then replaced by one-minute averages (24 h)
 * @param averageRetention one-minute averages are kept this long (30 days)
 */
public record MetricSettings(Duration sampleInterval, Duration rawRetention, Duration averageRetention) {
    public MetricSettings {
        for (Duration d : new Duration[] {sampleInterval, rawRetention, averageRetention}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("metric intervals and retentions must be positive");
            }
        }
    }

    public static MetricSettings defaults() {
        return new MetricSettings(Duration.ofSeconds(5), Duration.ofHours(24), Duration.ofDays(30));
    }
}
