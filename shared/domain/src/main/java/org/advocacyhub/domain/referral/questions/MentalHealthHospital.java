package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** Where a mental health patient is detained: the IMHA service covers Leicestershire Partnership NHS Trust hospitals, wherever the person lives (LLR 7.37-7.38). */
public enum MentalHealthHospital implements Choice {
    LEICESTERSHIRE_PARTNERSHIP_TRUST("A Leicestershire Partnership NHS Trust hospital (for example the Bradgate Unit)"),
    OTHER_HOSPITAL("A hospital run by another trust or a private hospital"),
    NOT_IN_HOSPITAL("Not in hospital");

    private final String displayName;

    MentalHealthHospital(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
