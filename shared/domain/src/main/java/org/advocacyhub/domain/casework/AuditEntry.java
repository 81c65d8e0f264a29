package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * One staff access to a case, read or change (LLR 26.8): who, when, what. The action names what
 * was done ("viewed the case", "recorded a contact"), never the case's personal data.
 */
public record AuditEntry(String id, Instant at, String staffId, String action) implements CaseRecord {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(action, "action");
    }
}
