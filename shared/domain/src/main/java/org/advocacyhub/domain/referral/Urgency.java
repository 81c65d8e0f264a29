package org.advocacyhub.domain.referral;

/** Urgent referrals go to the top of the waiting list (LLR 5.47, LEW 8.4); DERBY urgent referrals are answered within 1 hour (DERBY 3.3.1). */
public enum Urgency implements Choice {
    STANDARD("Standard"),
    URGENT("Urgent");

    private final String displayName;

    Urgency(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
