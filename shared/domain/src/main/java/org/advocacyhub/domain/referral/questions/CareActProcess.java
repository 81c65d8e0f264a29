package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The Care Act process the person is taking part in (LLR 8.30). */
public enum CareActProcess implements Choice {
    NEEDS_ASSESSMENT("Needs assessment"),
    CARERS_ASSESSMENT("Carer's assessment"),
    CARE_AND_SUPPORT_PLANNING("Preparing a care and support plan or support plan"),
    PLAN_REVIEW("Reviewing a care and support plan or support plan"),
    CHILDS_NEEDS_ASSESSMENT("Child's needs assessment (moving to adult care)"),
    CHILDS_CARERS_ASSESSMENT("Child's carer's assessment"),
    YOUNG_CARERS_ASSESSMENT("Young carer's assessment"),
    SAFEGUARDING_ENQUIRY("Safeguarding enquiry"),
    SAFEGUARDING_ADULT_REVIEW("Safeguarding adult review"),
    OTHER("Something else"),
    NOT_KNOWN("Not known");

    private final String displayName;

    CareActProcess(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
