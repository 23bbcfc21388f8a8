package io.quarterdeck.server;

import static io.quarterdeck.server.ConfigKey.ENVIRONMENT;
import static io.quarterdeck.server.ConfigKey.GRAFANA_TOKEN;
import static io.quarterdeck.server.ConfigKey.GRAFANA_URL;
import static io.quarterdeck.server.ConfigKey.LOKI_URL;
import static io.quarterdeck.server.ConfigKey.LOGS_COLLECT_CONTAINERS;
import static io.quarterdeck.server.ConfigKey.LOGS_FOLLOWER_BUFFER;
import static io.quarterdeck.server.ConfigKey.LOGS_MAX_LINES;
import static io.quarterdeck.server.ConfigKey.LOGS_PURGE_INTERVAL_MINUTES;
import static io.quarterdeck.server.ConfigKey.LOGS_RETENTION_HOURS;
import static io.quarterdeck.server.ConfigKey.LOGS_SCRUB_KEYS;
import static io.quarterdeck.server.ConfigKey.METRICS_AVERAGE_RETENTION_DAYS;
import static io.quarterdeck.server.ConfigKey.METRICS_RAW_RETENTION_HOURS;
import static io.quarterdeck.server.ConfigKey.METRICS_SAMPLE_SECONDS;
import static io.quarterdeck.server.ConfigKey.OBSERVABILITY_TIMEOUT_SECONDS;
import static io.quarterdeck.server.ConfigKey.PROMETHEUS_URL;

import io.quarterdeck.adapters.observability.ObservabilitySettings;
import io.quarterdeck.application.port.in.logs.LogSettings;
import io.quarterdeck.application.port.in.metrics.MetricSettings;
import io.quarterdeck.application.port.in.metrics.SystemOverviewUseCase.SystemIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Logs and metrics (issue 15): {@code quarterdeck.logs.*}, {@code quarterdeck.metrics.*} and the URLs of Prometheus,
 * Loki and Grafana into the core's {@link LogSettings} and {@link MetricSettings} and the observability adapter's
 * {@link ObservabilitySettings}, once.
 */
@ApplicationScoped
public class ObservabilitySettingsProducer {
    @Produces
    @Singleton
    LogSettings logs(Config config) {
        return logs(ConfigReader.of(config));
    }

    @Produces
    @Singleton
    MetricSettings metrics(Config config) {
        return metrics(ConfigReader.of(config));
    }

    @Produces
    @Singleton
    ObservabilitySettings observability(Config config, ServerSettings server) {
        return observability(ConfigReader.of(config), server.dataDirectory());
    }

    /** The version of the build (Maven writes it into {@value #VERSION_RESOURCE}) and the environment. */
    @Produces
    @Singleton
    SystemIdentity identity(Config config) {
        return new SystemIdentity(buildVersion(), ConfigReader.of(config).text(ENVIRONMENT).trim());
    }

    static final String VERSION_RESOURCE = "/META-INF/quarterdeck-version.properties";

    /** The project version the build filtered into {@value #VERSION_RESOURCE}; {@code unknown} if it is missing. */
    static String buildVersion() {
        try (java.io.InputStream in = ObservabilitySettingsProducer.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String v = p.getProperty("version", "").trim();
            return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static LogSettings logs(ConfigReader c) {
        return new LogSettings(Duration.ofHours(c.whole(LOGS_RETENTION_HOURS)), c.whole(LOGS_MAX_LINES),
                c.list(LOGS_SCRUB_KEYS), c.integer(LOGS_FOLLOWER_BUFFER), c.flag(LOGS_COLLECT_CONTAINERS),
                Duration.ofMinutes(c.whole(LOGS_PURGE_INTERVAL_MINUTES)));
    }

    static MetricSettings metrics(ConfigReader c) {
        return new MetricSettings(Duration.ofSeconds(c.whole(METRICS_SAMPLE_SECONDS)),
                Duration.ofHours(c.whole(METRICS_RAW_RETENTION_HOURS)),
                Duration.ofDays(c.whole(METRICS_AVERAGE_RETENTION_DAYS)));
    }

    static ObservabilitySettings observability(ConfigReader c, Path dataDirectory) {
        return new ObservabilitySettings(url(c, PROMETHEUS_URL), url(c, LOKI_URL), url(c, GRAFANA_URL),
                c.optional(GRAFANA_TOKEN).map(String::trim), Duration.ofSeconds(c.whole(OBSERVABILITY_TIMEOUT_SECONDS)), dataDirectory,
                Path.of("/proc"));
    }

    static Optional<URI> url(ConfigReader c, ConfigKey key) {
        return c.optional(key).map(String::trim).map(s -> {
            URI u;
            try {
                u = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key.key() + ": not a URL: " + s);
            }
            if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException(key.key() + ": must be an http(s) URL: " + s);
            }
            return u;
        });
    }
}
