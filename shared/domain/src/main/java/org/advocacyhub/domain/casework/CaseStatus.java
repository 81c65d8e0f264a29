package org.advocacyhub.domain.casework;

/** Where a case is in its lifecycle (requirements §6). */
public enum CaseStatus {
    /** Stored and queued; screening has not decided yet. */
    RECEIVED("Received, waiting to be screened"),
    /** Screened ELIGIBLE: on the waiting list, the allocation clock running from receipt (LLR 9.38a). */
    AWAITING_ALLOCATION("Accepted, waiting for an advocate"),
    /** Screening needs information from the decision maker or council; the clock is paused. */
    NEEDS_INFORMATION("Waiting for information before a decision"),
    /** Another of the hub's services fits better (LLR 9.33); staff confirm and screen again. */
    REDIRECTED("Another of our services fits better"),
    /** Not an appropriate referral: the referrer has the reasons and signposting (LLR 6.10, 8.35, 9.41). */
    NOT_ACCEPTED("Not accepted"),
    /** Information given or signposted elsewhere; not counted towards targets (LLR 4.5.2). */
    INFORMATION_ONLY("Information given, no advocacy needed"),
    SIGNPOSTED("Signposted to another organisation"),
    /** A named advocate has the case (LLR 9.38a, 33.7e): contact, meeting and casework follow. */
    ALLOCATED("Allocated to an advocate"),
    /** DERBY: the offer or decline went to the council (DERBY 3.3.1). */
    RESPONDED("Offer or decline sent to the council"),
    /** Closed with a reason (LEW 8.12); only a manager's reopen changes it again. */
    CLOSED("Closed");

    private final String description;

    CaseStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Where a screening decision puts a case (README "Screening": the decision's status). */
    public static CaseStatus after(org.advocacyhub.domain.eligibility.Outcome outcome) {
        return switch (outcome) {
            case ELIGIBLE -> AWAITING_ALLOCATION;
            case NEEDS_INFORMATION -> NEEDS_INFORMATION;
            case REDIRECT -> REDIRECTED;
            case NOT_ELIGIBLE -> NOT_ACCEPTED;
            case INFORMATION_ONLY -> INFORMATION_ONLY;
            case SIGNPOSTED -> SIGNPOSTED;
        };
    }

    /** Whether the hub is working on it: accepted and not closed. */
    public boolean isOpenCasework() {
        return this == AWAITING_ALLOCATION || this == ALLOCATED || this == RESPONDED;
    }

    /** Whether screening has decided (a redelivered screening message must not decide again). */
    public boolean isScreened() {
        return this != RECEIVED;
    }
}
