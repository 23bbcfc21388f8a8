package io.quarterdeck.server;

import io.quarterdeck.adapters.rest.spine.socket.SocketLimits;
import io.quarterdeck.adapters.docker.DockerSettings;
import io.quarterdeck.application.port.in.containers.ContainerSettings;
import io.quarterdeck.application.port.in.alerting.AlertingSettings;
import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.application.port.in.logs.LogSettings;
import io.quarterdeck.application.port.in.metrics.MetricSettings;

/**
 * Every {@code quarterdeck.*} key the producers in this package read, each with its default in this one place (or
 * none: then the key is optional, or its default is a Liberty variable in {@code server.xml}). Defaults of the core's
 * settings are taken from the core's own {@code defaults()}, so they are not written twice. Keys that only
 * {@code server.xml} reads (ports, database, threads, access log) are listed there; {@code ConfigurationTableTest}
 * compares both with the documented configuration table.
 */
enum ConfigKey {
    // REST adapters (RestSettingsProducer)
    HTTP_TRUSTED_PROXIES("quarterdeck.http.trusted-proxies", ""),
    CORS_ORIGINS("quarterdeck.cors.origins", ""),
    HTTP_MAX_BODY_BYTES("quarterdeck.http.max-body-bytes", 10_485_760L),
    RATE_LIMIT_ENABLED("quarterdeck.rate-limit.enabled", true),
    RATE_LIMIT_AUTH_PER_MINUTE("quarterdeck.rate-limit.auth-per-minute", 10),
    RATE_LIMIT_ANONYMOUS_PER_MINUTE("quarterdeck.rate-limit.anonymous-per-minute", 100),
    RATE_LIMIT_CALLER_PER_MINUTE("quarterdeck.rate-limit.caller-per-minute", 1_000),
    RATE_LIMIT_INGEST_PER_MINUTE("quarterdeck.rate-limit.ingest-per-minute", 1_000),
    ERRORS_MAX_BODY_BYTES("quarterdeck.errors.max-body-bytes", 1_048_576),
    ERRORS_MAX_BATCH_ITEMS("quarterdeck.errors.max-batch-items", 100),
    WS_IDLE_TIMEOUT_SECONDS("quarterdeck.ws.idle-timeout-seconds", 300),
    WS_DASHBOARD_SOCKETS_PER_USER("quarterdeck.ws.dashboard-sockets-per-user",
            SocketLimits.defaults().dashboardPerUser()),

    // Error tracking in the core (Settings)
    ERRORS_MAX_MESSAGE_CHARS("quarterdeck.errors.max-message-chars", Defaults.ERRORS.limits().maxMessageChars()),
    ERRORS_MAX_STACK_TRACE_CHARS("quarterdeck.errors.max-stack-trace-chars",
            Defaults.ERRORS.limits().maxStackTraceChars()),
    ERRORS_MAX_CONTEXT_CHARS("quarterdeck.errors.max-context-chars", Defaults.ERRORS.limits().maxContextChars()),
    ERRORS_MAX_CONTEXT_DEPTH("quarterdeck.errors.max-context-depth", Defaults.ERRORS.limits().maxContextDepth()),
    ERRORS_MAX_MERGED_CONTEXT_KEYS("quarterdeck.errors.max-merged-context-keys",
            Defaults.ERRORS.limits().maxMergedContextKeys()),
    ERRORS_SCRUB_KEYS("quarterdeck.errors.scrub-keys", String.join(",", Defaults.ERRORS.sensitiveKeys())),
    ERRORS_RETENTION_DAYS("quarterdeck.errors.retention-days", Defaults.ERRORS.retention().toDays()),
    ERRORS_PER_GROUP_CAP("quarterdeck.errors.per-group-cap", Defaults.ERRORS.perGroupCap()),
    ERRORS_MAX_BATCH("quarterdeck.errors.max-batch", Defaults.ERRORS.maxBatch()),
    ERRORS_QUEUE_CAPACITY("quarterdeck.errors.queue-capacity", Defaults.ERRORS.queueCapacity()),

