package org.advocacyhub.domain.referral;

/**
 * The advocacy services a hub can be commissioned for (requirements §2). Which contract runs a
 * service, and the rules and clocks that apply to it, come from the contract configuration.
 */
public enum ServiceCode implements Choice {
    IMCA("Independent Mental Capacity Advocacy (IMCA)"),
    DOLS_IMCA("Deprivation of Liberty Safeguards IMCA (DoLS IMCA)"),
    IMHA("Independent Mental Health Advocacy (IMHA)"),
    CARE_ACT("Care Act advocacy"),
    ICAS("NHS complaints advocacy"),
    CYP("Children and young people's advocacy"),
    ACCOMMODATION("Accommodation referral (care leavers and homeless 16 to 17 year olds)");

    private final String displayName;

    ServiceCode(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
