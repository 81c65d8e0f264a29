package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The four areas of substantial difficulty in being involved (LLR 8.28); NONE says the referrer considered them. */
public enum SubstantialDifficulty implements Choice {
    UNDERSTANDING("Understanding relevant information"),
    RETAINING("Retaining (remembering) information"),
    USING_OR_WEIGHING("Using or weighing up information"),
    COMMUNICATING("Communicating their views, wishes and feelings"),
    NONE("None of these");

    private final String displayName;

    SubstantialDifficulty(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
