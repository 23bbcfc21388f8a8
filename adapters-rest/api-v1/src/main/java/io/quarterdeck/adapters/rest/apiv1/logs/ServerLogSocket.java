package io.quarterdeck.adapters.rest.apiv1.logs;

import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.socket.HandshakeCredentials;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** Seed 004's {@code /api/v1/ws/logs/{server_id}}: live lines of one server (any source id). What it does: {@link LogStreams}. */
@Dependent
@ServerEndpoint(value = "/api/v1/ws/logs/{server_id}", configurator = HandshakeCredentials.class)
@Requires(role = Role.VIEWER, scopes = Scope.READ)
public class ServerLogSocket {
    @Inject
    LogStreams streams;

    @OnOpen
    public void open(Session session, @PathParam("server_id") String id) {
        streams.open(session, () -> LogStreams.ofSource(id, session.getRequestParameterMap()));
    }

    @OnMessage(maxMessageSize = LogStreams.MAX_MESSAGE_BYTES)
    public void message(Session session, String text) {
        streams.message(session, text);
    }

    @OnClose
    public void close(Session session) {
        streams.leave(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        streams.leave(session);
    }
}
