package io.quarterdeck.adapters.rest.spine.socket;

import io.quarterdeck.adapters.rest.spine.security.SocketAuthentication;
import io.quarterdeck.domain.identity.Caller;
import io.quarterdeck.domain.identity.Role;
import io.quarterdeck.domain.identity.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * API-MAP's one way to authenticate a WebSocket. A client proves itself either on the upgrade request
 * ({@code Authorization: Bearer <jwt or api key>} or {@code X-API-Key}, carried by {@link HandshakeCredentials}) or,
 * from a browser, with a first text message {@code {"type":"auth","token":"<jwt or api key>"}} within
 * {@link #AUTH_WINDOW}. Until then the server sends nothing and reads nothing else. A bad or missing credential, a
 * role or scope too low, another message first, or silence past the window closes the socket with 1008 and a reason.
 *
 * <p>An endpoint calls {@link #open} from {@code @OnOpen} with what it requires and what to do once the caller is
 * admitted, and hands every text message to {@link #intercept} first; a message the gate consumed is not the
 * endpoint's. {@link #caller(Session)} is the admitted caller afterwards.
 */
@ApplicationScoped
public class SocketGate {
    private static final Logger LOG = Logger.getLogger(SocketGate.class.getName());
    /** Seed 003's rule, as API-MAP fixes it. */
    public static final Duration AUTH_WINDOW = Duration.ofSeconds(5);
    static final String STATE = "io.quarterdeck.socket.gate";

    private final SocketAuthentication authentication;
    private final ScheduledExecutorService timer;
    private final SocketSessions sessions;

    public SocketGate(SocketAuthentication authentication) {
        this(authentication, null);
    }

    @Inject
    public SocketGate(SocketAuthentication authentication, SocketSessions sessions) {
        this.authentication = authentication;
        this.sessions = sessions;
        this.timer = authentication == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "quarterdeck-socket-gate");
            t.setDaemon(true);
            return t;
        });
    }

    /** For CDI proxies only. */
    protected SocketGate() {
        this(null, null);
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /** What a socket requires of its caller, and what it does once the caller is admitted. */
    private static final class Pending {
        final Role role;
        final Set<Scope> scopes;
        final Consumer<Caller> onAdmitted;
        volatile Caller caller;
        volatile ScheduledFuture<?> deadline;

        Pending(Role role, Set<Scope> scopes, Consumer<Caller> onAdmitted) {
            this.role = role;
            this.scopes = scopes;
            this.onAdmitted = onAdmitted;
        }
    }

    /**
     * Starts the gate for a new session. When the upgrade request carried a credential it is decided now; otherwise
     * the session has {@link #AUTH_WINDOW} to send its auth message.
     */
    public void open(Session session, Role role, Set<Scope> scopes, Consumer<Caller> onAdmitted) {
        Pending pending = new Pending(role, Set.copyOf(scopes), onAdmitted);
        session.getUserProperties().put(STATE, pending);
        Object credential = session.getUserProperties().get(HandshakeCredentials.CREDENTIAL);
        if (credential instanceof String c) {
            decide(session, pending, c);
            return;
        }
        pending.deadline = timer.schedule(() -> {
            if (pending.caller == null && session.isOpen()) {
                close(session, "authentication timeout: send {\"type\":\"auth\",\"token\":...} within "
                        + AUTH_WINDOW.toSeconds() + " s");
            }
        }, AUTH_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the gate with a credential found elsewhere (seed 001's {@code ?token=}, allowed on {@code /ws} only),
     * when the upgrade request carried none.
     */
    public void open(Session session, Role role, Set<Scope> scopes, String fallbackCredential,
            Consumer<Caller> onAdmitted) {
        if (fallbackCredential != null
                && !(session.getUserProperties().get(HandshakeCredentials.CREDENTIAL) instanceof String)) {
            session.getUserProperties().put(HandshakeCredentials.CREDENTIAL, fallbackCredential);
        }
        open(session, role, scopes, onAdmitted);
    }

    /**
     * Call first for every text message. Returns true when the gate consumed it: the auth message, or anything
     * before authentication (which closes the socket). False once the caller is admitted: the message is the
     * endpoint's.
     */
    public boolean intercept(Session session, String text) {
        Pending pending = (Pending) session.getUserProperties().get(STATE);
        if (pending == null) {
            close(session, "not authenticated");
            return true;
        }
        if (pending.caller != null) {
            return false;
        }
        Optional<String> token = authToken(text);
        if (token.isEmpty()) {
            close(session, "authenticate first: {\"type\":\"auth\",\"token\":...}");
            return true;
        }
        decide(session, pending, token.get());
        return true;
    }

    /** The admitted caller of a session, if it has been admitted. */
    public static Optional<Caller> caller(Session session) {
        Object state = session.getUserProperties().get(STATE);
        return state instanceof Pending p ? Optional.ofNullable(p.caller) : Optional.empty();
    }

    private void decide(Session session, Pending pending, String credential) {
        ScheduledFuture<?> deadline = pending.deadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
        Optional<Caller> caller = authentication.authenticate(credential);
        if (caller.isEmpty()) {
            close(session, "invalid credential");
            return;
        }
        if (!caller.get().mayAccess(pending.role, pending.scopes)) {
            close(session, "forbidden: this socket requires the " + pending.role.name().toLowerCase() + " role");
            return;
        }
        pending.caller = caller.get();
        if (sessions != null) {
            sessions.admitted(session);
        }
        try {
            pending.onAdmitted.accept(caller.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a socket endpoint failed to admit its caller", e);
            closeWith(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "internal error");
        }
    }

    /** The token of {@code {"type":"auth","token":"..."}}, or empty for anything else. */
    static Optional<String> authToken(String text) {
        if (text == null || text.length() > 16_384) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject o) || !(o.get("type") instanceof JsonString type)
                    || !type.getString().equals("auth") || !(o.get("token") instanceof JsonString token)
                    || token.getString().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(token.getString().trim());
        } catch (jakarta.json.JsonException e) {
            return Optional.empty();
        }
    }

    private static void close(Session session, String reason) {
        closeWith(session, CloseReason.CloseCodes.VIOLATED_POLICY, reason);
    }

    private static void closeWith(Session session, CloseReason.CloseCode code, String reason) {
        try {
            // a close reason is limited to 123 bytes by RFC 6455
            session.close(new CloseReason(code, reason.length() > 120 ? reason.substring(0, 120) : reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "closing a socket that is already gone", e);
        }
    }
}
