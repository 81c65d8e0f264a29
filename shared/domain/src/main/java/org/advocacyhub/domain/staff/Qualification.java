package org.advocacyhub.domain.staff;

/**
 * A qualification or training an advocate holds, with the clause that asks for it (LLR 13.1-13.9).
 * A staff record holds the date each was achieved.
 */
public enum Qualification implements org.advocacyhub.domain.referral.Choice {
    /** The Level 3 National Qualification in Independent Advocacy (LLR 13.1). */
    NQIA_LEVEL_3("Level 3 National Qualification in Independent Advocacy", "LLR 13.1"),
    /** Unit 305, Independent Mental Capacity Advocacy (LLR 13.3). */
    UNIT_305_IMCA("Unit 305: Independent Mental Capacity Advocacy", "LLR 13.3"),
    /** Unit 310 training, Deprivation of Liberty Safeguards (LLR 13.4, 5.49). */
    UNIT_310_DOLS_TRAINING("Unit 310 training: Deprivation of Liberty Safeguards", "LLR 13.4"),
    /** Unit 310 assessment passed (LLR 13.4). */
    UNIT_310_DOLS_ASSESSMENT("Unit 310 assessment: Deprivation of Liberty Safeguards", "LLR 13.4"),
    /** Unit 313, Care Act advocacy (LLR 13.5). */
    UNIT_313_CARE_ACT("Unit 313: Care Act advocacy", "LLR 13.5"),
    /** Unit 306, Independent Mental Health Advocacy (LLR 13.6). */
    UNIT_306_IMHA("Unit 306: Independent Mental Health Advocacy", "LLR 13.6"),
    /** British Sign Language level 3 (LLR 13.7). */
    BSL_LEVEL_3("British Sign Language level 3", "LLR 13.7");

    private final String displayName;
    private final String clause;

    Qualification(String displayName, String clause) {
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
