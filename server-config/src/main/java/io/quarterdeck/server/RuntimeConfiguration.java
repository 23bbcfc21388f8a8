package io.quarterdeck.server;

import io.quarterdeck.application.port.out.system.ConfigurationSource;
import io.quarterdeck.application.port.out.system.RuntimeSettingRepository;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * The configuration as the server runs with it: every {@link ConfigKey} from MicroProfile Config (system properties,
 * {@code QUARTERDECK_*} variables, {@code server.xml}) or its default, overlaid by the values changed at runtime
 * ({@code POST /api/v1/system/config}, kept in the database and restored at start). Only a safe few keys change at
 * runtime: the level of Quarterdeck's own loggers, the level from which its own records are collected into the log
 * store, the host sampler's interval and the log retention (age and size). Each change is applied at once: a level
 * directly, the others by a {@link RuntimeSettingChanged} event the schedules observe or by {@link #reader()}, which
 * the schedules read on each run.
 */
@ApplicationScoped
public class RuntimeConfiguration implements ConfigurationSource {
    private static final Logger LOG = Logger.getLogger(RuntimeConfiguration.class.getName());
    /** The logger whose level {@code quarterdeck.log.level} sets (held, so the level is not lost to collection). */
    static final Logger QUARTERDECK = Logger.getLogger("io.quarterdeck");
    static final Set<ConfigKey> CHANGEABLE = EnumSet.of(ConfigKey.LOG_LEVEL, ConfigKey.LOGS_SELF_LEVEL,
            ConfigKey.METRICS_SAMPLE_SECONDS, ConfigKey.LOGS_RETENTION_HOURS, ConfigKey.LOGS_MAX_LINES);

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Config config;
    private final RuntimeSettingRepository store;
    private final StartupSequence startup;
    private final Event<RuntimeSettingChanged> changed;
    private final Map<ConfigKey, String> overrides = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> restoring;

    @Inject
    public RuntimeConfiguration(Config config, RuntimeSettingRepository store, StartupSequence startup,
                                Event<RuntimeSettingChanged> changed) {
        this.config = config;
        this.store = store;
        this.startup = startup;
        this.changed = changed;
    }

    /** For CDI proxies only. */
    protected RuntimeConfiguration() {
        this(null, null, null, null);
    }

    /** Restores the stored changes once the schema is migrated (the start-up sequence retries until it is). */
    void onStart(@Observes Startup event) {
        apply(ConfigKey.LOG_LEVEL, reader().text(ConfigKey.LOG_LEVEL));
        restoring = scheduler.scheduleWithFixedDelay(() -> {
            if (!startup.isPrepared()) {
                return;
            }
            try {
                store.load().forEach((key, value) -> keyOf(key).filter(CHANGEABLE::contains).ifPresent(k -> {
                    try {
                        String v = validate(k, value);
                        overrides.put(k, v);
                        apply(k.key(), v);
                    } catch (IllegalArgumentException e) {
                        LOG.warning("Ignoring the stored runtime setting " + key + ": " + e.getMessage());
                    }
                }));
                restoring.cancel(false);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not restore the runtime settings yet; will retry", e);
            }
        }, 0, 2, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (restoring != null) {
            restoring.cancel(false);
        }
    }

    /** Typed reads of the configuration with the runtime changes on top. */
    ConfigReader reader() {
        return new ConfigReader(key -> {
            Optional<ConfigKey> k = keyOf(key);
            String o = k.map(overrides::get).orElse(null);
            return o != null ? Optional.of(o) : config == null ? Optional.empty()
                    : config.getOptionalValue(key, String.class);
        });
    }

    @Override
    public List<Setting> settings() {
        List<Setting> out = new ArrayList<>();
        for (ConfigKey k : ConfigKey.values()) {
            String o = overrides.get(k);
            if (o != null) {
                out.add(new Setting(k.key(), Optional.of(o), "runtime"));
                continue;
            }
            ConfigValue v = config.getConfigValue(k.key());
            if (v != null && v.getValue() != null && !v.getValue().isBlank()) {
                out.add(new Setting(k.key(), Optional.of(v.getValue()),
                        v.getSourceName() == null ? "configuration" : v.getSourceName()));
            } else {
                out.add(new Setting(k.key(), Optional.ofNullable(k.fallback()), "default"));
            }
        }
        return out;
    }

    @Override
    public boolean changeable(String key) {
        return keyOf(key).filter(CHANGEABLE::contains).isPresent();
    }

    @Override
    public String validate(String key, String value) {
        return validate(keyOf(key).filter(CHANGEABLE::contains)
                .orElseThrow(() -> new IllegalArgumentException("cannot be changed at runtime")), value);
    }

    static String validate(ConfigKey k, String value) {
        String v = value.trim();
        return switch (k) {
            case LOG_LEVEL, LOGS_SELF_LEVEL -> level(v).getName();
            case METRICS_SAMPLE_SECONDS -> String.valueOf(whole(v, 1, 3_600));
            case LOGS_RETENTION_HOURS -> String.valueOf(whole(v, 1, 87_600));
            case LOGS_MAX_LINES -> String.valueOf(whole(v, 1_000, 1_000_000_000));
            default -> throw new IllegalArgumentException("cannot be changed at runtime");
        };
    }

    @Override
    public void apply(String key, String value) {
        ConfigKey k = keyOf(key).filter(CHANGEABLE::contains)
                .orElseThrow(() -> new IllegalArgumentException("cannot be changed at runtime: " + key));
        overrides.put(k, value);
        apply(k, value);
        LOG.info(key + " is now " + value + " (changed at runtime)");
    }

    private void apply(ConfigKey k, String value) {
        if (k == ConfigKey.LOG_LEVEL) {
            QUARTERDECK.setLevel(level(value));
        }
        if (changed != null) {
            changed.fire(new RuntimeSettingChanged(k, value));
        }
    }

    /**
     * A java.util.logging level by its name, or by the seed's names ({@code DEBUG} is FINE, {@code ERROR} and
     * {@code CRITICAL} are SEVERE).
     */
    static Level level(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "DEBUG" -> Level.FINE;
            case "TRACE" -> Level.FINEST;
            case "WARN" -> Level.WARNING;
            case "ERROR", "CRITICAL" -> Level.SEVERE;
            case "SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST", "ALL", "OFF" -> Level.parse(n);
            default -> throw new IllegalArgumentException("not a log level (SEVERE, WARNING, INFO, FINE, FINER, "
                    + "FINEST, or DEBUG, ERROR, CRITICAL): " + name);
        };
    }

    private static long whole(String v, long min, long max) {
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + v);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
        }
        return n;
    }

    static Optional<ConfigKey> keyOf(String key) {
        for (ConfigKey k : ConfigKey.values()) {
            if (k.key().equals(key)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
