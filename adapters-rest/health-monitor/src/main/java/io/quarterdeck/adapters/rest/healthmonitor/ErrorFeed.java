package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.healthmonitor.ErrorDto;
import io.quarterdeck.adapters.rest.spine.JsonbConfiguration;
import io.quarterdeck.adapters.rest.spine.socket.SocketOutbox;
import io.quarterdeck.application.port.out.errors.ErrorEventPublisher;
import io.quarterdeck.application.port.out.monitoring.ServiceStatusPublisher;
import io.quarterdeck.domain.errors.ErrorGroup;
import io.quarterdeck.domain.errors.ErrorGroupId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Health Monitor's live feed: sessions of {@code /ws} that proved an API key, and the out-port that pushes
 * {@code new_error} and {@code error_resolved} to them. Messages are serialized once and sent asynchronously, so a
 * slow subscriber never holds up ingestion.
 */
@ApplicationScoped
public class ErrorFeed implements ErrorEventPublisher, ServiceStatusPublisher {
    private static final Logger LOG = Logger.getLogger(ErrorFeed.class.getName());

    /** Messages a slow subscriber may have waiting before the oldest are dropped (and it is told how many). */
    static final int OUTBOX_CAPACITY = 1_000;

    private final Set<Session> sessions = ConcurrentHashMap.newKeySet();

    public record Message(String type, Object data) {
    }

    void join(Session session) {
        sessions.add(session);
    }

    void leave(Session session) {
        sessions.remove(session);
    }

    int subscribers() {
        return sessions.size();
    }

    @Override
    public void newError(ErrorGroup group) {
        if (!sessions.isEmpty()) {
            broadcast(new Message("new_error", ErrorDto.from(group)));
        }
    }

    @Override
    public void errorResolved(ErrorGroupId id) {
        if (!sessions.isEmpty()) {
            broadcast(new Message("error_resolved", Map.of("id", id.value())));
        }
    }

    /** Seed 001's {@code service_status_change}: {@code {"service": "database", "status": "unhealthy"}}. */
    @Override
    public void statusChanged(String service, String status) {
        if (!sessions.isEmpty()) {
            broadcast(new Message("service_status_change", Map.of("service", service, "status", status)));
        }
    }

    /** The wire form of one feed message: {@code {"type":...,"data":...}}. */
    static String render(Message message) {
        return JsonbConfiguration.shared().toJson(message);
    }

    /** Confirms a subscription: the first message a subscriber gets, before any event stored after it joined. */
    void confirm(Session session) {
        SocketOutbox.of(session, OUTBOX_CAPACITY).offer(render(new Message("subscribed", null)));
    }

    private void broadcast(Message message) {
        String text = render(message);
        for (Session s : sessions) {
            if (!SocketOutbox.of(s, OUTBOX_CAPACITY).offer(text)) {
                LOG.log(Level.FINE, "dropping a subscriber whose socket is closed");
                sessions.remove(s);
            }
        }
    }
}
