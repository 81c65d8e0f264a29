package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The role a DoLS IMCA is instructed for (LLR 5.38, 5.40). */
public enum DolsRole implements Choice {
    SECTION_39A("Section 39A: represent the person during the assessment (no one to consult)"),
    SECTION_39C("Section 39C: act as the person's representative after the authorisation (no representative available)"),
    SECTION_39D("Section 39D: support the person or their representative after the authorisation"),
    COMMUNITY_DOLS("Community DoLS: deprivation of liberty in the community, authorised by the Court of Protection");

    private final String displayName;

    DolsRole(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
