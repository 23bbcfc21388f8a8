package io.quarterdeck.adapters.rest.apiv1.apps;

import io.quarterdeck.adapters.rest.spine.RestSettings;
import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.socket.HandshakeCredentials;
import io.quarterdeck.adapters.rest.spine.socket.SocketGate;
import io.quarterdeck.adapters.rest.spine.socket.SocketLimits;
import io.quarterdeck.domain.apps.AppNames;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Seed 003's {@code WS /api/v1/ws/dashboard}, authenticated by the spine's gate (credential on the upgrade request, or
 * {@code {"type":"auth","token":...}} first, within 5 s; 1008 otherwise). Once admitted the client gets
 * {@code {"type":"subscribed"}} and then every dashboard message ({@link DashboardFeed}). It may narrow
 * {@code log.entry} with {@code {"type":"subscribe","apps":"scraper_*","level":"WARNING"}} (answered with
 * {@code subscribed}); anything else is answered with {@code {"type":"error"}}. A caller holds at most
 * {@code quarterdeck.ws.dashboard-sockets-per-user} dashboard sockets at once; one more is closed with 1008 and a reason
 * naming the limit, once the caller is known (after authentication).
 */
@Dependent
@ServerEndpoint(value = "/api/v1/ws/dashboard", configurator = HandshakeCredentials.class)
@Requires(role = Role.VIEWER, scopes = Scope.READ)
public class DashboardSocket {
    static final int MAX_MESSAGE_BYTES = 4096;
    @Inject
    SocketGate gate;
    @Inject
    DashboardFeed feed;
    @Inject
    RestSettings settings;
    @Inject
    SocketLimits limits;

    /** Closes with 1008 (policy violation) and a reason the client can read. */
    private static void refuse(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException | IllegalStateException e) {
            // already gone
        }
    }

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(settings.socketIdleTimeout().toMillis());
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        Requires required = DashboardSocket.class.getAnnotation(Requires.class);
        gate.open(session, required.role(), Set.of(required.scopes()), caller -> {
            int limit = limits.dashboardPerUser();
            if (!feed.reserve(session, caller.kind() + ":" + caller.id(), limit)) {
                refuse(session, "too many dashboard sockets: at most " + limit + " per user are open;"
                        + " close one first");
                return;
            }
            feed.send(session, "subscribed", Map.of("apps", "*", "level", "DEBUG"));
            feed.join(session);
        });
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(Session session, String text) {
        if (gate.intercept(session, text)) {
            return;
        }
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            o = v instanceof JsonObject obj ? obj : null;
        } catch (JsonException e) {
            o = null;
        }
        if (o == null || !(o.get("type") instanceof JsonString type) || !type.getString().equals("subscribe")) {
            feed.send(session, "error", Map.of("message", "expected {\"type\":\"subscribe\",\"apps\":...,\"level\":...}"));
            return;
        }
        String apps = o.get("apps") instanceof JsonString a ? a.getString() : "*";
        String level = o.get("level") instanceof JsonString l ? l.getString().toUpperCase(Locale.ROOT) : "DEBUG";
        int min = DashboardFeed.LEVELS.indexOf(level);
        if (min < 0 || apps.isBlank() || apps.length() > AppNames.MAX) {
            feed.send(session, "error", Map.of("message", "level must be one of " + DashboardFeed.LEVELS
                    + " and apps a glob of 1 to " + AppNames.MAX + " characters"));
            return;
        }
        feed.subscribe(session, new DashboardFeed.Subscription(apps, min));
        feed.send(session, "subscribed", Map.of("apps", apps, "level", level));
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void binary(byte[] data) {
        // the dashboard defines no binary messages
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
