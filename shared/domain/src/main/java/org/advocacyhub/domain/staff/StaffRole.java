package org.advocacyhub.domain.staff;

import org.advocacyhub.domain.referral.Choice;

/** What a member of staff may do (requirements §8): managers every case, advocates their own. */
public enum StaffRole implements Choice {
    MANAGER("Manager"),
    ADVOCATE("Advocate");

    private final String displayName;

    StaffRole(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
