package org.advocacyhub.domain.referral;

/** How the referrer relates to the person; self and third-party referrals are reported to the council (LLR 8.34). */
public enum ReferrerRelationship implements Choice {
    SELF("I am the person who wants advocacy"),
    FAMILY_OR_FRIEND("Family member or friend"),
    PROFESSIONAL("Professional (for example social worker, nurse, GP)"),
    DECISION_MAKER("The decision maker (the professional responsible for the decision)");

    private final String displayName;

    ReferrerRelationship(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
