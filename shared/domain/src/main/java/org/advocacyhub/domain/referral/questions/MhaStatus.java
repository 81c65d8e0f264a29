package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The person's legal status under the Mental Health Act 1983 (LLR 7.39-7.40). */
public enum MhaStatus implements Choice {
    SECTION_2("Section 2 (detained for assessment)"),
    SECTION_3("Section 3 (detained for treatment)"),
    SECTION_4_BEFORE_SECOND_RECOMMENDATION("Section 4 (emergency), before the second doctor's recommendation"),
    SECTION_4_AFTER_SECOND_RECOMMENDATION("Section 4 (emergency), after the second doctor's recommendation"),
    SECTION_5_2("Section 5(2) (doctor's holding power)"),
    SECTION_5_4("Section 5(4) (nurse's holding power)"),
    SECTION_35("Section 35 (remand to hospital for a report)"),
    SECTION_36("Section 36 (remand to hospital for treatment)"),
    SECTION_37("Section 37 (hospital order)"),
    SECTION_37_41("Section 37/41 (hospital order with restrictions)"),
    SECTION_38("Section 38 (interim hospital order)"),
    SECTION_45A("Section 45A (hospital direction)"),
    SECTION_47_49("Section 47 or 48 (transfer from prison), with or without section 49 restrictions"),
    SECTION_135("Section 135 (place of safety, on a warrant)"),
    SECTION_136("Section 136 (place of safety, police power)"),
    LEAVE_OF_ABSENCE("On leave of absence from hospital (section 17)"),
    ABSENT_WITHOUT_LEAVE("Absent without leave (AWOL) from hospital"),
    COMMUNITY_TREATMENT_ORDER("Community treatment order (CTO)"),
    GUARDIANSHIP("Guardianship (section 7 or 37)"),
    CONDITIONAL_DISCHARGE("Conditionally discharged restricted patient"),
    INFORMAL("Not subject to the Mental Health Act (informal)"),
    NOT_KNOWN("Not known");

    private final String displayName;

    MhaStatus(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
