package org.advocacyhub.domain.referral;

/**
 * Who made the referral, as the councils ask it to be reported (LLR 8.33-8.34, 26.17; LEW 8.2).
 */
public enum ReferralSource implements Choice {
    LA_CUSTOMER_SERVICE_CENTRE("Local authority customer service centre"),
    ADULT_SOCIAL_CARE("Adult social care team"),
    DOLS_TEAM("DoLS team (supervisory body)"),
    MENTAL_HEALTH_SERVICES("Mental health ward, AMHP or responsible clinician"),
    NHS_PROFESSIONAL("NHS professional"),
    /** Not in the LLR list: DERBY referrals come from the council's leaving care and children's services (DERBY 3.3.1). */
    CHILDRENS_SOCIAL_CARE("Children's social care or leaving care team"),
    SELF("The person themselves (self-referral)"),
    FAMILY_OR_FRIEND("Family member or friend"),
    VOLUNTARY_ORGANISATION("Voluntary organisation"),
    PARTICIPATION_MANAGER("Lewisham Participation Manager"),
    OTHER("Other");

    private final String displayName;

    ReferralSource(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
