package org.advocacyhub.domain.casework;

/**
 * Something kept about a case besides the case itself and its timeline, stored beside it and
 * written in the same change: a contact or meeting, a time entry, an audit entry.
 */
public sealed interface CaseRecord permits CaseActivity, TimeEntry, AuditEntry {

    /** Unique within the case and kind. */
    String id();
}
