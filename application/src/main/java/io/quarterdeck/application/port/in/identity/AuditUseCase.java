package io.quarterdeck.application.port.in.identity;

import io.quarterdeck.domain.identity.AuditPage;
import io.quarterdeck.application.port.out.identity.AuditLog;
import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.AuditRecord;

/** Append to and read the audit log. */
public interface AuditUseCase {
    void record(AuditRecord record);

    AuditPage query(AuditQuery query);
}
