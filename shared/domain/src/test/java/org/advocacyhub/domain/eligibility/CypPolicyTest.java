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
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CypPolicyTest {

    @Test
    @DisplayName("LEW 7.5, 7.6, 8.2: the Participation Manager's referral of a looked-after 14 year old for a review is eligible")
    void lookedAfterChildForReview() {
        assertDecision(Vignette.cyp().screen(), Outcome.ELIGIBLE, "LEW 8.2", "LEW 7.5", "LEW 7.6");
        assertDecision(Vignette.cyp().source(ReferralSource.SELF).referrer(ReferrerRelationship.SELF)
                .with(ServiceQuestions.CYP_REASON, "CONCERN_ABOUT_CARE").screen(), Outcome.ELIGIBLE, "LEW 8.2", "LEW 7.6");
    }

    @Test
    @DisplayName("LEW 8.2: a referral from a social worker goes to the Participation Manager for review")
    void otherSourcesGoThroughTheParticipationManager() {
        ScreeningDecision decision = assertDecision(Vignette.cyp().source(ReferralSource.CHILDRENS_SOCIAL_CARE).screen(),
                Outcome.NEEDS_INFORMATION, "LEW 8.2");
        assertEquals(List.of("the Participation Manager"), fromWhom(decision));
    }

    @Test
    @DisplayName("LEW 7.5: looked-after children are eligible under 18, not at 18")
    void lookedAfterAge() {
        assertDecision(Vignette.cyp().aged(17).screen(), Outcome.ELIGIBLE, "LEW 7.5");
        assertDecision(Vignette.cyp().aged(18).screen(), Outcome.NOT_ELIGIBLE, "LEW 7.5");
    }

    @Test
    @DisplayName("LEW 7.14: child protection conference advocacy is for children aged 11 to 16")
    void childProtectionAges() {
        Vignette plan = Vignette.cyp().with(ServiceQuestions.CYP_STATUS, "CHILD_PROTECTION_PLAN")
                .with(ServiceQuestions.CYP_REASON, "CHILD_PROTECTION_CONFERENCE");
        assertDecision(plan.aged(10).screen(), Outcome.NOT_ELIGIBLE, "LEW 7.14");
        assertDecision(plan.aged(11).screen(), Outcome.ELIGIBLE, "LEW 7.14", "LEW 7.6");
        assertDecision(plan.aged(16).screen(), Outcome.ELIGIBLE, "LEW 7.14");
        ScreeningDecision seventeen = assertDecision(plan.aged(17).screen(), Outcome.NOT_ELIGIBLE, "LEW 7.14");
        assertTrue(seventeen.signposts().contains(Signposts.SOCIAL_WORKER_OR_CONFERENCE_CHAIR));
    }

    @Test
    @DisplayName("LEW 7.5: care leavers to 21, or to 25 in education, employment or training or with Personal Adviser support")
    void careLeavers() {
        Vignette leaver = Vignette.cyp().with(ServiceQuestions.CYP_STATUS, "CARE_LEAVER")
                .with(ServiceQuestions.CYP_REASON, "CARE_LEAVER_CONCERN");
        assertDecision(leaver.aged(20).screen(), Outcome.ELIGIBLE, "LEW 7.5");
        assertDecision(leaver.aged(22).with(ServiceQuestions.CYP_EET, "true").screen(), Outcome.ELIGIBLE, "LEW 7.5");
        assertDecision(leaver.aged(22).with(ServiceQuestions.CYP_EET, "false").screen(), Outcome.NOT_ELIGIBLE, "LEW 7.5");
        assertDecision(leaver.aged(22).without(ServiceQuestions.CYP_EET).screen(), Outcome.NEEDS_INFORMATION, "LEW 7.5");
        ScreeningDecision tooOld = assertDecision(leaver.aged(25).with(ServiceQuestions.CYP_EET, "true").screen(),
                Outcome.NOT_ELIGIBLE, "LEW 7.5");
        assertTrue(tooOld.signposts().contains(Signposts.ADVICE_SERVICES));
        Vignette adviser = Vignette.cyp().with(ServiceQuestions.CYP_STATUS, "CARE_LEAVER_PERSONAL_ADVISER")
                .with(ServiceQuestions.CYP_REASON, "CARE_LEAVER_CONCERN");
        assertDecision(adviser.aged(24).screen(), Outcome.ELIGIBLE, "LEW 7.5");
        assertDecision(adviser.aged(25).screen(), Outcome.NOT_ELIGIBLE, "LEW 7.5");
    }

    @Test
    @DisplayName("LEW 7.5: a young person in none of the groups is not eligible; an unknown status is asked")
    void noneOfTheGroups() {
        ScreeningDecision decision = assertDecision(Vignette.cyp().with(ServiceQuestions.CYP_STATUS, "NONE_OF_THESE").screen(),
                Outcome.NOT_ELIGIBLE, "LEW 7.5");
        assertTrue(decision.signposts().contains(Signposts.CHILDLINE));
        assertDecision(Vignette.cyp().without(ServiceQuestions.CYP_STATUS).screen(), Outcome.NEEDS_INFORMATION, "LEW 7.5");
    }

    @Test
    @DisplayName("LEW 7.8: a young person in secure provision with its own advocacy service is not eligible")
    void secureProvision() {
        assertDecision(Vignette.cyp().with(ServiceQuestions.CYP_SECURE, "true").screen(), Outcome.NOT_ELIGIBLE, "LEW 7.8");
        assertDecision(Vignette.cyp().without(ServiceQuestions.CYP_SECURE).residence(Residence.SECURE_SETTING).screen(),
                Outcome.NEEDS_INFORMATION, "LEW 7.8");
        assertDecision(Vignette.cyp().without(ServiceQuestions.CYP_SECURE).screen(), Outcome.ELIGIBLE);
    }

    @Test
    @DisplayName("LEW 7.22: a young person who may need an IMCA or IMHA instead waits for the commissioner's decision")
    void mayNeedImcaOrImha() {
        ScreeningDecision decision = assertDecision(Vignette.cyp().aged(16).with(ServiceQuestions.CYP_IMCA_OR_IMHA, "true").screen(),
                Outcome.NEEDS_INFORMATION, "LEW 7.22");
        assertEquals(List.of("the commissioner at the council"), fromWhom(decision));
        // IMCA and IMHA belong to another contract: not suggested as this hub's services for a Lewisham young person.
        assertEquals(Set.of(), decision.alsoLooksEligibleFor());
    }

    @Test
    @DisplayName("LEW 7.6, 7.9: a reason outside the young person's group goes to the commissioner; no reason is asked")
    void reasons() {
        assertDecision(Vignette.cyp().with(ServiceQuestions.CYP_REASON, "CARE_LEAVER_CONCERN").screen(), Outcome.NEEDS_INFORMATION,
                "LEW 7.9");
        assertDecision(Vignette.cyp().with(ServiceQuestions.CYP_REASON, "OTHER").screen(), Outcome.NEEDS_INFORMATION, "LEW 7.9");
        assertDecision(Vignette.cyp().without(ServiceQuestions.CYP_REASON).screen(), Outcome.NEEDS_INFORMATION, "LEW 7.6");
    }

    @Test
    @DisplayName("LEW 8.6: a looked-after child placed out of the borough is eligible")
    void placedOutOfBorough() {
        assertDecision(Vignette.cyp().stayingIn("OTHER").screen(), Outcome.ELIGIBLE);
    }
}
