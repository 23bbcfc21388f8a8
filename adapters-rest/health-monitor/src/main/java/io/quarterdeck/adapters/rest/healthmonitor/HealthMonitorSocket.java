package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.socket.HandshakeCredentials;
import io.quarterdeck.adapters.rest.spine.socket.SocketGate;

import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Set;
import io.quarterdeck.adapters.rest.spine.RestSettings;

/**
 * Seed 001 section 7: {@code /ws?token=<api key or access token>}. A key with the read scope (or a viewer's token)
 * joins the live error feed; a bad or missing token closes the socket with 1008 (policy violation). The seed puts
 * the key in the URL here, and only here; like every socket, this one also takes the credential on the upgrade
 * request or in a first {@code {"type":"auth","token":...}} message ({@link SocketGate}).
 *
 * <p>The socket is authenticated before it joins the feed, and joining is confirmed with {@code {"type":"subscribed"}}:
 * every {@code new_error} stored after a client received it reaches that client. Clients only listen, so a message
 * from them is bounded ({@value #MAX_MESSAGE_BYTES} bytes; a larger one or a larger declared frame closes the socket
 * with 1009) and ignored; a session with no traffic for {@code quarterdeck.ws.idle-timeout-seconds} (300 by default,
 * 0 for never) is closed.
 */
@Dependent // a CDI bean per connection, so its collaborators are injected
@ServerEndpoint(value = "/ws", configurator = HandshakeCredentials.class)
@Requires(role = Role.VIEWER, scopes = Scope.READ)
public class HealthMonitorSocket {
    @Inject
    SocketGate gate;
    @Inject
    ErrorFeed feed;
    @Inject
    RestSettings settings;

    static final int MAX_MESSAGE_BYTES = 4096;

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(settings.socketIdleTimeout().toMillis());
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        List<String> tokens = session.getRequestParameterMap().get("token");
        String token = tokens == null || tokens.isEmpty() ? null : tokens.get(0);
        Requires required = HealthMonitorSocket.class.getAnnotation(Requires.class);
        gate.open(session, required.role(), Set.of(required.scopes()), token, caller -> {
            feed.confirm(session); // queued first, so it is the first message the subscriber gets
            feed.join(session);
        });
    }

    /** The feed is one-way: past authentication, what a client sends is read (so the size bounds apply) and dropped. */
    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(Session session, String text) {
        gate.intercept(session, text);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void binary(byte[] data) {
        // nothing to do: seed 001 defines no client messages
    }

    @OnClose
    public void close(Session session) {
        feed.leave(session);
    }

    @OnError
    public void error(Session session, Throwable error) {
        feed.leave(session);
    }
}
