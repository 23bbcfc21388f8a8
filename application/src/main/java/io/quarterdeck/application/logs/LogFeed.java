package io.quarterdeck.application.logs;

import io.quarterdeck.application.port.in.logs.FollowLogsUseCase;
import io.quarterdeck.application.port.in.logs.LogSettings;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Live lines for followers (the log sockets). Each follower has a bounded queue of {@link LogSettings#followerBuffer()}
 * lines; when it is full the oldest line is dropped and counted, and the follower hears the count before its next
 * line. Delivery runs on a small pool shared by all followers, one drain at a time per follower, so a slow socket
 * holds up neither ingestion nor the others.
 */
@ApplicationScoped
public class LogFeed implements FollowLogsUseCase {
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final int buffer;
    private final ExecutorService delivery;

    @Inject
    public LogFeed(LogSettings settings, ThreadFactory threads) {
        this.buffer = settings == null ? 1 : settings.followerBuffer();
        this.delivery = threads == null ? null : Executors.newFixedThreadPool(2, threads);
    }

    /** For CDI proxies only. */
    protected LogFeed() {
        this(null, null);
    }

    @Override
    public AutoCloseable follow(LogQuery filter, Consumer<LogEntry> line, LongConsumer dropped) {
        Subscription s = new Subscription(filter, line, dropped);
        subscriptions.add(s);
        return () -> subscriptions.remove(s);
    }

    /** Hands stored lines to every follower whose filter accepts them. */
    public void publish(List<LogEntry> stored) {
        for (Subscription s : subscriptions) {
            boolean any = false;
            for (LogEntry e : stored) {
                if (s.filter.accepts(e)) {
                    s.offer(e);
                    any = true;
                }
            }
            if (any) {
                s.schedule();
            }
        }
    }

    public int followers() {
        return subscriptions.size();
    }

    void stop(@Observes Shutdown shutdown) {
        stop();
    }

    /** Stops delivering. */
    public void stop() {
        if (delivery != null) {
            delivery.shutdownNow();
        }
    }

    private final class Subscription implements Runnable {
        final LogQuery filter;
        final Consumer<LogEntry> line;
        final LongConsumer lost;
        private final ArrayDeque<LogEntry> waiting = new ArrayDeque<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private long dropped;

        Subscription(LogQuery filter, Consumer<LogEntry> line, LongConsumer lost) {
            this.filter = filter;
            this.line = line;
            this.lost = lost;
        }

        synchronized void offer(LogEntry e) {
            if (waiting.size() >= buffer) {
                waiting.pollFirst();
                dropped++;
            }
            waiting.addLast(e);
        }

        void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                delivery.execute(this);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    LogEntry next;
                    long count;
                    synchronized (this) {
                        count = dropped;
                        dropped = 0;
                        next = waiting.pollFirst();
                    }
                    if (count > 0) {
                        this.lost.accept(count);
                    }
                    if (next == null) {
                        break;
                    }
                    line.accept(next);
                }
            } catch (RuntimeException e) {
                subscriptions.remove(this);
            } finally {
                scheduled.set(false);
                synchronized (this) {
                    if (!waiting.isEmpty() || dropped > 0) {
                        schedule();
                    }
                }
            }
        }
    }
}
