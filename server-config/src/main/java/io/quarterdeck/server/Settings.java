package io.quarterdeck.server;

import io.quarterdeck.application.port.in.errors.ErrorTrackingSettings;
import io.quarterdeck.application.port.in.identity.IdentitySettings;
import io.quarterdeck.domain.errors.ErrorReportLimits;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import org.eclipse.microprofile.config.Config;

/** Turns MicroProfile Config ({@code quarterdeck.*}, or {@code QUARTERDECK_*} variables) into the core's settings. */
@ApplicationScoped
public class Settings {
    @Inject
    Config config;
    @Resource
    ManagedThreadFactory managedThreads;

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ErrorTrackingSettings errorTracking() {
        ErrorReportLimits d = ErrorReportLimits.defaults();
        ErrorReportLimits limits = new ErrorReportLimits(
                integer("quarterdeck.errors.max-message-chars", d.maxMessageChars()),
                integer("quarterdeck.errors.max-stack-trace-chars", d.maxStackTraceChars()),
                integer("quarterdeck.errors.max-context-chars", d.maxContextChars()),
                integer("quarterdeck.errors.max-context-depth", d.maxContextDepth()),
                d.maxShortFieldChars(),
                integer("quarterdeck.errors.max-merged-context-keys", d.maxMergedContextKeys()));
        List<String> keys = config.getOptionalValue("quarterdeck.errors.scrub-keys", String.class)
                .map(s -> Arrays.stream(s.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList())
                .orElse(io.quarterdeck.domain.errors.SensitiveDataScrubber.DEFAULT_KEYS);
        Duration retention = Duration.ofDays(integer("quarterdeck.errors.retention-days", 30));
        return new ErrorTrackingSettings(limits, keys, retention, integer("quarterdeck.errors.per-group-cap", 1_000),
                integer("quarterdeck.errors.max-batch", 500), integer("quarterdeck.errors.queue-capacity", 20_000));
    }

    @Produces
    @Singleton
    IdentitySettings identity() {
        return new IdentitySettings(
                Duration.ofMinutes(integer("quarterdeck.jwt.access-token-minutes", 15)),
                Duration.ofDays(integer("quarterdeck.jwt.refresh-token-days", 7)),
                config.getOptionalValue("quarterdeck.auth.registration-enabled", Boolean.class).orElse(false),
                Duration.ofHours(integer("quarterdeck.auth.secret-rotation-overlap-hours", 24)),
                Duration.ofDays(integer("quarterdeck.auth.invitation-days", 7)));
    }

    /** Threads that carry the application's context (JNDI, CDI, transactions), for the ingestion writer. */
    @Produces
    @Singleton
    ThreadFactory threads() {
        return managedThreads;
    }

    /** The directory for the embedded database and the bootstrap secrets. */
    Path dataDirectory() {
        return Path.of(config.getOptionalValue("quarterdeck.data-dir", String.class)
                .orElse(System.getProperty("user.home") + "/.quarterdeck"));
    }

    private int integer(String key, int fallback) {
        return config.getOptionalValue(key, Integer.class).orElse(fallback);
    }
}
