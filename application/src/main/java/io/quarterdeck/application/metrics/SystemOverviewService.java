package io.quarterdeck.application.metrics;

import io.quarterdeck.application.port.in.health.CheckHealthUseCase;
import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.application.port.in.health.ProcessStart;
import io.quarterdeck.application.port.in.metrics.HostMetricsUseCase;
import io.quarterdeck.application.port.in.metrics.SystemOverviewUseCase;
import io.quarterdeck.domain.metrics.HostSample;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** System information and health from the real probes ({@link CheckHealthUseCase}) and the host sampler. */
@ApplicationScoped
public class SystemOverviewService implements SystemOverviewUseCase {
    private final CheckHealthUseCase health;
    private final HostMetricsUseCase metrics;
    private final SystemIdentity identity;
    private final Clock clock;
    private final Instant started;

    @Inject
    public SystemOverviewService(CheckHealthUseCase health, HostMetricsUseCase metrics, SystemIdentity identity,
                                 Clock clock, ProcessStart start) {
        this.health = health;
        this.metrics = metrics;
        this.identity = identity;
        this.clock = clock;
        this.started = start == null ? null : start.at();
    }

    /** For CDI proxies only. */
    protected SystemOverviewService() {
        this(null, null, null, null, null);
    }

    @Override
    public SystemOverview overview() {
        HostSample host;
        try {
            host = metrics.latest(HostSample.LOCAL);
        } catch (RuntimeException e) {
            host = null;
        }
        return new SystemOverview(identity.version(), identity.environment(), uptime(), health.dependencies(), host);
    }

    @Override
    public SystemOverview health() {
        List<HealthCheck> checks = health.dependencies();
        HostSample host;
        try {
            host = metrics.latest(HostSample.LOCAL);
        } catch (RuntimeException e) {
            host = null;
        }
        return new SystemOverview(identity.version(), identity.environment(), uptime(), checks, host);
    }

    private long uptime() {
        return Duration.between(started, clock.instant()).toSeconds();
    }
}
