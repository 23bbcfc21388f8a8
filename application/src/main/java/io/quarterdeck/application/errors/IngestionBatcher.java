package io.quarterdeck.application.errors;

import io.quarterdeck.application.port.in.errors.IngestionUnavailableException;
import io.quarterdeck.application.port.out.errors.IngestionMetrics;

import io.quarterdeck.domain.errors.ErrorEvent;
import io.quarterdeck.domain.errors.ErrorGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Group commit for ingestion: callers hand in accepted events and wait; one writer thread takes whatever has
 * queued up (at most {@code maxBatch} events) and records it in a single transaction. A caller's future
 * completes only after that transaction committed, so an acknowledgement always means durable. Under light
 * load a batch is one event and the cost is one thread hand-off; under heavy load many requests share one
 * transaction and hot fingerprints take their row lock once per batch instead of once per request.
 */
final class IngestionBatcher {
    private static final Logger LOG = Logger.getLogger(IngestionBatcher.class.getName());

    private record Pending(List<ErrorEvent> events, CompletableFuture<List<ErrorGroup>> result) {
    }

    private final BlockingQueue<Pending> queue;
    private final Function<List<ErrorEvent>, List<ErrorGroup>> writer;
    private final int maxBatch;
    private final IngestionMetrics metrics;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * @param writer   records a batch in one transaction and returns, per event, its group as committed
     * @param maxBatch most events in one transaction
     * @param capacity most requests waiting; beyond it callers are refused at once (back-pressure)
     * @param metrics  told the size of every committed batch
     */
    IngestionBatcher(Function<List<ErrorEvent>, List<ErrorGroup>> writer, int maxBatch, int capacity,
                     ThreadFactory threads, IngestionMetrics metrics) {
        this.writer = writer;
        this.maxBatch = maxBatch;
        this.metrics = metrics;
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.thread = threads.newThread(this::run);
        this.thread.setName("quarterdeck-ingestion-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the events and returns a future of their groups, completed after commit. */
    CompletableFuture<List<ErrorGroup>> submit(List<ErrorEvent> events) {
        CompletableFuture<List<ErrorGroup>> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(new IngestionUnavailableException("ingestion is shutting down"));
        } else if (!queue.offer(new Pending(List.copyOf(events), result))) {
            result.completeExceptionally(new IngestionUnavailableException("ingestion queue is full"));
        }
        return result;
    }

    /** Requests waiting for the writer (not counting the batch being written). */
    int queuedRequests() {
        return queue.size();
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Pending p; (p = queue.poll()) != null; ) {
            p.result().completeExceptionally(new IngestionUnavailableException("ingestion stopped"));
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            int events = batch.get(0).events().size();
            for (Pending next; events < maxBatch && (next = queue.peek()) != null
                    && events + next.events().size() <= maxBatch; ) {
                batch.add(queue.poll());
                events += next.events().size();
            }
            write(batch, events);
            batch.clear();
        }
    }

    private void write(List<Pending> batch, int size) {
        List<ErrorEvent> all = new ArrayList<>(size);
        batch.forEach(p -> all.addAll(p.events()));
        List<ErrorGroup> groups;
        try {
            groups = writer.apply(all);
        } catch (RuntimeException | Error e) {
            // An Error too: left uncaught it would end the writer thread, and every waiting and later caller
            // would wait forever for an acknowledgement that can no longer come.
            LOG.log(Level.WARNING, "recording a batch of " + size + " events failed; none was acknowledged", e);
            batch.forEach(p -> p.result().completeExceptionally(e));
            return;
        }
        try {
            metrics.batchRecorded(size);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "recording the batch size failed", e);
        }
        int offset = 0;
        for (Pending p : batch) {
            int n = p.events().size();
            p.result().complete(List.copyOf(groups.subList(offset, offset + n)));
            offset += n;
        }
    }
}
