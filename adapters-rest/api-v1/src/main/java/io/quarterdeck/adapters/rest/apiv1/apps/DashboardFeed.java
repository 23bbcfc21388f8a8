package io.quarterdeck.adapters.rest.apiv1.apps;

import io.quarterdeck.adapters.rest.apiv1.logs.LogLineDto;
import io.quarterdeck.adapters.rest.apiv1.metrics.HostSampleDto;
import io.quarterdeck.application.port.in.logs.FollowLogsUseCase;
import io.quarterdeck.application.port.in.metrics.FollowMetricsUseCase;
import io.quarterdeck.domain.logs.LogEntry;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogQuery;
import jakarta.annotation.PreDestroy;
import io.quarterdeck.adapters.rest.spine.JsonbConfiguration;
import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.adapters.rest.spine.socket.SocketOutbox;
import io.quarterdeck.application.port.out.apps.AppEventPublisher;
import io.quarterdeck.domain.apps.AppNames;
import io.quarterdeck.domain.apps.AppRuntime;
import io.quarterdeck.domain.apps.Command;
import io.quarterdeck.domain.apps.PipelineTask;
import io.quarterdeck.domain.apps.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 003's dashboard feed ({@code /api/v1/ws/dashboard}): every message is {@code {"type","timestamp","data"}}.
 * The apps events are published here after commit ({@code app.status_changed}, {@code app.command_sent},
 * {@code app.fatal}, {@code runtime.started}, {@code runtime.completed}, {@code pipeline.task_updated});
 * {@code log.entry} (each stored log line, filtered by each subscriber's {@code apps} glob and minimum {@code level})
 * and {@code system.metric} (each sample of this host) come from the log and metrics in-ports, followed while at least
 * one subscriber is connected. A slow subscriber loses its oldest messages, never the producer's time
 * ({@link SocketOutbox}).
 */
@ApplicationScoped
public class DashboardFeed implements AppEventPublisher {
    static final int OUTBOX_CAPACITY = 1_000;
    static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
    private final Map<Session, Subscription> sessions = new ConcurrentHashMap<>();
    /** Who holds each admitted session, and how many each holds; guarded by {@code this}. */
    private final Map<Session, String> owners = new HashMap<>();
    private final Map<String, Integer> held = new HashMap<>();
    private final Clock clock;
    private final FollowLogsUseCase logs;
    private final FollowMetricsUseCase metrics;
    /** The log and metric follows, open while anyone subscribes; guarded by {@code this}. */
    private AutoCloseable logFollow;
    private AutoCloseable metricFollow;

    /** What a subscriber wants of {@code log.entry}: apps matching the glob, at or above the level. */
    record Subscription(String apps, int minLevel) {
        static final Subscription ALL = new Subscription("*", 0);

        boolean wants(String app, String level) {
            int l = LEVELS.indexOf(level == null ? "INFO" : level.toUpperCase(Locale.ROOT));
            return (l < 0 || l >= minLevel) && (apps == null || app != null && AppNames.globMatches(apps, app));
        }
    }

    public record Message(String type, String timestamp, Object data) {
    }

    @Inject
    public DashboardFeed(Clock clock, FollowLogsUseCase logs, FollowMetricsUseCase metrics) {
        this.clock = clock;
        this.logs = logs;
        this.metrics = metrics;
    }

    /** For CDI proxies only. */
    protected DashboardFeed() {
        this(null, null, null);
    }

    /**
     * Counts a session against {@code owner} unless that owner already holds {@code limit} dashboard sockets; false
     * when it does (the caller then closes the session, which is not counted). {@link #leave} releases it.
     */
    synchronized boolean reserve(Session session, String owner, int limit) {
        if (held.getOrDefault(owner, 0) >= limit) {
            return false;
        }
        held.merge(owner, 1, Integer::sum);
        owners.put(session, owner);
        return true;
    }

    synchronized void join(Session session) {
        sessions.put(session, Subscription.ALL);
        if (logFollow == null) {
            logFollow = logs.follow(EVERY_LINE, e -> logEntry(appOf(e), levelOf(e.level()), LogLineDto.from(e)),
                    dropped -> { });
            metricFollow = metrics.follow(LOCAL_HOST, sample -> systemMetric(HostSampleDto.from(sample)));
        }
    }

    private static final LogQuery EVERY_LINE = new LogQuery(null, null, null, null, null, null, null, 1, 0);
    private static final String LOCAL_HOST = "local";

    /** The app a line belongs to, for the subscribers' glob: its app label, else its service or container. */
    static String appOf(LogEntry e) {
        return e.app() != null ? e.app() : e.service() != null ? e.service() : e.container();
    }

    /** Seed 003 spells the levels DEBUG, INFO, WARNING, ERROR, CRITICAL. */
    static String levelOf(LogLevel level) {
        return switch (level) {
            case TRACE, DEBUG -> "DEBUG";
            case INFO -> "INFO";
            case WARN -> "WARNING";
            case ERROR -> "ERROR";
            case CRITICAL -> "CRITICAL";
        };
    }

    void subscribe(Session session, Subscription s) {
        sessions.replace(session, s);
    }

    synchronized void leave(Session session) {
        sessions.remove(session);
        String owner = owners.remove(session);
        if (owner != null) {
            held.computeIfPresent(owner, (k, n) -> n > 1 ? n - 1 : null);
        }
        if (sessions.isEmpty() && logFollow != null) {
            closeQuietly(logFollow);
            closeQuietly(metricFollow);
            logFollow = null;
            metricFollow = null;
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (logFollow != null) {
            closeQuietly(logFollow);
            closeQuietly(metricFollow);
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // a follow that is already gone
        }
    }

    int subscribers() {
        return sessions.size();
    }

    String render(String type, Object data) {
        return JsonbConfiguration.shared().toJson(new Message(type, Times.format(clock.instant()), data));
    }

    void send(Session session, String type, Object data) {
        SocketOutbox.of(session, OUTBOX_CAPACITY).offer(render(type, data));
    }

    private void broadcast(String type, Object data, String app, String level) {
        if (sessions.isEmpty()) {
            return;
        }
        String text = render(type, data);
        sessions.forEach((s, sub) -> {
            if (level == null || sub.wants(app, level)) {
                if (!SocketOutbox.of(s, OUTBOX_CAPACITY).offer(text)) {
                    sessions.remove(s); // its socket's close callback stops the follows when it was the last
                }
            }
        });
    }

    @Override
    public void appStatusChanged(String app, RunStatus oldStatus, RunStatus newStatus) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("app", app);
        data.put("old_status", oldStatus.name());
        data.put("new_status", newStatus.name());
        broadcast("app.status_changed", data, app, null);
    }

    @Override
    public void commandIssued(Command c) {
        broadcast("app.command_sent", AppsDtos.CommandDto.from(c), c.app(), null);
    }

    @Override
    public void appFatal(String app) {
        broadcast("app.fatal", Map.of("app", app, "fatal_flag", "FATAL"), app, null);
    }

    @Override
    public void runtimeStarted(AppRuntime runtime) {
        broadcast("runtime.started", AppsDtos.RuntimeDto.from(runtime), runtime.app(), null);
    }

    @Override
    public void runtimeCompleted(AppRuntime runtime) {
        broadcast("runtime.completed", AppsDtos.RuntimeDto.from(runtime), runtime.app(), null);
    }

    @Override
    public void taskUpdated(PipelineTask task) {
        broadcast("pipeline.task_updated", AppsDtos.TaskDto.from(task), null, null);
    }

    /** A log record for the subscribers whose filter it passes ({@code app} glob, minimum {@code level}). */
    public void logEntry(String app, String level, Object data) {
        broadcast("log.entry", data, app, level == null ? "INFO" : level);
    }

    /** A periodic system metrics update, for every subscriber. */
    public void systemMetric(Object data) {
        broadcast("system.metric", data, null, null);
    }
}
