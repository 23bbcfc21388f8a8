package io.quarterdeck.server;

import io.quarterdeck.application.logs.ContainerLogCollector;
import io.quarterdeck.application.port.in.logs.IngestLogsUseCase;
import io.quarterdeck.application.port.in.logs.LogRetentionUseCase;
import io.quarterdeck.application.port.in.logs.LogSettings;
import io.quarterdeck.application.port.in.metrics.MetricSettings;
import io.quarterdeck.application.port.in.metrics.SampleHostUseCase;
import io.quarterdeck.application.port.out.logs.ContainerLogSource;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The schedules of logs and metrics (issue 15): the host sampler every {@code quarterdeck.metrics.sample-seconds},
 * downsampling every 10 minutes (first after one), log retention every {@code quarterdeck.logs.purge-interval-minutes}, and, when a
 * container engine adapter is deployed ({@link ContainerLogSource}) and {@code quarterdeck.logs.collect-containers}
 * is on, the container log collector (new, restarted and gone containers every 2 s: one list call; lines stored every 200 ms). A run that fails (the
 * database not migrated yet, the engine down) is logged and retried on the next tick.
 */
@ApplicationScoped
public class ObservabilitySchedule {
    private static final Logger LOG = Logger.getLogger(ObservabilitySchedule.class.getName());
    static final int COLLECTOR_MAX_PENDING = 100_000;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final SampleHostUseCase sampler;
    private final LogRetentionUseCase logRetention;
    private final IngestLogsUseCase ingest;
    private final Instance<ContainerLogSource> containers;
    private final LogSettings logs;
    private final MetricSettings metrics;
    private final RuntimeConfiguration runtime;
    private final List<ScheduledFuture<?>> tasks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ScheduledFuture<?> sampling;
    private long samplingMillis;
    private volatile ContainerLogCollector collector;

    @Inject
    public ObservabilitySchedule(SampleHostUseCase sampler, LogRetentionUseCase logRetention, IngestLogsUseCase ingest,
                                 Instance<ContainerLogSource> containers, LogSettings logs, MetricSettings metrics,
                                 RuntimeConfiguration runtime) {
        this.runtime = runtime;
        this.sampler = sampler;
        this.logRetention = logRetention;
        this.ingest = ingest;
        this.containers = containers;
        this.logs = logs;
        this.metrics = metrics;
    }

    /** For CDI proxies only. */
    protected ObservabilitySchedule() {
        this(null, null, null, null, null, null, null);
    }

    void onStart(@Observes Startup startup) {
        resample(runtime.reader().whole(ConfigKey.METRICS_SAMPLE_SECONDS) * 1000);
        every(60_000, 600_000, "downsampling host metrics", sampler::downsample);
        long purge = logs.purgeInterval().toMillis();
        every(purge, purge, "log retention", () -> {
            ConfigReader now = runtime.reader(); // the retention may have been changed at runtime
            long removed = logRetention.purge(java.time.Duration.ofHours(now.whole(ConfigKey.LOGS_RETENTION_HOURS)),
                    now.whole(ConfigKey.LOGS_MAX_LINES));
            if (removed > 0) {
                LOG.info("Log retention removed " + removed + " lines");
            }
        });
        if (logs.collectContainers() && containers.isResolvable()) {
            collector = new ContainerLogCollector(containers.get(), ingest, COLLECTOR_MAX_PENDING);
            every(1_000, 2_000, "following container logs", collector::sync);
            every(200, 200, "storing container logs", collector::flush);
            LOG.info("Collecting the logs of the local container engine's containers");
        }
    }

    /** Container lines collected and not yet stored (0 when no collector runs). */
    public int containerLinesPending() {
        ContainerLogCollector c = collector;
        return c == null ? 0 : c.pending();
    }

    /** A new sampler interval changed at runtime takes effect from the next sample. */
    void onChange(@Observes RuntimeSettingChanged change) {
        if (change.key() == ConfigKey.METRICS_SAMPLE_SECONDS && scheduler != null) {
            resample(Long.parseLong(change.value()) * 1000);
        }
    }

    private synchronized void resample(long millis) {
        if (sampling != null && millis == samplingMillis) {
            return;
        }
        if (sampling != null) {
            sampling.cancel(false);
            tasks.remove(sampling);
        }
        samplingMillis = millis;
        sampling = every(millis, millis, "sampling the host", sampler::sampleNow);
    }

    private ScheduledFuture<?> every(long initialMillis, long periodMillis, String what, Runnable task) {
        String[] lastFailure = {null};
        ScheduledFuture<?> future = scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
                lastFailure[0] = null;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, what + " failed; will retry", e);
                if (!String.valueOf(e.getMessage()).equals(lastFailure[0])) { // once per distinct failure, not per tick
                    LOG.warning(what + " failed (" + e.getMessage() + "); will retry");
                }
                lastFailure[0] = String.valueOf(e.getMessage());
            }
        }, initialMillis, periodMillis, TimeUnit.MILLISECONDS);
        tasks.add(future);
        return future;
    }

    @PreDestroy
    void stop() {
        tasks.forEach(t -> t.cancel(false));
        if (collector != null) {
            collector.close();
        }
    }
}
