package io.quarterdeck.adapters.rest.spine.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Quarterdeck's own metric {@code quarterdeck_websocket_sessions{path}}: the admitted sessions open now, per socket
 * path template ({@code /api/v1/ws/logs/{server_id}}, the path parameters put back as their names, so the label set
 * stays closed). Sessions are counted when the gate admits them and forgotten when found closed at a scrape.
 */
@ApplicationScoped
public class SocketSessions {
    static final String NAME = "quarterdeck.websocket.sessions";
    private static final Metadata METADATA = Metadata.builder().withName(NAME)
            .withDescription("WebSocket sessions admitted and open, per socket path template").build();

    private final MetricRegistry registry;
    private final Map<String, Set<Session>> open = new ConcurrentHashMap<>();

    @Inject
    public SocketSessions(MetricRegistry registry) {
        this.registry = registry;
    }

    /** For CDI proxies only. */
    protected SocketSessions() {
        this(null);
    }

    void admitted(Session session) {
        String template = templateOf(session);
        open.computeIfAbsent(template, t -> {
            Set<Session> sessions = ConcurrentHashMap.newKeySet();
            if (registry != null) {
                registry.gauge(METADATA, sessions, SocketSessions::countOpen, new Tag("path", t));
            }
            return sessions;
        }).add(session);
    }

    static long countOpen(Set<Session> sessions) {
        sessions.removeIf(s -> !s.isOpen());
        return sessions.size();
    }

    /** The request path with each path parameter's value replaced by {@code {name}}. */
    static String templateOf(Session session) {
        String path = session.getRequestURI() == null ? "unknown" : session.getRequestURI().getPath();
        Map<String, String> params = session.getPathParameters();
        if (params == null || params.isEmpty()) {
            return path;
        }
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            for (Map.Entry<String, String> p : params.entrySet()) {
                if (segments[i].equals(p.getValue()) || segments[i].equals(
                        java.net.URLEncoder.encode(p.getValue(), java.nio.charset.StandardCharsets.UTF_8))) {
                    segments[i] = "{" + p.getKey() + "}";
                    break;
                }
            }
        }
        return String.join("/", segments);
    }
}