    // Identity in the core (Settings)
    JWT_ACCESS_TOKEN_MINUTES("quarterdeck.jwt.access-token-minutes", Defaults.IDENTITY.accessTokenTtl().toMinutes()),
    JWT_REFRESH_TOKEN_DAYS("quarterdeck.jwt.refresh-token-days", Defaults.IDENTITY.refreshTokenTtl().toDays()),
    AUTH_REGISTRATION_ENABLED("quarterdeck.auth.registration-enabled", Defaults.IDENTITY.registrationOpen()),
    AUTH_SECRET_ROTATION_OVERLAP_HOURS("quarterdeck.auth.secret-rotation-overlap-hours",
            Defaults.IDENTITY.secretRotationOverlap().toHours()),
    AUTH_INVITATION_DAYS("quarterdeck.auth.invitation-days", Defaults.IDENTITY.invitationTtl().toDays()),

    // Security adapter (SecuritySettingsProducer)
    JWT_ISSUER("quarterdeck.jwt.issuer", "quarterdeck"),
    JWT_PRIVATE_KEY_FILE("quarterdeck.jwt.private-key-file", null),
    JWT_KEY_ENCRYPTION_KEY("quarterdeck.jwt.key-encryption-key", null),
    JWT_KEY_RELOAD_SECONDS("quarterdeck.jwt.key-reload-seconds", 10),
    OIDC_ISSUER("quarterdeck.oidc.issuer", null),
    OIDC_JWKS_URL("quarterdeck.oidc.jwks-url", null),
    OIDC_AUDIENCE("quarterdeck.oidc.audience", null),
    OIDC_ROLES_CLAIM("quarterdeck.oidc.roles-claim", "groups"),
    OIDC_ROLE_MAP("quarterdeck.oidc.role-map", ""),
    OIDC_JWKS_MAX_CACHE_SECONDS("quarterdeck.oidc.jwks-max-cache-seconds", 300),

    // Start-up and schedules (ServerSettings)
    /** No default here: {@code server.xml} defines it ({@code ${HOME}/.quarterdeck}) for the H2 URL too. */
    DATA_DIR("quarterdeck.data-dir", null),
    ERRORS_PURGE_INTERVAL_MINUTES("quarterdeck.errors.purge-interval-minutes", 10),
    AUTH_REVOCATION_RELOAD_SECONDS("quarterdeck.auth.revocation-reload-seconds", 15),
    BOOTSTRAP_API_KEY("quarterdeck.bootstrap-api-key", null),
    BOOTSTRAP_OWNER_USERNAME("quarterdeck.bootstrap.owner-username", "owner"),
    BOOTSTRAP_OWNER_PASSWORD("quarterdeck.bootstrap.owner-password", null),

    // Containers and servers, issue 18 (ContainerSettingsProducer: the Docker adapter and the core)
    DOCKER_URL("quarterdeck.docker.url", DockerSettings.defaults().localUrl()),
    DOCKER_CALL_TIMEOUT_SECONDS("quarterdeck.docker.call-timeout-seconds",
            DockerSettings.defaults().callTimeout().toSeconds()),
    DOCKER_STATS_TIMEOUT_MILLIS("quarterdeck.docker.stats-timeout-millis",
            DockerSettings.defaults().statsTimeout().toMillis()),
    DOCKER_CONNECT_TIMEOUT_SECONDS("quarterdeck.docker.connect-timeout-seconds",
            DockerSettings.defaults().connectTimeout().toSeconds()),
    DOCKER_MAX_CONNECTIONS("quarterdeck.docker.max-connections", DockerSettings.defaults().maxConnections()),
    DOCKER_RETRY_AFTER_SECONDS("quarterdeck.docker.retry-after-seconds",
            DockerSettings.defaults().retryAfterSeconds()),
    TERMINAL_IDLE_TIMEOUT_SECONDS("quarterdeck.terminal.idle-timeout-seconds",
            ContainerSettings.defaults().terminalIdleTimeout().toSeconds()),
    TERMINAL_SESSIONS_PER_USER("quarterdeck.terminal.sessions-per-user",
            ContainerSettings.defaults().terminalSessionsPerUser()),
    TERMINAL_SHELL("quarterdeck.terminal.shell", String.join(",", ContainerSettings.defaults().terminalShell())),
    // Apps and the RabbitMQ command bus, issue 16 (MessagingSettingsProducer)
    RABBITMQ_URL("quarterdeck.rabbitmq.url", null),
    RABBITMQ_COMMANDS_EXCHANGE("quarterdeck.rabbitmq.commands-exchange", "quarterdeck.commands"),
    RABBITMQ_REPORTS_EXCHANGE("quarterdeck.rabbitmq.reports-exchange", "quarterdeck.reports"),
    RABBITMQ_REPORTS_QUEUE("quarterdeck.rabbitmq.reports-queue", "quarterdeck.reports"),
    RABBITMQ_RELAY_BATCH("quarterdeck.rabbitmq.relay-batch", 500),
    RABBITMQ_RELAY_INTERVAL_MS("quarterdeck.rabbitmq.relay-interval-ms", 200),

