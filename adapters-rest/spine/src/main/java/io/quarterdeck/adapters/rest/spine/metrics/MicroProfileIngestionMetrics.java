package io.quarterdeck.adapters.rest.spine.metrics;

import io.quarterdeck.application.port.in.errors.IngestionQueueUseCase;
import io.quarterdeck.application.port.out.errors.IngestionMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Ingestion's metrics: {@code quarterdeck_ingestion_batch_events} (a histogram of the events committed per
 * transaction, which shows how much group commit shares) and {@code quarterdeck_ingestion_queue_requests} (a gauge:
 * requests waiting for the writer, read from the in-port when scraped). Created at start-up so both are published
 * before the first report arrives.
 */
@ApplicationScoped
public class MicroProfileIngestionMetrics implements IngestionMetrics {
    static final String BATCH = "quarterdeck.ingestion.batch.events";
    static final String QUEUE = "quarterdeck.ingestion.queue.requests";

    private final Histogram batches;

    @Inject
    public MicroProfileIngestionMetrics(MetricRegistry registry, IngestionQueueUseCase queue) {
        this.batches = registry.histogram(Metadata.builder().withName(BATCH)
                .withDescription("Error events committed per ingestion transaction (group commit)").build());
        registry.gauge(Metadata.builder().withName(QUEUE)
                .withDescription("Ingestion requests waiting for the writer").build(), queue,
                IngestionQueueUseCase::queuedRequests);
    }

    /** For CDI proxies only. */
    protected MicroProfileIngestionMetrics() {
        this.batches = null;
    }

    void publishAtStartup(@Observes Startup startup) {
        // Observing the event is what creates the bean, and with it the metrics.
    }

    @Override
    public void batchRecorded(int events) {
        batches.update(events);
    }
}
