package io.quarterdeck.adapters.rest.spine.socket;

import io.quarterdeck.application.port.in.identity.AuditUseCase;
import io.quarterdeck.domain.identity.AuditRecord;
import io.quarterdeck.domain.identity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Audits a socket subscription once the gate admitted its caller, as the REST reads of the same data are audited
 * (seed 000's "audit logging for all access"): who, the socket's path, the filter, outcome 101. A failure to record
 * is logged and never closes the socket.
 */
@ApplicationScoped
public class SocketAudit {
    private static final Logger LOG = Logger.getLogger(SocketAudit.class.getName());

    private final AuditUseCase audit;
    private final Clock clock;

    @Inject
    public SocketAudit(AuditUseCase audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** For CDI proxies only. */
    protected SocketAudit() {
        this(null, null);
    }

    public void subscribed(Session session, Caller caller, String action, String filter) {
        String path = session.getRequestURI() == null ? null : session.getRequestURI().getPath();
        String actor = caller.kind() == Caller.Kind.API_KEY ? "api-key:" + caller.id()
                : caller.name() != null ? caller.name() : caller.id();
        try {
            audit.record(new AuditRecord(0, clock.instant(), actor, caller.role().wireName(), null, null, "WS", path,
                    action, filter, 101));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not append an audit record for the socket " + path, e);
        }
    }
}
