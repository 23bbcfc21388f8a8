package io.quarterdeck.application.identity;

import io.quarterdeck.domain.identity.AuditPage;
import io.quarterdeck.application.port.in.identity.AuditUseCase;
import io.quarterdeck.application.port.out.identity.AuditLog;
import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Appends each record in its own transaction (an audited failure must be recorded even when its request rolls back). */
@ApplicationScoped
public class AuditService implements AuditUseCase {
    private final AuditLog log;

    @Inject
    public AuditService(AuditLog log) {
        this.log = log;
    }

    /** For CDI proxies only. */
    protected AuditService() {
        this(null);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditRecord record) {
        log.append(record);
    }

    @Override
    @Transactional
    public AuditPage query(AuditQuery query) {
        return log.query(query);
    }
}
