package io.quarterdeck.application.logs;

import io.quarterdeck.application.port.in.logs.IngestLogsUseCase;
import io.quarterdeck.application.port.out.logs.ContainerLogSource;
import io.quarterdeck.application.port.out.logs.ContainerLogSource.ContainerLogLine;
import io.quarterdeck.application.port.out.logs.ContainerLogSource.RunningContainer;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Collects the log streams of the local engine's containers, as seed 000's Promtail does: every running container is
 * followed from the last line already collected of it, each line becomes a {@link LogEntry} with {@code service} =
 * the container's name (level sniffed from the line, {@code stream} as a label), and lines are stored in batches by
 * {@link #flush()}. {@link #sync()} picks up new containers, follows again those whose stream ended while they run
 * (a restart keeps the id but ends the follow), and lets go of gone ones; the schedule calls both
 * (server-config). Lines that arrive while the store is down wait, bounded by {@code maxPending} (the oldest go).
 */
public class ContainerLogCollector implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ContainerLogCollector.class.getName());
    static final int BATCH = 1_000;

    private final ContainerLogSource source;
    private final IngestLogsUseCase ingest;
    private final int maxPending;
    private final Map<String, Followed> followed = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<LogEntry> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
    private volatile long droppedLines;

    public ContainerLogCollector(ContainerLogSource source, IngestLogsUseCase ingest, int maxPending) {
        this.source = source;
        this.ingest = ingest;
        this.maxPending = maxPending;
    }

    /** One container followed; {@code ended} once its stream has ended, so the next sync follows it again. */
    private static final class Followed {
        final String name;
        volatile AutoCloseable handle = () -> { };
        volatile boolean ended;

        Followed(String name) {
            this.name = name;
        }
    }

    /** Follows every running container not yet followed, stops following those gone; returns how many are followed. */
    public int sync() {
        List<RunningContainer> running = source.running();
        Set<String> ids = new HashSet<>();
        for (RunningContainer c : running) {
            ids.add(c.id());
            Followed current = followed.get(c.id());
            if (current != null && !current.ended) {
                continue;
            }
            String name = c.name().startsWith("/") ? c.name().substring(1) : c.name();
            Followed f = new Followed(name);
            try {
                f.handle = source.follow(c.id(), lastSeen.get(c.id()), line -> accept(name, line),
                        () -> f.ended = true);
            } catch (RuntimeException e) {
                // Gone between the list and the follow, or the engine hiccuped: the others are still followed.
                LOG.log(Level.FINE, "following container " + name + " failed; next sync tries again", e);
                continue;
            }
            followed.put(c.id(), f);
        }
        for (Map.Entry<String, Followed> e : new HashMap<>(followed).entrySet()) {
            if (!ids.contains(e.getKey())) {
                followed.remove(e.getKey());
                closeQuietly(e.getValue().handle);
            }
        }
        return followed.size();
    }

    void accept(String name, ContainerLogLine line) {
        Instant at = line.timestamp() == null ? Instant.now() : line.timestamp();
        lastSeen.merge(line.containerId(), at, (a, b) -> a.isAfter(b) ? a : b);
        LogLevel fallback = "stderr".equals(line.stream()) ? LogLevel.ERROR : LogLevel.INFO;
        LogEntry entry = LogEntry.received(at, LogLevel.sniff(line.text(), fallback), name,
                name, null, null, line.text(), Map.of("stream", line.stream() == null ? "stdout" : line.stream(),
                        "container_id", line.containerId()));
        pending.add(entry);
        if (pendingCount.incrementAndGet() > maxPending && pending.poll() != null) {
            pendingCount.decrementAndGet();
            droppedLines++;
        }
    }

    /** Stores what has arrived, in batches; returns how many lines were stored. On a store failure they wait. */
    /** Lines collected and not yet stored (for Quarterdeck's own metrics). */
    public int pending() {
        return pendingCount.get();
    }

    public synchronized int flush() {
        int stored = 0;
        while (true) {
            List<LogEntry> batch = new ArrayList<>(Math.min(BATCH, Math.max(1, pendingCount.get())));
            LogEntry e;
            while (batch.size() < BATCH && (e = pending.peek()) != null) {
                batch.add(e);
                pending.poll();
            }
            if (batch.isEmpty()) {
                return stored;
            }
            try {
                ingest.ingest(batch);
                pendingCount.addAndGet(-batch.size());
                stored += batch.size();
            } catch (RuntimeException ex) {
                // Put them back in front would reorder with new arrivals; requeue at the end and retry next flush.
                pending.addAll(batch);
                LOG.log(Level.WARNING, "Storing " + batch.size() + " container log lines failed; will retry: "
                        + ex.getMessage());
                return stored;
            }
        }
    }

    /** Names of the containers followed now. */
    public Set<String> followedNames() {
        Set<String> names = new HashSet<>();
        followed.values().forEach(f -> names.add(f.name));
        return names;
    }

    /** Lines dropped because the store could not take them for so long that {@code maxPending} was exceeded. */
    public long droppedLines() {
        return droppedLines;
    }

    @Override
    public void close() {
        followed.values().forEach(f -> closeQuietly(f.handle));
        followed.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a container log stream", e);
        }
    }
}
