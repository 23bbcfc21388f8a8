package io.quarterdeck.application.monitoring;

import io.quarterdeck.application.analytics.AnswerCache;
import io.quarterdeck.application.port.in.analytics.Cached;
import io.quarterdeck.application.port.in.health.CheckHealthUseCase;
import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.application.port.in.monitoring.MonitorServicesUseCase;
import io.quarterdeck.application.port.out.incidents.IncidentRepository;
import io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory;
import io.quarterdeck.application.port.out.monitoring.ServiceStatusPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every check of {@link CheckHealthUseCase#dependencies()} (the database and each configured probe) is stored, so
 * uptime is the share of stored checks that were up. Services that are not configured are listed, not stored.
 * Checks older than 31 days are deleted as new ones are recorded. A service whose state differs from its previous
 * stored check is announced through {@link ServiceStatusPublisher} (seed 001's {@code service_status_change}).
 * {@link #cachedServices()} keeps an answer for {@link #SERVICE_HEALTH_TTL} unless such a change was stored since.
 */
@ApplicationScoped
public class ServiceMonitoringService implements MonitorServicesUseCase {
    /** Seed 001: service health is cached for 30 seconds. */
    public static final Duration SERVICE_HEALTH_TTL = Duration.ofSeconds(30);

    private final CheckHealthUseCase health;
    private final ServiceCheckHistory history;
    private final IncidentRepository incidents;
    private final ServiceStatusPublisher publisher;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private final AnswerCache<String, List<ServiceStatus>> cache;

    @Inject
    public ServiceMonitoringService(CheckHealthUseCase health, ServiceCheckHistory history,
                                    IncidentRepository incidents, ServiceStatusPublisher publisher, Clock clock) {
        this.health = health;
        this.history = history;
        this.incidents = incidents;
        this.publisher = publisher;
        this.clock = clock;
        this.cache = new AnswerCache<>(SERVICE_HEALTH_TTL, clock == null ? Clock.systemUTC() : clock);
    }

    /** For CDI proxies only. */
    protected ServiceMonitoringService() {
        this(null, null, null, null, null);
    }

    private List<HealthCheck> checkAndRecord(Instant now) {
        List<HealthCheck> checks = health.dependencies();
        List<ServiceCheckHistory.Check> rows = new ArrayList<>();
        Map<String, Boolean> changed = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            if (!Boolean.FALSE.equals(c.data().get("configured"))) {
                rows.add(new ServiceCheckHistory.Check(c.name(), now, c.up(), latency(c)));
                history.lastState(c.name()).filter(before -> before != c.up())
                        .ifPresent(before -> changed.put(c.name(), c.up()));
            }
        }
        history.record(rows);
        if (!changed.isEmpty()) {
            changes.incrementAndGet();
        }
        // After the checks are stored: a subscriber who asks at once sees the same state. (Each instance publishes
        // what it saw to its own subscribers; a change seen by another instance first is published there.)
        changed.forEach((service, up) -> {
            try {
                publisher.statusChanged(service, up ? "healthy" : "unhealthy");
            } catch (RuntimeException e) {
                // a live notification never fails the check
            }
        });
        return checks;
    }

    private static Long latency(HealthCheck c) {
        return c.data().get("latency_ms") instanceof Number n ? n.longValue() : null;
    }

    @Override
    public void recordChecks() {
        Instant now = clock.instant();
        checkAndRecord(now);
        history.deleteOlderThan(now.minus(Duration.ofDays(31)));
    }

    @Override
    public List<ServiceStatus> services() {
        Instant now = clock.instant();
        List<ServiceStatus> out = new ArrayList<>();
        for (HealthCheck c : checkAndRecord(now)) {
            if (Boolean.FALSE.equals(c.data().get("configured"))) {
                continue; // not part of this deployment: seed 001's statuses are healthy, unhealthy or unknown
            }
            Map<String, Object> details = new LinkedHashMap<>(c.data());
            details.remove("latency_ms");
            out.add(new ServiceStatus(c.name(), c.up() ? "healthy" : "unhealthy",
                    history.uptimePercent(c.name(), now.minus(Duration.ofHours(24))).orElse(null), latency(c), now,
                    details));
        }
        return out;
    }

    @Override
    public Cached<List<ServiceStatus>> cachedServices() {
        return cache.get("", changes.get(), this::services);
    }

    @Override
    public Uptime uptime() {
        Instant now = clock.instant();
        Instant first = history.firstCheck("database").orElse(now);
        return new Uptime(Math.round(Duration.between(first, now).toSeconds() / 360.0) / 10.0,
                history.uptimePercent("database", now.minus(Duration.ofHours(24))).orElse(null),
                history.uptimePercent("database", now.minus(Duration.ofDays(7))).orElse(null),
                history.uptimePercent("database", now.minus(Duration.ofDays(30))).orElse(null),
                incidents.openedSince(now.minus(Duration.ofDays(30))), history.lastDown("database").orElse(null));
    }
}
