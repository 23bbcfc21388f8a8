package io.quarterdeck.application.logs;

import io.quarterdeck.application.port.in.logs.IngestLogsUseCase;
import io.quarterdeck.application.port.in.logs.LogRetentionUseCase;
import io.quarterdeck.application.port.in.logs.LogSettings;
import io.quarterdeck.application.port.in.logs.QueryLogsUseCase;
import io.quarterdeck.application.port.out.logs.LogStore;
import io.quarterdeck.domain.errors.SensitiveDataScrubber;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ingestion, queries and retention of logs. Lines are scrubbed with the error reports' rules before they are stored
 * (card numbers, {@code password=...}, sensitive labels); the store commits each batch on its own, and live
 * followers hear of the lines only after that.
 */
@ApplicationScoped
public class LogService implements IngestLogsUseCase, QueryLogsUseCase, LogRetentionUseCase {
    private final LogStore store;
    private final LogFeed feed;
    private final LogSettings settings;
    private final SensitiveDataScrubber scrubber;
    private final Clock clock;

    @Inject
    public LogService(LogStore store, LogFeed feed, LogSettings settings, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.settings = settings;
        this.clock = clock;
        this.scrubber = settings == null ? null : new SensitiveDataScrubber(settings.scrubKeys());
    }

    /** For CDI proxies only. */
    protected LogService() {
        this(null, null, null, null);
    }

    @Override
    public int ingest(List<LogEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        List<LogEntry> clean = new ArrayList<>(entries.size());
        for (LogEntry e : entries) {
            clean.add(scrub(e));
        }
        List<LogEntry> stored = store.appendAll(clean);
        feed.publish(stored);
        return stored.size();
    }

    LogEntry scrub(LogEntry e) {
        Map<String, String> labels = e.labels();
        if (!labels.isEmpty()) {
            Map<String, String> out = new LinkedHashMap<>();
            labels.forEach((k, v) -> out.put(k, scrubber.isSensitiveKey(k) ? SensitiveDataScrubber.FILTERED
                    : scrubber.scrubText(v)));
            labels = out;
        }
        return e.withText(scrubber.scrubText(e.message()), labels);
    }

    @Override
    public LogPage query(LogQuery query) {
        return store.search(query);
    }

    @Override
    public LogPage ofSource(LogQuery query) {
        if (query.sourceId() == null) {
            throw new IllegalArgumentException("a source query names its source");
        }
        if (!store.knows(query.sourceId())) {
            throw new NotFoundException("log source", query.sourceId());
        }
        return store.search(query);
    }

    @Override
    public List<LogSourceSummary> sources() {
        return store.sources();
    }

    @Override
    public long purge() {
        return purge(settings.retention(), settings.maxLines());
    }

    @Override
    public long purge(java.time.Duration retention, long maxLines) {
        long removed = store.deleteOlderThan(clock.instant().minus(retention));
        return removed + store.trimTo(maxLines);
    }
}
