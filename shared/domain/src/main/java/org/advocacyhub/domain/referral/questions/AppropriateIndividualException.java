package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** When a Care Act advocate is provided even though there is an appropriate individual (SCIE Exceptions). */
public enum AppropriateIndividualException implements Choice {
    NONE("Neither of these"),
    NHS_HOSPITAL_OVER_4_WEEKS("An NHS-funded placement in a hospital for more than 4 weeks is being considered"),
    NHS_CARE_HOME_8_WEEKS_OR_MORE("An NHS-funded placement in a care home for 8 weeks or more is being considered"),
    DISAGREEMENT("The council and the appropriate individual disagree, and both agree an advocate would help");

    private final String displayName;

    AppropriateIndividualException(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
