package org.advocacyhub.domain.returns;

import org.advocacyhub.domain.referral.Choice;

/** Where an awareness-raising session was held: the two KPIs that count them (LLR Appendix One, KPIs 5 and 6). */
public enum AwarenessSetting implements Choice {
    /** KPI 5: adult social care teams, forums, partnership meetings, hospitals, care homes. */
    PROFESSIONAL("With professionals: social care teams, forums, partnership meetings, hospitals, care homes (KPI 5)"),
    /** KPI 6: community, faith or voluntary groups. */
    COMMUNITY("With community, faith or voluntary groups (KPI 6)");

    private final String displayName;

    AwarenessSetting(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
