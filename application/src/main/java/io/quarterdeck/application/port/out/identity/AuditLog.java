package io.quarterdeck.application.port.out.identity;

import io.quarterdeck.domain.identity.AuditPage;
import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.AuditRecord;

/** The append-only audit log: records are added and read, never changed. */
public interface AuditLog {
    void append(AuditRecord record);

    AuditPage query(AuditQuery query);
}
