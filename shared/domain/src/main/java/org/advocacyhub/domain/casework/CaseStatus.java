package org.advocacyhub.domain.casework;

/** Where a case is in its lifecycle (requirements §6). */
public enum CaseStatus {
    /** Stored and queued; screening has not decided yet. */
    RECEIVED("Received, waiting to be screened");

    private final String description;

    CaseStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
