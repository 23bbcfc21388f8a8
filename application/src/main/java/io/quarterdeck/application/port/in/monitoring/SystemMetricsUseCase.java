package io.quarterdeck.application.port.in.monitoring;

import java.time.Instant;

/** Seed 001 section 4: {@code GET /api/monitoring/metrics}, the host Quarterdeck runs on over a timeframe. */
public interface SystemMetricsUseCase {
    /**
     * Averages over the stored samples of the timeframe (null when there are none); bytes received and sent over it.
     * Quarterdeck counts neither connections nor requests of a monitored system: those stay null.
     */
    record SystemMetrics(String timeframe, String serverId, Instant from, Instant to, long samples, Double cpuPercent,
                         Double memoryPercent, Double diskPercent, Long bytesIn, Long bytesOut) {
    }

    /**
     * @param timeframe 1h, 6h, 24h, 7d or 30d (null or blank: 1h)
     * @throws io.quarterdeck.domain.shared.InvalidFieldException naming {@code timeframe} for any other value
     */
    SystemMetrics metrics(String timeframe);
}