    // Logs and metrics, issue 15 (ObservabilitySettingsProducer, ObservabilitySchedule)
    LOGS_RETENTION_HOURS("quarterdeck.logs.retention-hours", Defaults.LOGS.retention().toHours()),
    LOGS_MAX_LINES("quarterdeck.logs.max-lines", Defaults.LOGS.maxLines()),
    LOGS_SCRUB_KEYS("quarterdeck.logs.scrub-keys", String.join(",", Defaults.LOGS.scrubKeys())),
    LOGS_FOLLOWER_BUFFER("quarterdeck.logs.follower-buffer", Defaults.LOGS.followerBuffer()),
    LOGS_COLLECT_CONTAINERS("quarterdeck.logs.collect-containers", Defaults.LOGS.collectContainers()),
    LOGS_PURGE_INTERVAL_MINUTES("quarterdeck.logs.purge-interval-minutes", Defaults.LOGS.purgeInterval().toMinutes()),
    METRICS_SAMPLE_SECONDS("quarterdeck.metrics.sample-seconds", Defaults.METRICS.sampleInterval().toSeconds()),
    METRICS_RAW_RETENTION_HOURS("quarterdeck.metrics.raw-retention-hours", Defaults.METRICS.rawRetention().toHours()),
    METRICS_AVERAGE_RETENTION_DAYS("quarterdeck.metrics.average-retention-days",
            Defaults.METRICS.averageRetention().toDays()),
    OBSERVABILITY_TIMEOUT_SECONDS("quarterdeck.observability.timeout-seconds", 5),
    PROMETHEUS_URL("quarterdeck.prometheus.url", null),
    LOKI_URL("quarterdeck.loki.url", null),
    GRAFANA_URL("quarterdeck.grafana.url", null),
    GRAFANA_TOKEN("quarterdeck.grafana.token", null),
    ENVIRONMENT("quarterdeck.environment", "production"),
    // Changeable at runtime through POST /api/v1/system/config (RuntimeConfiguration)
    LOG_LEVEL("quarterdeck.log.level", "INFO"),
    LOGS_SELF_LEVEL("quarterdeck.logs.self-level", "WARNING"),
    LOGS_SELF_QUEUE("quarterdeck.logs.self-queue", 10_000),

    // Alerting, incidents and notifications, issue 17 (AlertingSettingsProducer)
    ALERTING_ENABLED("quarterdeck.alerting.enabled", true),
    ALERTING_EVALUATION_INTERVAL_SECONDS("quarterdeck.alerting.evaluation-interval-seconds",
            Defaults.ALERTING.evaluationInterval().toSeconds()),
    NOTIFICATIONS_DISPATCH_INTERVAL_SECONDS("quarterdeck.notifications.dispatch-interval-seconds",
            Defaults.ALERTING.dispatchInterval().toSeconds()),
    NOTIFICATIONS_MAX_ATTEMPTS("quarterdeck.notifications.max-attempts", Defaults.ALERTING.maxAttempts()),
    NOTIFICATIONS_RETRY_BASE_SECONDS("quarterdeck.notifications.retry-base-seconds",
            Defaults.ALERTING.retryBase().toSeconds()),
    NOTIFICATIONS_TIMEOUT_SECONDS("quarterdeck.notifications.timeout-seconds", 10),
    NOTIFICATIONS_TELEGRAM_BASE_URL("quarterdeck.notifications.telegram-base-url", "https://api.telegram.org");

    private final String key;
    private final String fallback;

    ConfigKey(String key, Object fallback) {
        this.key = key;
        this.fallback = fallback == null ? null : fallback.toString();
    }

    /** The property name, e.g. {@code quarterdeck.http.port}. */
    String key() {
        return key;
    }

    /** The default as text, or null when the key has none here. */
    String fallback() {
        return fallback;
    }

    /** The core's defaults, held outside the enum because enum constants cannot read its static fields. */
    private static final class Defaults {
        static final ErrorTrackingSettings ERRORS = ErrorTrackingSettings.defaults();
        static final IdentitySettings IDENTITY = IdentitySettings.defaults();
        static final LogSettings LOGS = LogSettings.defaults();
        static final MetricSettings METRICS = MetricSettings.defaults();
        static final AlertingSettings ALERTING = AlertingSettings.defaults();
    }
}
