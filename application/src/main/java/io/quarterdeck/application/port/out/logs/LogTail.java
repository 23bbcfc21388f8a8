package io.quarterdeck.application.port.out.logs;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogQuery;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Following new lines from an external log store (Loki's {@code tail}) instead of Quarterdeck's own feed. An adapter
 * that is not configured answers empty, and the live sockets follow the built-in feed.
 */
public interface LogTail {
    /**
     * Starts following the lines the filter accepts from now on; close the handle to stop. {@code dropped} hears how
     * many lines the store reported it could not deliver.
     */
    Optional<AutoCloseable> tail(LogQuery filter, Consumer<LogEntry> line, LongConsumer dropped);
}
