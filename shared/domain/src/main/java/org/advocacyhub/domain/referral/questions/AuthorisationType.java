package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** Whether a DoLS authorisation is urgent (assessment within 7 days) or standard (21 days) (LLR 5.38, 5.43). */
public enum AuthorisationType implements Choice {
    URGENT("Urgent authorisation"),
    STANDARD("Standard authorisation");

    private final String displayName;

    AuthorisationType(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
