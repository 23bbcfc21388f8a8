package io.quarterdeck.application.port.in.monitoring;

import io.quarterdeck.application.port.in.analytics.Cached;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Seed 001 section 4: the services Quarterdeck depends on, checked now, with uptime from the stored checks. */
public interface MonitorServicesUseCase {
    /** One configured service: {@code status} healthy or unhealthy; uptime over the last 24 h of checks. */
    record ServiceStatus(String name, String status, Double uptimePercent, Long responseTimeMs, Instant lastChecked,
                         Map<String, Object> details) {
    }

    /** The database's uptime: hours since the first stored check, percentages, the last check that failed. */
    record Uptime(double currentUptimeHours, Double percent24h, Double percent7d, Double percent30d,
                  long incidentsCount, Instant lastDowntime) {
    }

    /** Probes every service now, stores the results, answers them with their uptime. */
    List<ServiceStatus> services();

    /**
     * {@link #services()}, kept for 30 s (seed 001: service health) unless a stored check changed a service's state
     * meanwhile.
     */
    Cached<List<ServiceStatus>> cachedServices();

    /** Probes and stores only (the schedule calls this). */
    void recordChecks();

    Uptime uptime();
}
