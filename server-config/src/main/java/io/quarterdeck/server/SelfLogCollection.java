package io.quarterdeck.server;

import io.quarterdeck.application.port.in.logs.IngestLogsUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Quarterdeck's own log in the built-in store (issue 15): installs {@link SelfLogHandler} on the {@code io.quarterdeck}
 * logger at start, at {@code quarterdeck.logs.self-level} (changeable at runtime), and stores what it caught every
 * 500 ms once the schema is migrated. {@code quarterdeck.logs.self-queue} bounds the lines waiting.
 */
@ApplicationScoped
public class SelfLogCollection {
    static final int BATCH = 1_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final IngestLogsUseCase ingest;
    private final RuntimeConfiguration runtime;
    private final StartupSequence startup;
    private SelfLogHandler handler;
    private ScheduledFuture<?> draining;

    @Inject
    public SelfLogCollection(IngestLogsUseCase ingest, RuntimeConfiguration runtime, StartupSequence startup) {
        this.ingest = ingest;
        this.runtime = runtime;
        this.startup = startup;
    }

    /** For CDI proxies only. */
    protected SelfLogCollection() {
        this(null, null, null);
    }

    void onStart(@Observes Startup event) {
        ConfigReader c = runtime.reader();
        handler = new SelfLogHandler(c.integer(ConfigKey.LOGS_SELF_QUEUE),
                RuntimeConfiguration.level(c.text(ConfigKey.LOGS_SELF_LEVEL)));
        RuntimeConfiguration.QUARTERDECK.addHandler(handler);
        draining = scheduler.scheduleWithFixedDelay(() -> {
            if (startup.isPrepared()) {
                while (handler.drain(BATCH, ingest::ingest) == BATCH) {
                    // more waiting: keep going
                }
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    void onChange(@Observes RuntimeSettingChanged change) {
        if (change.key() == ConfigKey.LOGS_SELF_LEVEL && handler != null) {
            handler.setLevel(RuntimeConfiguration.level(change.value()));
        }
    }

    /** Lines waiting to be stored (for Quarterdeck's own metrics). */
    public int queued() {
        return handler == null ? 0 : handler.queued();
    }

    public long dropped() {
        return handler == null ? 0 : handler.dropped();
    }

    @PreDestroy
    void stop() {
        if (draining != null) {
            draining.cancel(false);
        }
        if (handler != null) {
            Logger.getLogger("io.quarterdeck").removeHandler(handler);
            handler.close();
        }
    }
}
