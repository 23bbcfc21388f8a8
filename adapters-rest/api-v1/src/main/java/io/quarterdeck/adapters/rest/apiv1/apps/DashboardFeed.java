package io.quarterdeck.adapters.rest.apiv1.apps;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seed 003's dashboard feed ({@code /api/v1/ws/dashboard}): every message is {@code {"type","timestamp","data"}}.
 * The apps events are published here after commit ({@code app.status_changed}, {@code app.command_sent},
 * {@code app.fatal}, {@code runtime.started}, {@code runtime.completed}, {@code pipeline.task_updated});
 * {@code log.entry} (filtered by each subscriber's {@code apps} glob and minimum {@code level}) and
 * {@code system.metric} are published through {@link #logEntry} and {@link #systemMetric} by the log and metrics
 * capabilities. A slow subscriber loses its oldest messages, never the producer's time ({@link SocketOutbox}).
 */
@ApplicationScoped
public class DashboardFeed implements AppEventPublisher {
    static final int OUTBOX_CAPACITY = 1_000;
    static final List<String> LEVELS = List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
    private final Map<Session, Subscription> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

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
    public DashboardFeed(Clock clock) {
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected DashboardFeed() {
        this(null);
    }

    void join(Session session) {
        sessions.put(session, Subscription.ALL);
    }

    void subscribe(Session session, Subscription s) {
        sessions.replace(session, s);
    }

    void leave(Session session) {
        sessions.remove(session);
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
                    sessions.remove(s);
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
