package org.advocacyhub.domain.referral.questions;

import org.advocacyhub.domain.referral.Choice;

/** The kind of service an NHS complaint is about (LLR 6.3). */
public enum NhsServiceKind implements Choice {
    HOSPITAL("Hospital"),
    GP("GP surgery"),
    DENTIST("Dentist"),
    PHARMACY("Pharmacy"),
    OPTICIAN("Optician"),
    MENTAL_HEALTH("Mental health service"),
    COMMUNITY_HEALTH("Community health service (for example district nurses)"),
    AMBULANCE_OR_111("Ambulance service or NHS 111"),
    COMMISSIONER("Integrated Care Board or other NHS commissioner"),
    SOCIAL_CARE("Social care (council services, care home or home care)"),
    PRIVATE_HEALTHCARE("Private healthcare"),
    OTHER("Something else");

    private final String displayName;

    NhsServiceKind(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
