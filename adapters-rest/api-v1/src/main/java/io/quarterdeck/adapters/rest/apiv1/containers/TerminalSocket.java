package io.quarterdeck.adapters.rest.apiv1.containers;

import io.quarterdeck.adapters.rest.spine.security.Requires;
import io.quarterdeck.adapters.rest.spine.socket.HandshakeCredentials;
import io.quarterdeck.adapters.rest.spine.socket.SocketGate;
import io.quarterdeck.application.port.in.containers.ContainersUseCase;
import io.quarterdeck.application.port.in.containers.TerminalUseCase;
import io.quarterdeck.domain.containers.EngineUnavailableException;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.NotPermittedException;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.shared.ConflictException;
import io.quarterdeck.domain.shared.InvalidFieldException;
import io.quarterdeck.domain.shared.NotFoundException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seed 000's {@code WS /ws/terminal/{container_id}}: an interactive {@code /bin/sh} with a TTY in a running
 * container of the local engine, for admins and owners (API-MAP; authentication by {@link SocketGate}).
 * <ul>
 * <li>Binary frames carry stdin (client to server) and the TTY's output (server to client); a text frame is input
 * too, except {@code {"type":"resize","cols":120,"rows":40}}, which resizes the TTY. The initial size is
 * {@code ?cols=&rows=} (default 80 x 24); {@code ?server_id=} opens it on a registered server's engine (seed 004)
 * instead of the local one.</li>
 * <li>Output is sent synchronously from the one thread that reads the process's output: a slow client slows the
 * shell down (TCP back-pressure to the engine) instead of making the server buffer.</li>
 * <li>Closes: 1000 when the shell exits; 1001 after {@code quarterdeck.terminal.idle-timeout-seconds} without input;
 * 1008 for credentials or role; 4404 for an unknown container or server; 4409 when the container is not running or the caller
 * already holds {@code quarterdeck.terminal.sessions-per-user} terminals; 1013 when the engine is unavailable.</li>
 * </ul>
 */
@Dependent
@ServerEndpoint(value = "/ws/terminal/{container_id}", configurator = HandshakeCredentials.class)
@Requires(role = Role.ADMIN)
public class TerminalSocket {
    private static final Logger LOG = Logger.getLogger(TerminalSocket.class.getName());
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    static final int MAX_SIZE = 1000;
    private static final int[] INVALID = new int[0];

    @Inject
    SocketGate gate;
    @Inject
    TerminalUseCase terminals;
    @Inject
    TerminalTimers timers;

    private volatile TerminalUseCase.Terminal terminal;
    private volatile ScheduledFuture<?> idleCheck;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    @OnOpen
    public void open(Session session, @PathParam("container_id") String containerId) {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
        session.setMaxIdleTimeout(0); // idleness is input-based, checked below
        Requires required = TerminalSocket.class.getAnnotation(Requires.class);
        gate.open(session, required.role(), Set.of(required.scopes()), caller -> start(session, containerId, caller));
    }

    private void start(Session session, String containerId, Caller caller) {
        int cols = size(session, "cols", 80);
        int rows = size(session, "rows", 24);
        try {
            terminal = terminals.open(caller, null, serverId(session), containerId, cols, rows,
                    (data, offset, length) -> send(session, data, offset, length),
                    () -> close(session, CloseReason.CloseCodes.NORMAL_CLOSURE, "shell exited"));
        } catch (NotFoundException e) {
            close(session, CloseReason.CloseCodes.getCloseCode(4404), e.kind() + " not found: " + e.id());
            return;
        } catch (ConflictException e) {
            close(session, CloseReason.CloseCodes.getCloseCode(4409), e.getMessage());
            return;
        } catch (NotPermittedException e) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "forbidden: " + e.getMessage());
            return;
        } catch (EngineUnavailableException e) {
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "container engine unavailable");
            return;
        }
        long idle = terminals.settings().terminalIdleTimeout().toMillis();
        long period = Math.max(200, Math.min(5_000, idle / 4));
        idleCheck = timers.every(period, () -> {
            TerminalUseCase.Terminal t = terminal;
            if (t != null && System.currentTimeMillis() - t.lastInputMillis() >= idle) {
                close(session, CloseReason.CloseCodes.GOING_AWAY, "idle for "
                        + terminals.settings().terminalIdleTimeout().toSeconds() + " s");
            }
        });
    }

    /** {@code ?server_id=} names a registered server's engine; the local engine by default (seed 000). */
    private static String serverId(Session session) {
        List<String> values = session.getRequestParameterMap().get("server_id");
        return values == null || values.isEmpty() || values.get(0).isBlank() ? ContainersUseCase.LOCAL : values.get(0);
    }

    private static int size(Session session, String name, int fallback) {
        List<String> values = session.getRequestParameterMap().get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(values.get(0).strip());
            return v >= 1 && v <= MAX_SIZE ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static void send(Session session, byte[] data, int offset, int length) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.getBasicRemote().sendBinary(ByteBuffer.wrap(data, offset, length));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "terminal client gone", e);
        }
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void text(Session session, String text) {
        if (gate.intercept(session, text)) {
            return;
        }
        TerminalUseCase.Terminal t = terminal;
        if (t == null) {
            return;
        }
        int[] resize = resize(text);
        if (resize == INVALID) {
            return; // a resize with sizes out of bounds is ignored, not typed into the shell
        }
        if (resize != null) {
            t.resize(resize[0], resize[1]);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        t.input(bytes, 0, bytes.length);
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void binary(Session session, byte[] data) {
        if (SocketGate.caller(session).isEmpty()) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "authenticate first: {\"type\":\"auth\",\"token\":...}");
            return;
        }
        TerminalUseCase.Terminal t = terminal;
        if (t != null) {
            t.input(data, 0, data.length);
        }
    }

    /** {@code {"type":"resize","cols":C,"rows":R}} as {@code [C, R]}; null for any other text (it is input). */
    static int[] resize(String text) {
        String s = text.strip();
        if (!s.startsWith("{") || !s.contains("resize") || s.length() > 200) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(s))) {
            JsonValue v = reader.readValue();
            if (!(v instanceof JsonObject o) || !(o.get("type") instanceof JsonString type)
                    || !type.getString().equals("resize")) {
                return null;
            }
            if (!(o.get("cols") instanceof JsonNumber cols) || !(o.get("rows") instanceof JsonNumber rows)
                    || !cols.isIntegral() || !rows.isIntegral()) {
                throw new InvalidFieldException("resize", "cols and rows are whole numbers");
            }
            int c = cols.intValue();
            int r = rows.intValue();
            if (c < 1 || r < 1 || c > MAX_SIZE || r > MAX_SIZE) {
                throw new InvalidFieldException("resize", "cols and rows are between 1 and " + MAX_SIZE);
            }
            return new int[] {c, r};
        } catch (jakarta.json.JsonException e) {
            return null;
        } catch (InvalidFieldException e) {
            return INVALID;
        }
    }

    @OnClose
    public void closed(Session session) {
        end();
    }

    @OnError
    public void error(Session session, Throwable error) {
        end();
    }

    private void end() {
        ScheduledFuture<?> check = idleCheck;
        if (check != null) {
            check.cancel(false);
        }
        TerminalUseCase.Terminal t = terminal;
        if (t != null) {
            t.close();
        }
    }

    /** Closes once with the first reason given (ending the shell makes it exit, which must not close it again). */
    private void close(Session session, CloseReason.CloseCode code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "closing a terminal socket that is already gone", e);
        }
        end();
    }
}
