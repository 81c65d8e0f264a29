package org.advocacyhub.domain.eligibility;

import static org.advocacyhub.domain.eligibility.Vignette.assertDecision;
import static org.advocacyhub.domain.eligibility.Vignette.fromWhom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DolsImcaPolicyTest {

    @Test
    @DisplayName("LLR 5.38, 5.42, 5.36: a section 39A referral from a DoLS team of our councils is eligible")
    void section39aFromDolsTeam() {
        ScreeningDecision decision = assertDecision(Vignette.dolsImca().screen(), Outcome.ELIGIBLE, "LLR 5.42", "LLR 5.36", "LLR 5.38");
        assertTrue(decision.reasons().stream().anyMatch(r -> r.plainEnglish().contains("within 21 days")), decision.reasons()::toString);
        ScreeningDecision urgent = Vignette.dolsImca().with(ServiceQuestions.DOLS_AUTHORISATION, "URGENT").screen();
        assertTrue(urgent.reasons().stream().anyMatch(r -> r.plainEnglish().contains("within 7 days")));
    }

    @Test
    @DisplayName("LLR 5.42: a referral from anyone but a DoLS team is checked with the DoLS team")
    void notFromDolsTeam() {
        ScreeningDecision decision = assertDecision(Vignette.dolsImca().source(ReferralSource.FAMILY_OR_FRIEND)
                .referrer(ReferrerRelationship.FAMILY_OR_FRIEND).screen(), Outcome.NEEDS_INFORMATION, "LLR 5.42");
        assertEquals(List.of("the DoLS team of the supervisory body"), fromWhom(decision));
    }

    @Test
    @DisplayName("LLR 5.36: a supervisory body outside our councils arranges its own DoLS IMCAs")
    void supervisoryBodyElsewhere() {
        ScreeningDecision decision = assertDecision(Vignette.dolsImca().with(ServiceQuestions.DOLS_SUPERVISORY_BODY, "OTHER").screen(),
                Outcome.NOT_ELIGIBLE, "LLR 5.36");
        assertTrue(decision.signposts().contains(Signposts.DOLS_IMCA_ELSEWHERE));
        assertDecision(Vignette.dolsImca().with(ServiceQuestions.DOLS_SUPERVISORY_BODY, "LEWISHAM").screen(), Outcome.NOT_ELIGIBLE,
                "LLR 5.36");
        assertDecision(Vignette.dolsImca().without(ServiceQuestions.DOLS_SUPERVISORY_BODY).screen(), Outcome.NEEDS_INFORMATION,
                "LLR 5.36");
    }

    @Test
    @DisplayName("LLR 5.38b, 5.39: a section 39C role is eligible while the authorisation lasts; a past end date is checked")
    void section39c() {
        Vignette representative = Vignette.dolsImca().with(ServiceQuestions.DOLS_ROLE, "SECTION_39C");
        assertDecision(representative.with(ServiceQuestions.DOLS_END_DATE, Vignette.TODAY.plusMonths(6).toString()).screen(),
                Outcome.ELIGIBLE, "LLR 5.38b");
        assertDecision(representative.with(ServiceQuestions.DOLS_END_DATE, Vignette.TODAY.toString()).screen(), Outcome.ELIGIBLE,
                "LLR 5.38b");
        assertDecision(representative.with(ServiceQuestions.DOLS_END_DATE, Vignette.TODAY.minusDays(1).toString()).screen(),
                Outcome.NEEDS_INFORMATION, "LLR 5.39");
    }

    @Test
    @DisplayName("LLR 5.38c: a section 39D role to support the person or their representative is eligible")
    void section39d() {
        assertDecision(Vignette.dolsImca().with(ServiceQuestions.DOLS_ROLE, "SECTION_39D").screen(), Outcome.ELIGIBLE, "LLR 5.38c");
    }

    @Test
    @DisplayName("LLR 5.37: the safeguards apply from 18, so a 17 year old is not eligible for a section 39 role")
    void under18() {
        assertDecision(Vignette.dolsImca().aged(17).screen(), Outcome.NOT_ELIGIBLE, "LLR 5.37");
        assertDecision(Vignette.dolsImca().aged(18).screen(), Outcome.ELIGIBLE, "LLR 5.38");
    }

    @Test
    @DisplayName("LLR 5.40: the community DoLS role is eligible from 16")
    void communityDols() {
        Vignette community = Vignette.dolsImca().with(ServiceQuestions.DOLS_ROLE, "COMMUNITY_DOLS");
        assertDecision(community.aged(17).screen(), Outcome.ELIGIBLE, "LLR 5.40");
        assertDecision(community.aged(15).screen(), Outcome.NOT_ELIGIBLE, "LLR 5.40");
    }

    @Test
    @DisplayName("LLR 5.46: a person staying outside the area is eligible when our council's DoLS team refers")
    void crossBorder() {
        assertDecision(Vignette.dolsImca().stayingIn("OTHER").screen(), Outcome.ELIGIBLE, "LLR 5.46");
    }

    @Test
    @DisplayName("LLR 5.38: a stored referral without a role asks the DoLS team which role")
    void noRole() {
        ScreeningDecision decision = assertDecision(Vignette.dolsImca().without(ServiceQuestions.DOLS_ROLE).screen(),
                Outcome.NEEDS_INFORMATION, "LLR 5.38");
        assertEquals(List.of("the DoLS team of the supervisory body"), fromWhom(decision));
    }
}
