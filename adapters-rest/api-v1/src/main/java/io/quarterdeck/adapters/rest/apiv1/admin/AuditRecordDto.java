package io.quarterdeck.adapters.rest.apiv1.admin;

import io.quarterdeck.adapters.rest.spine.Times;
import io.quarterdeck.domain.identity.AuditRecord;

/** One audit record. */
public record AuditRecordDto(long id, String at, String actor, String role, String ip, String requestId,
                             String method, String path, String action, String summary, int outcome) {
    public static AuditRecordDto from(AuditRecord r) {
        return new AuditRecordDto(r.id(), Times.format(r.at()), r.actor(), r.role(), r.ip(), r.requestId(), r.method(),
                r.path(), r.action(), r.summary(), r.outcome());
    }
}
