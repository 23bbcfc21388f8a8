package io.quarterdeck.application.port.out.logs;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import java.time.Instant;
import java.util.List;

/**
 * Where log lines are kept and searched: the built-in store in the application's database, or Loki. Lines come
 * back newest first; {@code appendAll} is durable when it returns.
 */
public interface LogStore {
    /** Stores the lines in one go; returns them with their store ids, in the order given. */
    List<LogEntry> appendAll(List<LogEntry> entries);

    LogPage search(LogQuery query);

    /** Every source with lines, by name. */
    List<LogSourceSummary> sources();

    /** Whether any line names this id as its service, container, server or app. */
    boolean knows(String sourceId);

    /** Removes lines older than the cutoff; returns how many. */
    long deleteOlderThan(Instant cutoff);

    /** Removes the oldest lines until at most {@code maxLines} remain; returns how many were removed. */
    long trimTo(long maxLines);
}
