package org.peerpulse.platform.audit;

import java.util.List;

/** A page of an agency's audit trail, newest first; {@code hasMore} says whether page + 1 has any. */
public record AuditPage(List<AuditRecord> items, int page, int size, boolean hasMore) {

    public AuditPage {
        items = List.copyOf(items);
    }
}
