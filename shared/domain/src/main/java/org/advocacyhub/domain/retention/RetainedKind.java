package org.advocacyhub.domain.retention;

/**
 * The kinds of record a contract keeps for a set time and then anonymises (issue 22; LLR 15.3, 22.1f, 24: records "kept
 * for a set retention period"). Answerphone messages are the contract's {@code answerphone.retentionDays} (LLR 22.1f),
 * deleted by the table's TTL, and are not among these.
 */
public enum RetainedKind {
    /** A case the hub took on, from the day it closed. */
    CLOSED_CASE("closedCase", "a closed case, from the day it closed"),
    /** A referral the hub did not take on (not accepted, information only, signposted), from the day of that decision. */
    DECLINED_REFERRAL("declinedReferral", "a referral not taken on, from the day of the decision"),
    /** A complaint, from the day it closed (or was received, while open). */
    COMPLAINT("complaint", "a complaint, from the day it closed, or was received while still open"),
    /** A compliment, from the day it was received. */
    COMPLIMENT("compliment", "a compliment, from the day it was received"),
    /**
     * An entry of a case's audit trail (who opened or changed it, and when), from the day it was written; deleted by the
     * table's TTL. It names staff, never the person.
     */
    AUDIT_ENTRY("auditEntry", "an entry of a case's audit trail, from the day it was written"),
    /**
     * A case study or a service summary of a quarter's return (LLR 26.16, Appendix One), from the last day of that quarter;
     * deleted by the table's TTL. It names no one (the identifying details rule), but a case study is about one person's
     * case, so it is not kept for ever.
     */
    CASE_STUDY("caseStudy", "a case study or service summary, from the last day of the quarter it reports");

    private final String key;
    private final String description;

    RetainedKind(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The key in a contract file's {@code retention:} section. */
    public String key() {
        return key;
    }

    /** What the record is and when its time starts, in words. */
    public String description() {
        return description;
    }
}
