package io.quarterdeck.application.port.in.metrics;

import io.quarterdeck.application.port.in.health.HealthCheck;
import io.quarterdeck.domain.metrics.HostSample;
import java.util.List;

/** Seed 000's system information: version, environment, uptime, every service probed now, the host's resources. */
public interface SystemOverviewUseCase {
    SystemOverview overview();

    /** Uptime and the probes only (seed 003's health check), without sampling the host. */
    SystemOverview health();

    /**
     * @param services the database and every dependency probe ({@code CheckHealthUseCase.dependencies()})
     * @param host     the latest sample of the local host, or null when it cannot be read
     */
    record SystemOverview(String version, String environment, long uptimeSeconds, List<HealthCheck> services,
                          HostSample host) {
        public SystemOverview {
            services = List.copyOf(services);
        }

        /** Healthy when every configured service answers; degraded when some do not; the database decides. */
        public String status() {
            boolean database = services.stream().anyMatch(c -> c.name().equals("database") && c.up());
            if (!database) {
                return "unhealthy";
            }
            boolean allUp = services.stream().allMatch(c -> c.up()
                    || Boolean.FALSE.equals(c.data().get("configured")));
            return allUp ? "healthy" : "degraded";
        }
    }

    /** What the deployment calls itself. */
    record SystemIdentity(String version, String environment) {
    }
}
