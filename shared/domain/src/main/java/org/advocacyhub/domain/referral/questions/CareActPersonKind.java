package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** Who a Care Act advocate supports (LLR 8.30a-c). */
public enum CareActPersonKind implements Choice {
    ADULT_WITH_NEEDS("An adult who appears to need care and support"),
    CARER("A carer (of an adult, or of a child moving to adult care)"),
    CHILD_IN_TRANSITION("A child approaching the move to adult care and support"),
    YOUNG_CARER("A young carer");

    private final String displayName;

    CareActPersonKind(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
