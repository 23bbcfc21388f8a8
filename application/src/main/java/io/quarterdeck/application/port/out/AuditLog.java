package io.quarterdeck.application.port.out;

import io.quarterdeck.domain.identity.AuditQuery;
import io.quarterdeck.domain.identity.AuditRecord;
import java.util.List;

/** The append-only audit log: records are added and read, never changed. */
public interface AuditLog {
    void append(AuditRecord record);

    Page query(AuditQuery query);

    record Page(List<AuditRecord> items, long total) {
        public Page {
            items = List.copyOf(items);
        }
    }
}
