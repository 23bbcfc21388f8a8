package io.quarterdeck.adapters.rest.apiv1.logs;

import io.quarterdeck.adapters.rest.spine.RestSettings;
import io.quarterdeck.adapters.rest.spine.socket.SocketAudit;
import io.quarterdeck.adapters.rest.spine.socket.SocketGate;
import io.quarterdeck.adapters.rest.spine.socket.SocketOutbox;
import io.quarterdeck.application.port.in.logs.LiveLogsUseCase;
import io.quarterdeck.application.port.in.logs.LogSettings;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.logs.AppGlob;
import io.quarterdeck.domain.logs.LogLevel;
import io.quarterdeck.domain.logs.LogQuery;
import io.quarterdeck.domain.shared.InvalidFieldException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarterdeck.adapters.rest.spine.JsonbConfiguration;
import jakarta.json.bind.Jsonb;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every log socket does (seed 000's {@code /ws/logs/{service_id}}, 004's {@code /api/v1/ws/logs/{server_id}},
 * 003's {@code /api/v1/ws/logs?app=&level=} and {@code /api/v1/logs/stream}): admit the caller through the spine's
 * gate (viewers may read logs), confirm with {@code {"type":"subscribed"}}, then send each new line the filter accepts
 * as {@code {"type":"log","data":{timestamp,level,service,message,metadata}}}. A subscriber that cannot keep up loses
 * the oldest lines and is told {@code {"type":"dropped","count":N}} (the spine's outbox).
 */
@ApplicationScoped
public class LogStreams {
    private static final Logger LOG = Logger.getLogger(LogStreams.class.getName());
    static final String HANDLE = "io.quarterdeck.logs.follow";
    static final int MAX_MESSAGE_BYTES = 4096;

    private final SocketGate gate;
    private final LiveLogsUseCase follow;
    private final RestSettings rest;
    private final int buffer;
    private final Jsonb jsonb;
    private final SocketAudit audit;

    @Inject
    public LogStreams(SocketGate gate, LiveLogsUseCase follow, RestSettings rest, LogSettings logs,
                      SocketAudit audit) {
        this.audit = audit;
        this.gate = gate;
        this.follow = follow;
        this.rest = rest;
        this.buffer = logs == null ? 1 : logs.followerBuffer();
        this.jsonb = JsonbConfiguration.shared();
    }

    /** For CDI proxies only. */
    protected LogStreams() {
        this(null, null, null, null, null);
    }

    /** The filter of a source socket: lines of that service, container, server or app. */
    static LogQuery ofSource(String sourceId, Map<String, List<String>> params) {
        if (sourceId == null || sourceId.isBlank() || sourceId.length() > 200) {
            throw new InvalidFieldException("source_id", "must be 1 to 200 characters");
        }
        return new LogQuery(sourceId, null, level(params), null, null, null, null, 1, 0);
    }

    /** The filter of seed 003's stream: {@code app} (a glob) and minimum {@code level}. */
    static LogQuery ofQuery(Map<String, List<String>> params) {
        return new LogQuery(null, AppGlob.parse("app", first(params, "app")), level(params), null, null, null, null,
                1, 0);
    }

    private static LogLevel level(Map<String, List<String>> params) {
        String level = first(params, "level");
        return level == null || level.isBlank() ? null : LogLevel.parse("level", level);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** {@code @OnOpen}: the filter (a bad one closes with 1008 naming the parameter), then the gate. */
    void open(Session session, FilterSource filter) {
        session.setMaxIdleTimeout(rest.socketIdleTimeout().toMillis());
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        LogQuery query;
        try {
            query = filter.filter();
        } catch (InvalidFieldException e) {
            close(session, e.getMessage());
            return;
        }
        gate.open(session, Role.VIEWER, Set.of(Scope.READ), caller -> {
            SocketOutbox outbox = SocketOutbox.of(session, buffer);
            // Follow first, then confirm: a client that writes a line as soon as it reads "subscribed" must get it.
            AutoCloseable handle = follow.live(query, entry -> {
                if (!outbox.offer("{\"type\":\"log\",\"data\":" + jsonb.toJson(LogLineDto.from(entry)) + "}")) {
                    leave(session);
                }
            }, count -> outbox.offer("{\"type\":\"dropped\",\"count\":" + count + "}"));
            session.getUserProperties().put(HANDLE, handle);
            outbox.offer("{\"type\":\"subscribed\"}");
            audit.subscribed(session, caller, "logs.follow", describe(query));
        });
    }

    /** The filter as the audit record names it: {@code source=api level>=WARNING}, {@code app=scraper_*}. */
    static String describe(LogQuery q) {
        StringBuilder b = new StringBuilder("follow");
        if (q.sourceId() != null) {
            b.append(" source=").append(q.sourceId());
        }
        if (q.app() != null) {
            b.append(" app=").append(q.app().pattern());
        }
        if (q.minLevel() != null) {
            b.append(" level>=").append(q.minLevel().name());
        }
        return b.toString();
    }

    /** What the filter of a socket is; it may refuse a bad parameter. */
    @FunctionalInterface
    interface FilterSource {
        LogQuery filter();
    }

    /** {@code @OnMessage}: only the auth message means anything; the rest is read (bounded) and dropped. */
    void message(Session session, String text) {
        gate.intercept(session, text);
    }

    /** {@code @OnClose} and {@code @OnError}. */
    void leave(Session session) {
        Object handle = session.getUserProperties().remove(HANDLE);
        if (handle instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "leaving the log feed", e);
            }
        }
    }

    private static void close(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    reason.length() > 120 ? reason.substring(0, 120) : reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing a socket that is already gone", e);
        }
    }
}
