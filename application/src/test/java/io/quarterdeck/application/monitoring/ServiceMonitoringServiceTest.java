package io.quarterdeck.application.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarterdeck.application.port.in.health.CheckHealthUseCase;
import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.application.port.out.incidents.IncidentRepository;
import io.quarterdeck.application.port.out.monitoring.ServiceCheckHistory;
import io.quarterdeck.application.testing.TestClock;
import io.quarterdeck.domain.incidents.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Uptime from stored checks, and service_status_change only when a service's state differs from its last check. */
class ServiceMonitoringServiceTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final List<ServiceCheckHistory.Check> stored = new ArrayList<>();
    private final List<String> published = new ArrayList<>();
    private volatile boolean brokerUp = true;

    private final CheckHealthUseCase health = new CheckHealthUseCase() {
        @Override
        public List<HealthCheck> liveness() {
            return List.of();
        }

        @Override
        public List<HealthCheck> readiness() {
            return List.of();
        }

        @Override
        public List<HealthCheck> dependencies() {
            return List.of(new HealthCheck("database", true, Map.of("latency_ms", 3L)),
                    new HealthCheck("rabbitmq", brokerUp, Map.of("configured", true)),
                    new HealthCheck("loki", false, Map.of("configured", false)));
        }
    };

    private final ServiceCheckHistory history = new ServiceCheckHistory() {
        @Override
        public void record(Collection<Check> checks) {
            stored.addAll(checks);
        }

        @Override
        public Optional<Double> uptimePercent(String service, Instant since) {
            List<Check> mine = stored.stream().filter(c -> c.service().equals(service) && !c.at().isBefore(since))
                    .toList();
            return mine.isEmpty() ? Optional.empty()
                    : Optional.of(100.0 * mine.stream().filter(Check::up).count() / mine.size());
        }

        @Override
        public Optional<Double> averageLatencyMs(Instant since) {
            return stored.stream().filter(c -> c.up() && c.latencyMs() != null && !c.at().isBefore(since))
                    .mapToLong(Check::latencyMs).average().stream().boxed().findFirst();
        }

        @Override
        public Optional<Boolean> lastState(String service) {
            return stored.stream().filter(c -> c.service().equals(service)).reduce((a, b) -> b).map(Check::up);
        }

        @Override
        public Optional<Instant> lastDown(String service) {
            return stored.stream().filter(c -> c.service().equals(service) && !c.up()).map(Check::at)
                    .reduce((a, b) -> b);
        }

        @Override
        public int consecutiveDown(String service, int max) {
            int down = 0;
            List<Check> mine = stored.stream().filter(c -> c.service().equals(service)).toList();
            for (int k = mine.size() - 1; k >= 0 && down < max && !mine.get(k).up(); k--) {
                down++;
            }
            return down;
        }

        @Override
        public Optional<Instant> firstCheck(String service) {
            return stored.stream().filter(c -> c.service().equals(service)).map(Check::at).findFirst();
        }

        @Override
        public long deleteOlderThan(Instant cutoff) {
            return 0;
        }
    };

    private final IncidentRepository incidents = new IncidentRepository() {
        @Override
        public void save(Incident incident) {
        }

        @Override
        public Optional<Incident> find(String id) {
            return Optional.empty();
        }

        @Override
        public List<Incident> list(int limit) {
            return List.of();
        }

        @Override
        public long openedSince(Instant since) {
            return 2;
        }
    };

    private final ServiceMonitoringService service = new ServiceMonitoringService(health, history, incidents,
            (name, status) -> published.add(name + "=" + status), clock);

    @Test
    void storesConfiguredServicesAnswersUptimeAndAnnouncesOnlyChanges() {
        service.recordChecks();
        clock.advance(Duration.ofSeconds(30));
        service.recordChecks();
        assertEquals(List.of(), published, "no change, nothing announced");
        brokerUp = false;
        clock.advance(Duration.ofSeconds(30));
        var now = service.services();
        assertEquals(List.of("rabbitmq=unhealthy"), published);
        assertEquals("unhealthy", now.get(1).status());
        assertEquals(200.0 / 3, now.get(1).uptimePercent(), 0.01, "two of three checks up");
        assertEquals(List.of("database", "rabbitmq"), now.stream().map(x -> x.name()).toList(),
                "loki (not configured) is not listed");
        assertEquals(6, stored.size(), "loki (not configured) is not stored");
        clock.advance(Duration.ofSeconds(30));
        service.recordChecks();
        assertEquals(List.of("rabbitmq=unhealthy"), published, "still down: announced once");
        brokerUp = true;
        service.recordChecks();
        assertEquals(List.of("rabbitmq=unhealthy", "rabbitmq=healthy"), published);
        var uptime = service.uptime();
        assertEquals(100.0, uptime.percent24h());
        assertEquals(2, uptime.incidentsCount());
    }

    @Test
    void cachedServicesAreKeptThirtySecondsUnlessAStoredCheckChangedAState() {
        var first = service.cachedServices();
        assertFalse(first.fromCache());
        int checks = stored.size();
        var again = service.cachedServices();
        assertTrue(again.fromCache());
        assertSame(first.value(), again.value());
        assertEquals(checks, stored.size(), "a cached answer probes nothing");
        clock.advance(Duration.ofSeconds(10));
        service.recordChecks();
        assertTrue(service.cachedServices().fromCache(), "a check without a change keeps the answer");
        brokerUp = false;
        service.recordChecks();
        var changed = service.cachedServices();
        assertFalse(changed.fromCache(), "a stored state change invalidates");
        assertEquals("unhealthy", changed.value().get(1).status());
        assertTrue(service.cachedServices().fromCache());
        clock.advance(ServiceMonitoringService.SERVICE_HEALTH_TTL);
        assertFalse(service.cachedServices().fromCache(), "expired after 30 s");
    }
}
