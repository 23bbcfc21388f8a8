package io.quarterdeck.domain.identity;

import java.util.List;

/** One page of the audit log and how many records match in all. */
public record AuditPage(List<AuditRecord> items, long total) {
    public AuditPage {
        items = List.copyOf(items);
    }
}
