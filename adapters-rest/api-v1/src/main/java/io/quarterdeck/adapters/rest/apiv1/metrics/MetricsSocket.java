package io.quarterdeck.adapters.rest.apiv1.metrics;

import io.quarterdeck.adapters.rest.spine.JsonbConfiguration;
import io.quarterdeck.adapters.rest.spine.RestSettings;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.socket.HandshakeCredentials;
import io.quarterdeck.adapters.rest.spine.socket.SocketAudit;
import io.quarterdeck.adapters.rest.spine.socket.SocketGate;
import io.quarterdeck.adapters.rest.spine.socket.SocketOutbox;
import io.quarterdeck.application.port.in.metrics.FollowMetricsUseCase;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import io.quarterdeck.domain.metrics.ServerIds;
import io.quarterdeck.domain.shared.DomainException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Set;

/**
 * Seed 004's {@code /api/v1/ws/metrics/{server_id}}: after {@code {"type":"subscribed"}}, each new sample of the
 * server as {@code {"type":"metrics","data":{...}}} (the shape of {@code GET /api/v1/metrics/{server_id}}). An unknown
 * server closes the socket with 1008.
 */
@Dependent
@ServerEndpoint(value = "/api/v1/ws/metrics/{server_id}", configurator = HandshakeCredentials.class)
@Requires(role = Role.VIEWER, scopes = Scope.READ)
public class MetricsSocket {
    static final int MAX_MESSAGE_BYTES = 4096;
    static final int BUFFER = 100;
    private static final String HANDLE = "io.quarterdeck.metrics.follow";

    @Inject
    SocketGate gate;
    @Inject
    FollowMetricsUseCase follow;
    @Inject
    RestSettings rest;
    @Inject
    SocketAudit audit;

    @OnOpen
    public void open(Session session, @PathParam("server_id") String serverId) {
        session.setMaxIdleTimeout(rest.socketIdleTimeout().toMillis());
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        gate.open(session, Role.VIEWER, Set.of(Scope.READ), caller -> {
            SocketOutbox outbox = SocketOutbox.of(session, BUFFER);
            AutoCloseable handle;
            try {
                handle = follow.follow(ServerIds.check("server_id", serverId), sample -> {
                    if (!outbox.offer("{\"type\":\"metrics\",\"data\":"
                            + JsonbConfiguration.shared().toJson(HostSampleDto.from(sample)) + "}")) {
                        close(session);
                    }
                });
            } catch (DomainException e) {
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "unknown server"));
                } catch (IOException ignored) {
                    // already gone
                }
                return;
            }
            session.getUserProperties().put(HANDLE, handle);
            audit.subscribed(session, caller, "metrics.follow", "follow server=" + serverId);
            outbox.offer("{\"type\":\"subscribed\"}");
        });
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(Session session, String text) {
        gate.intercept(session, text);
    }

    @OnClose
    public void close(Session session) {
        Object handle = session.getUserProperties().remove(HANDLE);
        if (handle instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // nothing held
            }
        }
    }

    @OnError
    public void error(Session session, Throwable error) {
        close(session);
    }
}
