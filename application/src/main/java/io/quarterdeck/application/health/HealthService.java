package io.quarterdeck.application.health;

import io.quarterdeck.application.port.in.health.CheckHealthUseCase;
import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.application.port.in.health.ProcessStart;
import io.quarterdeck.application.port.out.health.DatabaseProbe;
import io.quarterdeck.application.port.out.health.DependencyProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liveness is the process itself; readiness asks the database for a real round trip. The other services (broker,
 * container engine, Loki, Prometheus, ...) are reported by {@link #dependencies()} and never make the application
 * unready: without them Quarterdeck still takes errors, logs and commands.
 */
@ApplicationScoped
public class HealthService implements CheckHealthUseCase {
    private final DatabaseProbe database;
    private final Iterable<DependencyProbe> probes;
    private final Clock clock;
    private final Instant started;

    @Inject
    public HealthService(DatabaseProbe database, Instance<DependencyProbe> probes, Clock clock, ProcessStart start) {
        this(database, (Iterable<DependencyProbe>) probes, clock, start.at());
    }

    /** Uptime counted from now (tests). */
    public HealthService(DatabaseProbe database, Iterable<DependencyProbe> probes, Clock clock) {
        this(database, probes, clock, clock.instant());
    }

    private HealthService(DatabaseProbe database, Iterable<DependencyProbe> probes, Clock clock, Instant started) {
        this.database = database;
        this.probes = probes;
        this.clock = clock;
        this.started = started;
    }

    /** For CDI proxies only. */
    protected HealthService() {
        this(null, null, null, (Instant) null);
    }

    @Override
    public List<HealthCheck> liveness() {
        long uptime = Duration.between(started, clock.instant()).toSeconds();
        return List.of(new HealthCheck("process", true, Map.of("uptime_seconds", uptime)));
    }

    @Override
    public List<HealthCheck> readiness() {
        try {
            long latency = database.ping();
            return List.of(new HealthCheck("database", true, Map.of("latency_ms", latency)));
        } catch (RuntimeException e) {
            return List.of(new HealthCheck("database", false, Map.of("error", "database does not answer")));
        }
    }

    @Override
    public List<HealthCheck> dependencies() {
        List<HealthCheck> checks = new ArrayList<>(readiness());
        List<DependencyProbe> sorted = new ArrayList<>();
        probes.forEach(sorted::add);
        sorted.sort(Comparator.comparing(DependencyProbe::name));
        for (DependencyProbe probe : sorted) {
            checks.add(check(probe));
        }
        return List.copyOf(checks);
    }

    private static HealthCheck check(DependencyProbe probe) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (!probe.configured()) {
            data.put("configured", false);
            return new HealthCheck(probe.name(), false, data);
        }
        data.put("configured", true);
        try {
            data.put("latency_ms", probe.ping());
            return new HealthCheck(probe.name(), true, data);
        } catch (RuntimeException e) {
            data.put("error", probe.name() + " does not answer");
            return new HealthCheck(probe.name(), false, data);
        }
    }
}
