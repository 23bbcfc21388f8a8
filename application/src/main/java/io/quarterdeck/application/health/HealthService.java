package io.quarterdeck.application.health;

import io.quarterdeck.application.port.in.health.CheckHealthUseCase;
import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.application.port.out.health.DatabaseProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Liveness is the process itself; readiness asks the database for a real round trip. */
@ApplicationScoped
public class HealthService implements CheckHealthUseCase {
    private final DatabaseProbe database;
    private final Clock clock;
    private final Instant started;

    @Inject
    public HealthService(DatabaseProbe database, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.started = clock == null ? null : clock.instant();
    }

    /** For CDI proxies only. */
    protected HealthService() {
        this(null, null);
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
}
