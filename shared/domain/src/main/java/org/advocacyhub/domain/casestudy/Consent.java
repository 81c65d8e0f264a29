package org.advocacyhub.domain.casestudy;

import org.advocacyhub.domain.referral.Choice;

/**
 * On what footing a person's journey is shared with the council as a case study (LLR 26.16, 27.3, Appendix One).
 *
 * <p>Interpretation: Appendix One asks for case studies "for each service", and most people the IMCA and DoLS IMCA
 * services support lack the capacity to agree to theirs being told. A case study is shared either because the person
 * agreed ({@link #GIVEN}) or, when they could not consent, in their best interests (Mental Capacity Act 2005 s. 4) and only
 * with no identifying details ({@link #BEST_INTERESTS}). Every case study is checked against the workbook's identifying
 * details rule whatever its consent (it is emailed to the council: LLR 26.9, 27.6), so the second footing adds no weaker
 * check; it is recorded so the council reads on what footing each study is told. A person who could consent and refused
 * has no case study.
 */
public enum Consent implements Choice {
    /** The person agreed to their journey being told, with no identifying details. */
    GIVEN("The person agreed"),
    /** The person could not consent; told in their best interests, with no identifying details. */
    BEST_INTERESTS("The person could not consent; shared in their best interests with no identifying details");

    private final String displayName;

    Consent(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
