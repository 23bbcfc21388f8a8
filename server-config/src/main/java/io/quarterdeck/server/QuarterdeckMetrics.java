package io.quarterdeck.server;

import io.quarterdeck.application.port.in.logs.FollowLogsUseCase;
import io.quarterdeck.application.port.in.metrics.FollowMetricsUseCase;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.metrics.HostSample;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Quarterdeck's own metrics of logs and metrics at {@code /metrics} (besides the HTTP requests, the error ingestion's
 * queue and batches, and the WebSocket sessions the spine publishes; Liberty publishes the database pool as
 * {@code connectionpool_*}):
 * <ul>
 * <li>{@code quarterdeck_logs_lines_stored_total}: lines committed to the log store (every intake and collector);</li>
 * <li>{@code quarterdeck_logs_newest_line_age_seconds}: how old the newest committed line's own timestamp is;</li>
 * <li>{@code quarterdeck_logs_store_lag_seconds}: of the newest committed line, its commit time minus its timestamp;</li>
 * <li>{@code quarterdeck_logs_queued_lines{collector}}: lines collected and not yet stored ({@code self}: Quarterdeck's
 * own log; {@code containers}: the container log collector), and {@code quarterdeck_logs_self_dropped_total};</li>
 * <li>{@code quarterdeck_metrics_sampler_age_seconds}: seconds since the last host sample.</li>
 * </ul>
 * The log and sample figures come from following the committed lines and samples, like a socket does, so they cost
 * no query when scraped and never touch the write path.
 */
@ApplicationScoped
public class QuarterdeckMetrics {
    private static final Logger LOG = Logger.getLogger(QuarterdeckMetrics.class.getName());

    private final MetricRegistry registry;
    private final FollowLogsUseCase logs;
    private final FollowMetricsUseCase samples;
    private final SelfLogCollection self;
    private final ObservabilitySchedule schedule;
    private final Clock clock;
    private final AtomicReference<Instant[]> newestLine = new AtomicReference<>();
    private final AtomicReference<Instant> lastSample = new AtomicReference<>();
    private final List<AutoCloseable> follows = new ArrayList<>();

    @Inject
    public QuarterdeckMetrics(MetricRegistry registry, FollowLogsUseCase logs, FollowMetricsUseCase samples,
                              SelfLogCollection self, ObservabilitySchedule schedule, Clock clock) {
        this.registry = registry;
        this.logs = logs;
        this.samples = samples;
        this.self = self;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected QuarterdeckMetrics() {
        this(null, null, null, null, null, null);
    }

    void onStart(@Observes Startup startup) {
        Counter stored = registry.counter(Metadata.builder().withName("quarterdeck.logs.lines.stored")
                .withDescription("Log lines committed to the log store").build());
        try {
            follows.add(logs.follow(new LogQuery(null, null, null, null, null, null, null, 1, 0), line -> {
                stored.inc();
                newestLine.set(new Instant[] {line.timestamp(), clock.instant()});
            }, dropped -> stored.inc(dropped)));
            follows.add(samples.follow(HostSample.LOCAL, sample -> lastSample.set(sample.at())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Quarterdeck's own log and sampler metrics are not available", e);
        }
        registry.gauge(Metadata.builder().withName("quarterdeck.logs.newest.line.age.seconds")
                .withDescription("Age of the newest committed log line's timestamp (-1 before the first)").build(),
                this, m -> m.newestLineAge());
        registry.gauge(Metadata.builder().withName("quarterdeck.logs.store.lag.seconds")
                .withDescription("Of the newest committed log line: commit time minus its timestamp (-1 before the "
                        + "first)").build(), this, m -> m.storeLag());
        Metadata queued = Metadata.builder().withName("quarterdeck.logs.queued.lines")
                .withDescription("Log lines collected and not yet stored, per collector").build();
        registry.gauge(queued, self, SelfLogCollection::queued, new Tag("collector", "self"));
        registry.gauge(queued, schedule, ObservabilitySchedule::containerLinesPending,
                new Tag("collector", "containers"));
        registry.gauge(Metadata.builder().withName("quarterdeck.logs.self.dropped")
                .withDescription("Quarterdeck's own log records not collected (queue full or store down)").build(),
                self, SelfLogCollection::dropped);
        registry.gauge(Metadata.builder().withName("quarterdeck.metrics.sampler.age.seconds")
                .withDescription("Seconds since the last host sample (-1 before the first)").build(),
                this, m -> m.samplerAge());
    }

    double newestLineAge() {
        Instant[] n = newestLine.get();
        return n == null ? -1 : seconds(Duration.between(n[0], clock.instant()));
    }

    double storeLag() {
        Instant[] n = newestLine.get();
        return n == null ? -1 : Math.max(0, seconds(Duration.between(n[0], n[1])));
    }

    double samplerAge() {
        Instant at = lastSample.get();
        return at == null ? -1 : seconds(Duration.between(at, clock.instant()));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    @PreDestroy
    void stop() {
        for (AutoCloseable c : follows) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "letting go of a feed", e);
            }
        }
    }
}
