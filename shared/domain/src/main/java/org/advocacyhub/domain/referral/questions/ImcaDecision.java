package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The decision an IMCA is instructed for (LLR 5.2, 5.53-5.54). */
public enum ImcaDecision implements Choice {
    SERIOUS_MEDICAL_TREATMENT("Serious medical treatment provided by the NHS"),
    NHS_HOSPITAL_ACCOMMODATION("A stay in hospital arranged by the NHS"),
    NHS_CARE_HOME_ACCOMMODATION("A move to a care home arranged by the NHS"),
    COUNCIL_CARE_HOME_ACCOMMODATION("A move to a care home or other residential accommodation arranged by the council"),
    CARE_REVIEW("A review of the person's care"),
    ADULT_SAFEGUARDING("Adult safeguarding (protecting the person from abuse or neglect)"),
    DEPRIVATION_OF_LIBERTY("A Deprivation of Liberty Safeguards (DoLS) authorisation"),
    OTHER("Another decision");

    private final String displayName;

    ImcaDecision(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
