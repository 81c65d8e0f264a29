package org.advocacyhub.domain.eligibility;

import static org.advocacyhub.domain.eligibility.Vignette.assertDecision;
import static org.advocacyhub.domain.eligibility.Vignette.fromWhom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImhaPolicyTest {

    @Test
    @DisplayName("LLR 7.39, 7.38, 7.46: a patient detained under section 3 in an LPT hospital, referred with consent, is eligible")
    void section3() {
        assertDecision(Vignette.imha().screen(), Outcome.ELIGIBLE, "LLR 7.39", "LLR 7.38", "LLR 7.46");
    }

    @ParameterizedTest(name = "LLR 7.39: detained under {0} in an LPT hospital is eligible")
    @ValueSource(strings = {"SECTION_2", "SECTION_4_AFTER_SECOND_RECOMMENDATION", "SECTION_35", "SECTION_36", "SECTION_37",
            "SECTION_37_41", "SECTION_38", "SECTION_45A", "SECTION_47_49", "LEAVE_OF_ABSENCE", "ABSENT_WITHOUT_LEAVE"})
    void detainedOrLiable(String status) {
        assertDecision(Vignette.imha().with(ServiceQuestions.MHA_STATUS, status).screen(), Outcome.ELIGIBLE, "LLR 7.39");
    }

    @ParameterizedTest(name = "LLR 7.40: {0} does not give the right to an IMHA")
    @ValueSource(strings = {"SECTION_4_BEFORE_SECOND_RECOMMENDATION", "SECTION_5_2", "SECTION_5_4", "SECTION_135", "SECTION_136"})
    void shortTermPowers(String status) {
        assertDecision(Vignette.imha().with(ServiceQuestions.MHA_STATUS, status).screen(), Outcome.NOT_ELIGIBLE, "LLR 7.40");
    }

    @Test
    @DisplayName("LLR 7.38: an LPT patient who lives outside the area is eligible")
    void lptPatientFromElsewhere() {
        assertDecision(Vignette.imha().stayingIn("OTHER").screen(), Outcome.ELIGIBLE, "LLR 7.38");
    }

    @Test
    @DisplayName("LLR 7.37: a patient detained in another trust's hospital is not eligible; an unknown hospital is asked")
    void otherHospital() {
        ScreeningDecision decision = assertDecision(Vignette.imha().with(ServiceQuestions.IMHA_HOSPITAL, "OTHER_HOSPITAL").screen(),
                Outcome.NOT_ELIGIBLE, "LLR 7.37");
        assertTrue(decision.signposts().contains(Signposts.IMHA_ELSEWHERE));
        assertDecision(Vignette.imha().without(ServiceQuestions.IMHA_HOSPITAL).screen(), Outcome.NEEDS_INFORMATION, "LLR 7.37-7.38");
    }

    @ParameterizedTest(name = "LLR 7.37, 7.39: {0} is eligible when living in the area, not when living elsewhere")
    @ValueSource(strings = {"COMMUNITY_TREATMENT_ORDER", "GUARDIANSHIP", "CONDITIONAL_DISCHARGE"})
    void inTheCommunity(String status) {
        Vignette community = Vignette.imha().with(ServiceQuestions.MHA_STATUS, status)
                .with(ServiceQuestions.IMHA_HOSPITAL, "NOT_IN_HOSPITAL");
        assertDecision(community.stayingIn("LEICESTERSHIRE").screen(), Outcome.ELIGIBLE, "LLR 7.39", "LLR 7.37");
        assertDecision(community.stayingIn("OTHER").screen(), Outcome.NOT_ELIGIBLE, "LLR 7.37");
    }

    @Test
    @DisplayName("LLR 7.40: an informal patient qualifies for section 57 treatment, or for ECT when under 18")
    void informalPatients() {
        Vignette informal = Vignette.imha().with(ServiceQuestions.MHA_STATUS, "INFORMAL");
        assertDecision(informal.with(ServiceQuestions.IMHA_TREATMENT, "SECTION_57").screen(), Outcome.ELIGIBLE, "LLR 7.40");
        assertDecision(informal.with(ServiceQuestions.IMHA_TREATMENT, "ECT_OR_SECTION_58A").aged(17).screen(), Outcome.ELIGIBLE,
                "LLR 7.40");
        assertDecision(informal.with(ServiceQuestions.IMHA_TREATMENT, "ECT_OR_SECTION_58A").aged(18).screen(), Outcome.NOT_ELIGIBLE,
                "LLR 7.40");
        assertDecision(informal.with(ServiceQuestions.IMHA_TREATMENT, "NONE").screen(), Outcome.NOT_ELIGIBLE, "LLR 7.40");
        assertDecision(informal.without(ServiceQuestions.IMHA_TREATMENT).screen(), Outcome.NEEDS_INFORMATION, "LLR 7.40");
    }

    @Test
    @DisplayName("LLR 7.37: an informal patient outside LPT hospitals is covered only when living in the area")
    void informalOutsideLpt() {
        Vignette informal = Vignette.imha().with(ServiceQuestions.MHA_STATUS, "INFORMAL")
                .with(ServiceQuestions.IMHA_TREATMENT, "SECTION_57").with(ServiceQuestions.IMHA_HOSPITAL, "OTHER_HOSPITAL");
        assertDecision(informal.screen(), Outcome.ELIGIBLE, "LLR 7.37");
        assertDecision(informal.stayingIn("OTHER").screen(), Outcome.NOT_ELIGIBLE, "LLR 7.37");
    }

    @Test
    @DisplayName("LLR 7.45-7.46, 7.24: self-referral, consent, or inability to consent is enough; otherwise the person is asked")
    void consent() {
        assertDecision(Vignette.imha().referrer(ReferrerRelationship.SELF).source(ReferralSource.SELF)
                .awareness(Awareness.AWARE_AND_AGREES).screen(), Outcome.ELIGIBLE, "LLR 7.45");
        assertDecision(Vignette.imha().awareness(Awareness.UNABLE_TO_AGREE).screen(), Outcome.ELIGIBLE, "LLR 7.24");
        ScreeningDecision relative = assertDecision(Vignette.imha().referrer(ReferrerRelationship.FAMILY_OR_FRIEND)
                .source(ReferralSource.FAMILY_OR_FRIEND).awareness(Awareness.NOT_AWARE).screen(), Outcome.NEEDS_INFORMATION,
                "LLR 7.46");
        assertEquals(List.of("the person"), fromWhom(relative));
        assertDecision(Vignette.imha().awareness(Awareness.AWARE_NOT_AGREED).screen(), Outcome.NEEDS_INFORMATION, "LLR 7.46");
    }

    @Test
    @DisplayName("LLR 7.39: an unknown legal status is asked of the ward")
    void unknownStatus() {
        ScreeningDecision decision = assertDecision(Vignette.imha().with(ServiceQuestions.MHA_STATUS, "NOT_KNOWN").screen(),
                Outcome.NEEDS_INFORMATION, "LLR 7.39");
        assertEquals(List.of("the ward or the person's responsible clinician"), fromWhom(decision));
    }
}
