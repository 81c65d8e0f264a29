package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** Treatments that make an informal patient eligible for an IMHA (LLR 7.40). */
public enum ImhaTreatment implements Choice {
    SECTION_57("A section 57 treatment (for example neurosurgery for mental disorder)"),
    ECT_OR_SECTION_58A("Electro-convulsive therapy (ECT) or another section 58A treatment"),
    NONE("Neither of these"),
    NOT_KNOWN("Not known");

    private final String displayName;

    ImhaTreatment(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
