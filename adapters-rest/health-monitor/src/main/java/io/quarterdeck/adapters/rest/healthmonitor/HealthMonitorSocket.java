package io.quarterdeck.adapters.rest.healthmonitor;

import io.quarterdeck.adapters.rest.spine.security.SocketAuthentication;

import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Seed 001 section 7: {@code /ws?token=<api key or access token>}. A key with the read scope (or a viewer's token) joins the live error feed; a bad or
 * missing token closes the socket with 1008 (policy violation). The seed requires the key in the URL here, and
 * only here.
 */
@Dependent // a CDI bean per connection, so its collaborators are injected
@ServerEndpoint("/ws")
@Requires(role = Role.VIEWER, scopes = Scope.READ)
public class HealthMonitorSocket {
    @Inject
    SocketAuthentication apiKeys;
    @Inject
    ErrorFeed feed;

    @OnOpen
    public void open(Session session) throws IOException {
        List<String> tokens = session.getRequestParameterMap().get("token");
        String token = tokens == null || tokens.isEmpty() ? null : tokens.get(0);
        Optional<Caller> caller = token == null ? Optional.empty() : apiKeys.authenticate(token);
        Requires required = HealthMonitorSocket.class.getAnnotation(Requires.class);
        if (caller.isEmpty() || !caller.get().mayAccess(required.role(), Set.of(required.scopes()))) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY,
                    token == null ? "missing token" : "invalid token"));
            return;
        }
        session.setMaxIdleTimeout(0);
        feed.join(session);
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
