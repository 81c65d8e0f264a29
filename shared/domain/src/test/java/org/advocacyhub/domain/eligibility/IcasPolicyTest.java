package org.advocacyhub.domain.eligibility;

import static org.advocacyhub.domain.eligibility.Vignette.assertDecision;
import static org.advocacyhub.domain.eligibility.Vignette.fromWhom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IcasPolicyTest {

    @Test
    @DisplayName("LLR 6.9a, 6.17: complaining about the NHS care of someone who has died is eligible, with bereavement support")
    void onBehalfOfSomeoneWhoDied() {
        ScreeningDecision decision = assertDecision(Vignette.icas().screen(), Outcome.ELIGIBLE, "LLR 6.9", "LLR 6.3", "LLR 6.9a");
        assertEquals(List.of(Signposts.BEREAVEMENT_SUPPORT), decision.signposts());
    }

    @Test
    @DisplayName("LLR 6.9: a person's own complaint is eligible, including from a secure setting in the area")
    void ownComplaintIncludingSecureSettings() {
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_COMPLAINANT, "PATIENT").residence(Residence.SECURE_SETTING)
                .stayingIn("LEICESTERSHIRE").screen(), Outcome.ELIGIBLE, "LLR 6.9");
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_COMPLAINANT, "FOR_SOMEONE_UNABLE").screen(), Outcome.ELIGIBLE,
                "LLR 6.9a");
    }

    @Test
    @DisplayName("LLR 6.9, 6.10: someone living outside the area is not eligible and is told where to go")
    void livesElsewhere() {
        ScreeningDecision decision = assertDecision(Vignette.icas().stayingIn("OTHER").screen(), Outcome.NOT_ELIGIBLE, "LLR 6.9");
        assertTrue(decision.signposts().contains(Signposts.NHS_COMPLAINTS_ADVOCACY_ELSEWHERE));
        assertTrue(decision.signposts().contains(Signposts.PALS));
    }

    @Test
    @DisplayName("LLR 6.11: a resident placed in a hospital outside the area is not covered")
    void placedOutsideTheArea() {
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_PLACED_OUTSIDE, "true").screen(), Outcome.NOT_ELIGIBLE, "LLR 6.11");
        assertDecision(Vignette.icas().without(ServiceQuestions.ICAS_PLACED_OUTSIDE).screen(), Outcome.ELIGIBLE);
    }

    @Test
    @DisplayName("LLR 6.2-6.3: care the NHS did not pay for is not eligible, with the right complaints route")
    void notNhsFunded() {
        ScreeningDecision socialCare = assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SERVICE_KIND, "SOCIAL_CARE")
                .with(ServiceQuestions.ICAS_NHS_FUNDED, "NO").screen(), Outcome.NOT_ELIGIBLE, "LLR 6.2-6.3");
        assertTrue(socialCare.signposts().contains(Signposts.SOCIAL_CARE_COMPLAINTS));
        ScreeningDecision privateCare = assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SERVICE_KIND, "PRIVATE_HEALTHCARE")
                .with(ServiceQuestions.ICAS_NHS_FUNDED, "NO").screen(), Outcome.NOT_ELIGIBLE, "LLR 6.2-6.3");
        assertTrue(privateCare.signposts().contains(Signposts.PRIVATE_HEALTHCARE_COMPLAINTS));
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SERVICE_KIND, "PRIVATE_HEALTHCARE")
                .with(ServiceQuestions.ICAS_NHS_FUNDED, "YES").screen(), Outcome.ELIGIBLE, "LLR 6.3");
    }

    @ParameterizedTest(name = "LLR 6.3: unknown funding for {0} is presumed NHS")
    @ValueSource(strings = {"HOSPITAL", "GP", "MENTAL_HEALTH", "COMMUNITY_HEALTH", "AMBULANCE_OR_111", "COMMISSIONER"})
    void presumedNhs(String kind) {
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SERVICE_KIND, kind).with(ServiceQuestions.ICAS_NHS_FUNDED, "NOT_KNOWN")
                .screen(), Outcome.ELIGIBLE, "LLR 6.3");
    }

    @ParameterizedTest(name = "LLR 6.3: unknown funding for {0} is asked of the complainant")
    @ValueSource(strings = {"DENTIST", "PHARMACY", "OPTICIAN", "SOCIAL_CARE", "PRIVATE_HEALTHCARE", "OTHER"})
    void fundingAsked(String kind) {
        ScreeningDecision decision = assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SERVICE_KIND, kind)
                .without(ServiceQuestions.ICAS_NHS_FUNDED).screen(), Outcome.NEEDS_INFORMATION, "LLR 6.3");
        assertEquals(List.of("the person making the complaint"), fromWhom(decision));
    }

    @Test
    @DisplayName("LLR 6.9a: complaining for someone who could complain themselves is not eligible; not saying whose care is asked")
    void onBehalfOfSomeoneAble() {
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_COMPLAINANT, "FOR_SOMEONE_ABLE").screen(), Outcome.NOT_ELIGIBLE,
                "LLR 6.9a");
        assertDecision(Vignette.icas().without(ServiceQuestions.ICAS_COMPLAINANT).screen(), Outcome.NEEDS_INFORMATION, "LLR 6.9a");
    }

    @Test
    @DisplayName("LLR 6.17-6.18: PALS, regulators and medico-legal advice are signposted, not taken on")
    void signposted() {
        ScreeningDecision quick = assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SUPPORT, "QUICK_RESOLUTION").screen(),
                Outcome.SIGNPOSTED, "LLR 6.17");
        assertTrue(quick.signposts().contains(Signposts.PALS));
        ScreeningDecision money = assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SUPPORT, "COMPENSATION").screen(),
                Outcome.SIGNPOSTED, "LLR 6.18");
        assertTrue(money.signposts().contains(Signposts.MEDICO_LEGAL_ADVICE));
        ScreeningDecision conduct = assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SUPPORT, "PROFESSIONAL_CONDUCT")
                .screen(), Outcome.SIGNPOSTED, "LLR 6.17");
        assertTrue(conduct.signposts().contains(Signposts.PROFESSIONAL_REGULATORS));
    }

    @Test
    @DisplayName("LLR 6.4, 4.5.2: someone who only wants a self-help pack gets information only")
    void informationOnly() {
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SUPPORT, "INFORMATION_ONLY").screen(), Outcome.INFORMATION_ONLY,
                "LLR 6.4");
        // A definite refusal still comes first.
        assertDecision(Vignette.icas().with(ServiceQuestions.ICAS_SUPPORT, "INFORMATION_ONLY").stayingIn("OTHER").screen(),
                Outcome.NOT_ELIGIBLE, "LLR 6.9");
    }
}
