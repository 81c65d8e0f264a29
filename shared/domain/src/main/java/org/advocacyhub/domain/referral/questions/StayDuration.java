package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** How long an accommodation move is expected to last: an IMCA is needed for a hospital stay of more than 28 days or a care home stay of more than 8 weeks (LLR 5.53c-d). */
public enum StayDuration implements Choice {
    UP_TO_28_DAYS("28 days or less"),
    MORE_THAN_28_DAYS_UP_TO_8_WEEKS("More than 28 days, but no more than 8 weeks"),
    MORE_THAN_8_WEEKS("More than 8 weeks, or permanently"),
    NOT_KNOWN("Not known yet");

    private final String displayName;

    StayDuration(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
