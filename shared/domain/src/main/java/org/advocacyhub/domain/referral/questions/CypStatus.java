package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The groups the Lewisham children and young people's advocacy service is for (LEW 7.5). */
public enum CypStatus implements Choice {
    LOOKED_AFTER("Looked after by the council (in care)"),
    CHILD_PROTECTION_PLAN("On a child protection plan"),
    CARE_LEAVER("Care leaver"),
    CARE_LEAVER_PERSONAL_ADVISER("Care leaver who needs Personal Adviser support"),
    NONE_OF_THESE("None of these");

    private final String displayName;

    CypStatus(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
