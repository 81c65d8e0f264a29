package org.advocacyhub.domain.eligibility;

import static org.advocacyhub.domain.eligibility.Vignette.assertDecision;
import static org.advocacyhub.domain.eligibility.Vignette.fromWhom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CareActPolicyTest {

    @Test
    @DisplayName("LLR 8.27-8.31, 8.37: the council's referral for a needs assessment, with substantial difficulty and nobody to help, is eligible")
    void councilReferralIsEligible() {
        ScreeningDecision decision = assertDecision(Vignette.careAct().screen(), Outcome.ELIGIBLE,
                "LLR 8.30", "LLR 8.37", "LLR 8.28", "LLR 8.27", "LLR 8.31");
        assertEquals(Set.of(), decision.alsoLooksEligibleFor());
    }

    @ParameterizedTest(name = "LLR 8.30: {0} is a Care Act process")
    @ValueSource(strings = {"NEEDS_ASSESSMENT", "CARERS_ASSESSMENT", "CARE_AND_SUPPORT_PLANNING", "PLAN_REVIEW",
            "CHILDS_CARERS_ASSESSMENT", "SAFEGUARDING_ENQUIRY", "SAFEGUARDING_ADULT_REVIEW"})
    void processes(String process) {
        assertDecision(Vignette.careAct().with(ServiceQuestions.CARE_ACT_PROCESS, process).screen(), Outcome.ELIGIBLE, "LLR 8.30");
    }

    @Test
    @DisplayName("LLR 8.30: something other than a Care Act process is not eligible, and advice services are suggested (LLR 8.32)")
    void notACareActProcess() {
        ScreeningDecision decision = assertDecision(Vignette.careAct().with(ServiceQuestions.CARE_ACT_PROCESS, "OTHER").screen(),
                Outcome.NOT_ELIGIBLE, "LLR 8.30");
        assertTrue(decision.signposts().contains(Signposts.ADVICE_SERVICES));
        assertDecision(Vignette.careAct().without(ServiceQuestions.CARE_ACT_PROCESS).screen(), Outcome.NEEDS_INFORMATION, "LLR 8.30");
    }

    @Test
    @DisplayName("LLR 8.30c: under 18s are covered only in a child's needs assessment or a young carer's assessment")
    void children() {
        assertDecision(Vignette.careAct().aged(17).screen(), Outcome.NOT_ELIGIBLE, "LLR 8.30");
        assertDecision(Vignette.careAct().aged(17).with(ServiceQuestions.CARE_ACT_PROCESS, "CHILDS_NEEDS_ASSESSMENT")
                .with(ServiceQuestions.CARE_ACT_PERSON, "CHILD_IN_TRANSITION").screen(), Outcome.ELIGIBLE, "LLR 8.30", "LLR 8.30a-c");
        assertDecision(Vignette.careAct().aged(13).with(ServiceQuestions.CARE_ACT_PROCESS, "YOUNG_CARERS_ASSESSMENT")
                .with(ServiceQuestions.CARE_ACT_PERSON, "YOUNG_CARER").screen(), Outcome.ELIGIBLE, "LLR 8.30");
    }

    @Test
    @DisplayName("LLR 8.28, 8.32: no substantial difficulty means not eligible, with advice services suggested")
    void noSubstantialDifficulty() {
        ScreeningDecision decision = assertDecision(Vignette.careAct().with(ServiceQuestions.CARE_ACT_DIFFICULTY, "NONE").screen(),
                Outcome.NOT_ELIGIBLE, "LLR 8.28");
        assertTrue(decision.signposts().containsAll(List.of(Signposts.ADVICE_SERVICES, Signposts.COMMUNITY_ADVOCACY)));
        assertDecision(Vignette.careAct().with(ServiceQuestions.CARE_ACT_DIFFICULTY, "UNDERSTANDING,COMMUNICATING").screen(),
                Outcome.ELIGIBLE, "LLR 8.28");
        assertDecision(Vignette.careAct().without(ServiceQuestions.CARE_ACT_DIFFICULTY).screen(), Outcome.NEEDS_INFORMATION, "LLR 8.28");
    }

    @Test
    @DisplayName("LLR 8.27, SCIE Exceptions: an appropriate individual rules advocacy out unless an exception applies")
    void appropriateIndividual() {
        Vignette supported = Vignette.careAct().with(ServiceQuestions.CARE_ACT_APPROPRIATE_INDIVIDUAL, "YES");
        assertDecision(supported.screen(), Outcome.NOT_ELIGIBLE, "LLR 8.27");
        assertDecision(supported.with(ServiceQuestions.CARE_ACT_EXCEPTION, "NONE").screen(), Outcome.NOT_ELIGIBLE, "LLR 8.27");
        for (String exception : List.of("NHS_HOSPITAL_OVER_4_WEEKS", "NHS_CARE_HOME_8_WEEKS_OR_MORE", "DISAGREEMENT")) {
            assertDecision(supported.with(ServiceQuestions.CARE_ACT_EXCEPTION, exception).screen(), Outcome.ELIGIBLE, "SCIE Exceptions");
        }
        assertDecision(Vignette.careAct().with(ServiceQuestions.CARE_ACT_APPROPRIATE_INDIVIDUAL, "NOT_KNOWN").screen(),
                Outcome.NEEDS_INFORMATION, "LLR 8.27");
    }

    @Test
    @DisplayName("LLR 8.31: self and third-party referrals are confirmed with the council, which makes the final decision")
    void councilDecides() {
        ScreeningDecision self = assertDecision(Vignette.careAct().source(ReferralSource.SELF).referrer(ReferrerRelationship.SELF)
                .screen(), Outcome.NEEDS_INFORMATION, "LLR 8.31");
        assertEquals(List.of("Rutland County Council's adult social care team"), fromWhom(self));
        assertDecision(Vignette.careAct().source(ReferralSource.NHS_PROFESSIONAL).screen(), Outcome.NEEDS_INFORMATION, "LLR 8.31");
        assertDecision(Vignette.careAct().source(ReferralSource.LA_CUSTOMER_SERVICE_CENTRE).screen(), Outcome.ELIGIBLE, "LLR 8.31");
    }

    @Test
    @DisplayName("LLR 8.37: ordinary residence elsewhere is not eligible; unknown is assumed for the person's own home, else asked")
    void ordinaryResidence() {
        assertDecision(Vignette.careAct().with(ServiceQuestions.CARE_ACT_ORDINARY_RESIDENCE, "NO").screen(), Outcome.NOT_ELIGIBLE,
                "LLR 8.37");
        assertDecision(Vignette.careAct().without(ServiceQuestions.CARE_ACT_ORDINARY_RESIDENCE).residence(Residence.OWN_HOME)
                .screen(), Outcome.ELIGIBLE, "LLR 8.37");
        assertDecision(Vignette.careAct().with(ServiceQuestions.CARE_ACT_ORDINARY_RESIDENCE, "NOT_KNOWN")
                .residence(Residence.CARE_HOME).screen(), Outcome.NEEDS_INFORMATION, "LLR 8.37");
        assertDecision(Vignette.careAct().without(ServiceQuestions.CARE_ACT_ORDINARY_RESIDENCE).residence(Residence.OWN_HOME)
                .stayingIn("OTHER").screen(), Outcome.NEEDS_INFORMATION, "LLR 8.37");
    }

    @Test
    @DisplayName("SCIE Prisoners, LLR 8.29: a prisoner in an LLR prison is covered wherever they came from; another prison is not")
    void prisoners() {
        Vignette prisoner = Vignette.careAct().residence(Residence.PRISON).stayingIn("LEICESTER")
                .with(ServiceQuestions.CARE_ACT_ORDINARY_RESIDENCE, "NO");
        assertDecision(prisoner.with(ServiceQuestions.CARE_ACT_PRISON, "LLR_PRISON")
                .with(ServiceQuestions.CARE_ACT_PRISON_NAME, "HMP Leicester").screen(), Outcome.ELIGIBLE, "SCIE Prisoners");
        assertDecision(prisoner.with(ServiceQuestions.CARE_ACT_PRISON, "OTHER_PRISON").screen(), Outcome.NOT_ELIGIBLE,
                "SCIE Prisoners");
        assertDecision(prisoner.without(ServiceQuestions.CARE_ACT_PRISON).screen(), Outcome.NEEDS_INFORMATION, "SCIE Prisoners");
    }

    @Test
    @DisplayName("LLR 9.33: a Care Act referral for someone detained under section 3 suggests IMHA too")
    void detainedPersonSuggestsImha() {
        ScreeningDecision decision = assertDecision(Vignette.careAct().with(ServiceQuestions.MHA_STATUS, "SECTION_3").screen(),
                Outcome.ELIGIBLE);
        assertEquals(Set.of(ServiceCode.IMHA), decision.alsoLooksEligibleFor());
        assertEquals(Set.of(), Vignette.careAct().with(ServiceQuestions.MHA_STATUS, "INFORMAL").screen().alsoLooksEligibleFor());
        assertEquals(Set.of(), Vignette.careAct().with(ServiceQuestions.MHA_STATUS, "SECTION_136").screen().alsoLooksEligibleFor());
    }
}
