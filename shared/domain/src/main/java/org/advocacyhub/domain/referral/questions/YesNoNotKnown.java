package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** Yes, no or not known: for questions a referrer may not be able to answer yet (screening then asks, requirements §4). */
public enum YesNoNotKnown implements Choice {
    YES("Yes"),
    NO("No"),
    NOT_KNOWN("Not known");

    private final String displayName;

    YesNoNotKnown(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
