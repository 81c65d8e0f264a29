package org.advocacyhub.domain.casework;

import org.advocacyhub.domain.referral.Choice;

/** Why a case closed (LEW 8.12; LLR 4.5.4, 5.21-5.23, 7.41). */
public enum ClosureReason implements Choice {
    OUTCOME_REACHED("The issue has an outcome", "LEW 8.12, LLR 4.5.4"),
    SELF_ADVOCATING("The person can now advocate for themselves", "LEW 8.12"),
    NO_LONGER_WANTS_SUPPORT("The person no longer wants support", "LEW 8.12"),
    INSTRUCTION_WITHDRAWN("The instruction was withdrawn", "LLR 5.21-5.23"),
    PERSON_DECLINED("The person declined advocacy", "LLR 7.41"),
    PERSON_DIED("The person died", "LLR 5.23"),
    MOVED_OUT_OF_AREA("The person moved out of the area", "LLR 5.52");

    private final String displayName;
    private final String clause;

    ClosureReason(String displayName, String clause) {
        this.displayName = displayName;
        this.clause = clause;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public String clause() {
        return clause;
    }
}
