package io.quarterdeck.server;

import static io.quarterdeck.server.ConfigKey.AUTH_INVITATION_DAYS;
import static io.quarterdeck.server.ConfigKey.AUTH_REGISTRATION_ENABLED;
import static io.quarterdeck.server.ConfigKey.AUTH_REVOCATION_RELOAD_SECONDS;
import static io.quarterdeck.server.ConfigKey.AUTH_SECRET_ROTATION_OVERLAP_HOURS;
import static io.quarterdeck.server.ConfigKey.BOOTSTRAP_API_KEY;
import static io.quarterdeck.server.ConfigKey.BOOTSTRAP_OWNER_PASSWORD;
import static io.quarterdeck.server.ConfigKey.BOOTSTRAP_OWNER_USERNAME;
import static io.quarterdeck.server.ConfigKey.DATA_DIR;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_BATCH;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_CONTEXT_CHARS;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_CONTEXT_DEPTH;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_MERGED_CONTEXT_KEYS;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_MESSAGE_CHARS;
import static io.quarterdeck.server.ConfigKey.ERRORS_MAX_STACK_TRACE_CHARS;
import static io.quarterdeck.server.ConfigKey.ERRORS_PER_GROUP_CAP;
import static io.quarterdeck.server.ConfigKey.ERRORS_PURGE_INTERVAL_MINUTES;
import static io.quarterdeck.server.ConfigKey.ERRORS_QUEUE_CAPACITY;
import static io.quarterdeck.server.ConfigKey.ERRORS_RETENTION_DAYS;
import static io.quarterdeck.server.ConfigKey.ERRORS_SCRUB_KEYS;
import static io.quarterdeck.server.ConfigKey.JWT_ACCESS_TOKEN_MINUTES;
import static io.quarterdeck.server.ConfigKey.JWT_REFRESH_TOKEN_DAYS;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.in.health.ProcessStart;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.domain.errors.ErrorReportLimits;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadFactory;
import org.eclipse.microprofile.config.Config;

/**
 * Turns MicroProfile Config ({@code quarterdeck.*}, or {@code QUARTERDECK_*} variables) into the core's settings and
 * the start-up settings, each read once through {@link ConfigKey}.
 */
@ApplicationScoped
public class Settings {
    /** A container resource, not a CDI bean: resource injection has no constructor form. */
    @Resource
    ManagedThreadFactory managedThreads;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The JVM's start: every uptime Quarterdeck reports counts from it. */
    @Produces
    @Singleton
    ProcessStart processStart() {
        return new ProcessStart(Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    @Produces
    @Singleton
    ErrorTrackingSettings errorTracking(Config config) {
        return errorTracking(ConfigReader.of(config));
    }

    @Produces
    @Singleton
    IdentitySettings identity(Config config) {
        return identity(ConfigReader.of(config));
    }

    @Produces
    @Singleton
    ServerSettings server(Config config) {
        return server(ConfigReader.of(config));
    }

    /** Threads that carry the application's context (JNDI, CDI, transactions), for the ingestion writer. */
    @Produces
    @Singleton
    ThreadFactory threads() {
        return managedThreads;
    }

    static ErrorTrackingSettings errorTracking(ConfigReader c) {
        ErrorReportLimits limits = new ErrorReportLimits(
                c.integer(ERRORS_MAX_MESSAGE_CHARS),
                c.integer(ERRORS_MAX_STACK_TRACE_CHARS),
                c.integer(ERRORS_MAX_CONTEXT_CHARS),
                c.integer(ERRORS_MAX_CONTEXT_DEPTH),
                ErrorReportLimits.defaults().maxShortFieldChars(),
                c.integer(ERRORS_MAX_MERGED_CONTEXT_KEYS));
        return new ErrorTrackingSettings(limits, c.list(ERRORS_SCRUB_KEYS),
                Duration.ofDays(c.integer(ERRORS_RETENTION_DAYS)), c.integer(ERRORS_PER_GROUP_CAP),
                c.integer(ERRORS_MAX_BATCH), c.integer(ERRORS_QUEUE_CAPACITY));
    }

    static IdentitySettings identity(ConfigReader c) {
        return new IdentitySettings(
                Duration.ofMinutes(c.integer(JWT_ACCESS_TOKEN_MINUTES)),
                Duration.ofDays(c.integer(JWT_REFRESH_TOKEN_DAYS)),
                c.flag(AUTH_REGISTRATION_ENABLED),
                Duration.ofHours(c.integer(AUTH_SECRET_ROTATION_OVERLAP_HOURS)),
                Duration.ofDays(c.integer(AUTH_INVITATION_DAYS)));
    }

    static ServerSettings server(ConfigReader c) {
        return new ServerSettings(Path.of(c.text(DATA_DIR)),
                Duration.ofMinutes(c.whole(ERRORS_PURGE_INTERVAL_MINUTES)),
                Duration.ofSeconds(c.whole(AUTH_REVOCATION_RELOAD_SECONDS)),
                c.optional(BOOTSTRAP_API_KEY), c.text(BOOTSTRAP_OWNER_USERNAME), c.optional(BOOTSTRAP_OWNER_PASSWORD));
    }
}
