package io.quarterdeck.application.logs;

import io.quarterdeck.application.port.out.logs.LogStore;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A log store in memory for the services' unit tests; {@code failing} makes appends throw (a store that is down). */
final class InMemoryLogStore implements LogStore {
    final List<LogEntry> lines = new ArrayList<>();
    final AtomicLong ids = new AtomicLong();
    volatile boolean failing;

    @Override
    public synchronized List<LogEntry> appendAll(List<LogEntry> entries) {
        if (failing) {
            throw new IllegalStateException("store down");
        }
        List<LogEntry> stored = new ArrayList<>();
        for (LogEntry e : entries) {
            stored.add(e.withId(ids.incrementAndGet()));
        }
        lines.addAll(stored);
        return stored;
    }

    /** {@link io.quarterdeck.application.port.in.logs.IngestLogsUseCase} straight into the store. */
    int appendAllCount(List<LogEntry> entries) {
        return appendAll(entries).size();
    }

    @Override
    public synchronized LogPage search(LogQuery q) {
        List<LogEntry> match = lines.stream().filter(q::accepts)
                .sorted(Comparator.comparing(LogEntry::timestamp).reversed()).toList();
        List<LogEntry> page = match.subList(Math.min(q.offset(), match.size()),
                Math.min(match.size(), q.offset() + q.limit()));
        return new LogPage(page, match.size(), q.offset() + page.size() < match.size());
    }

    @Override
    public synchronized List<LogSourceSummary> sources() {
        return lines.stream().map(LogEntry::service).distinct().sorted()
                .map(s -> new LogSourceSummary(s, Instant.EPOCH, null, 0)).toList();
    }

    @Override
    public synchronized boolean knows(String sourceId) {
        return lines.stream().anyMatch(e -> e.from(sourceId));
    }

    @Override
    public synchronized long deleteOlderThan(Instant cutoff) {
        int before = lines.size();
        lines.removeIf(e -> e.timestamp().isBefore(cutoff));
        return before - lines.size();
    }

    @Override
    public synchronized long trimTo(long maxLines) {
        long excess = Math.max(0, lines.size() - maxLines);
        for (long i = 0; i < excess; i++) {
            lines.remove(0);
        }
        return excess;
    }
}
