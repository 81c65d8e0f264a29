package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The referring professional's judgement of the person's capacity for the specific decision (LLR 5.52a). */
public enum CapacityJudgement implements Choice {
    LACKS_CAPACITY("Yes, the person lacks capacity to make this decision"),
    HAS_CAPACITY("No, the person can make this decision"),
    NOT_SURE("Not sure");

    private final String displayName;

    CapacityJudgement(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
