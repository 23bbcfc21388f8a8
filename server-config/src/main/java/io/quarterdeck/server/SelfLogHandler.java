package io.quarterdeck.server;

import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * A java.util.logging handler that turns Quarterdeck's own records at or above a level (WARNING by default) into log
 * lines of the source {@code quarterdeck} (type service). {@link #publish} never blocks and never stores: it offers
 * the line to a bounded queue (a full queue drops the record and counts it), and {@link #drain} hands batches to the
 * log in-port on a scheduler thread. Records logged while draining (the store being down, say) are ignored, so the
 * handler never feeds on its own failures.
 */
final class SelfLogHandler extends Handler {
    static final String SOURCE = "quarterdeck";
    private static final ThreadLocal<Boolean> DRAINING = ThreadLocal.withInitial(() -> false);

    private final BlockingQueue<LogEntry> queue;
    private final Formatter formatter = new SimpleFormatter();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();

    SelfLogHandler(int capacity, Level level) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        setLevel(level);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null || DRAINING.get() || !isLoggable(record)) {
            return;
        }
        try {
            if (!queue.offer(entryOf(record))) {
                dropped.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // a handler must not throw into the code that logged; this record is lost
            dropped.incrementAndGet();
        }
    }

    /**
     * The record as a line anyone who may read logs may see: the formatted message without a stack trace, fully
     * qualified exception class names cut to their simple names, the exception's simple class name as a label.
     * Internals (stack frames, library packages) stay in the server's own log files.
     */
    LogEntry entryOf(LogRecord record) {
        String message = QUALIFIED_THROWABLE.matcher(formatter.formatMessage(record)).replaceAll("$2");
        Map<String, String> labels = new TreeMap<>();
        labels.put("source_type", "service");
        if (record.getLoggerName() != null) {
            labels.put("logger", record.getLoggerName());
        }
        labels.put("jul_level", record.getLevel().getName());
        if (record.getThrown() != null) {
            labels.put("exception", record.getThrown().getClass().getSimpleName());
        }
        Instant at = record.getInstant() == null ? Instant.now() : record.getInstant();
        return LogEntry.received(at, levelOf(record.getLevel()), SOURCE, null, null, null, message, labels);
    }

    private static final java.util.regex.Pattern QUALIFIED_THROWABLE = java.util.regex.Pattern.compile(
            "\\b([a-z][\\w$]*\\.)+([A-Z][\\w$]*(Exception|Error))\\b");

    static LogLevel levelOf(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (v >= Level.WARNING.intValue()) {
            return LogLevel.WARN;
        }
        if (v >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        return v >= Level.FINE.intValue() ? LogLevel.DEBUG : LogLevel.TRACE;
    }

    /** Hands up to {@code max} waiting lines to {@code sink}; records logged meanwhile on this thread are ignored. */
    int drain(int max, java.util.function.Consumer<List<LogEntry>> sink) {
        List<LogEntry> batch = new ArrayList<>();
        queue.drainTo(batch, max);
        if (batch.isEmpty()) {
            return 0;
        }
        DRAINING.set(true);
        try {
            sink.accept(batch);
            stored.addAndGet(batch.size());
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size()); // the store is down: these are lost, and the failure is not re-collected
        } finally {
            DRAINING.set(false);
        }
        return batch.size();
    }

    int queued() {
        return queue.size();
    }

    long dropped() {
        return dropped.get();
    }

    long stored() {
        return stored.get();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        queue.clear();
    }
}
