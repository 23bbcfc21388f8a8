package io.quarterdeck.server;

import io.quarterdeck.adapters.observability.loki.LokiLogStore;
import io.quarterdeck.adapters.persistence.logs.JdbcLogStore;
import io.quarterdeck.application.port.out.logs.LogStore;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogPage;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.logs.LogSourceSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which log store the core gets: the built-in store alone, or, when {@code quarterdeck.loki.url} is set, the built-in
 * store mirrored to Loki: every line is committed to the built-in store first (so collection and the push intake go
 * on while Loki is down), then pushed to Loki; reads go to Loki (503 while it is down). Retention is the built-in
 * store's; Loki applies its own.
 */
@ApplicationScoped
public class LogStoreSelection {
    private static final Logger LOG = Logger.getLogger(LogStoreSelection.class.getName());

    @Produces
    @ApplicationScoped
    LogStore logStore(JdbcLogStore builtIn, LokiLogStore loki) {
        return loki.configured() ? new Mirrored(builtIn, loki) : builtIn;
    }

    /** The built-in store, with Loki as the mirror that answers reads. */
    static final class Mirrored implements LogStore {
        private final LogStore builtIn;
        private final LogStore loki;

        Mirrored(LogStore builtIn, LogStore loki) {
            this.builtIn = builtIn;
            this.loki = loki;
        }

        @Override
        public List<LogEntry> appendAll(List<LogEntry> entries) {
            List<LogEntry> stored = builtIn.appendAll(entries);
            try {
                loki.appendAll(entries);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Pushing " + entries.size() + " lines to Loki failed (" + e.getMessage()
                        + "); they are in the built-in store");
            }
            return stored;
        }

        @Override
        public LogPage search(LogQuery query) {
            return loki.search(query);
        }

        @Override
        public List<LogSourceSummary> sources() {
            return loki.sources();
        }

        @Override
        public boolean knows(String sourceId) {
            return loki.knows(sourceId);
        }

        @Override
        public long deleteOlderThan(Instant cutoff) {
            return builtIn.deleteOlderThan(cutoff);
        }

        @Override
        public long trimTo(long maxLines) {
            return builtIn.trimTo(maxLines);
        }
    }
}
