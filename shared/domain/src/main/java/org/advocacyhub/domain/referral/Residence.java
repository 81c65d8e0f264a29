package org.advocacyhub.domain.referral;

/** Where the person is staying now: IMCA eligibility depends on where the person is at the time of instruction, not ordinary residence (LLR 5.30). */
public enum Residence implements Choice {
    OWN_HOME("Their own or their family's home"),
    CARE_HOME("Care home or nursing home"),
    GENERAL_HOSPITAL("General hospital"),
    MENTAL_HEALTH_HOSPITAL("Mental health hospital"),
    SUPPORTED_LIVING("Supported living"),
    FOSTER_OR_RESIDENTIAL_CARE("Foster care or children's residential home"),
    SECURE_SETTING("Secure setting"),
    PRISON("Prison"),
    TEMPORARY_OR_NO_FIXED_ADDRESS("Temporary accommodation or no fixed address"),
    OTHER("Somewhere else");

    private final String displayName;

    Residence(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
