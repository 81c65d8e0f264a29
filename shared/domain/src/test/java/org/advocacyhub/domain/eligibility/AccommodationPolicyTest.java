package org.advocacyhub.domain.eligibility;

import static org.advocacyhub.domain.eligibility.Vignette.assertDecision;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.Urgency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AccommodationPolicyTest {

    @Test
    @DisplayName("DERBY 3.1.1, 3.3.1: children's social care's urgent referral of a homeless 17 year old is eligible")
    void homeless17() {
        assertDecision(Vignette.accommodation().screen(), Outcome.ELIGIBLE, "DERBY 3.1.1", "DERBY 3.3.1");
        assertDecision(Vignette.accommodation().urgency(Urgency.STANDARD).aged(16).screen(), Outcome.ELIGIBLE, "DERBY 3.1.1");
    }

    @Test
    @DisplayName("DERBY 3.1.1: the homeless category is for 16 and 17 year olds only")
    void homelessAges() {
        ScreeningDecision fifteen = assertDecision(Vignette.accommodation().aged(15).screen(), Outcome.NOT_ELIGIBLE, "DERBY 3.1.1");
        assertTrue(fifteen.signposts().contains(Signposts.CHILDRENS_ADVOCACY));
        ScreeningDecision eighteen = assertDecision(Vignette.accommodation().aged(18).screen(), Outcome.NOT_ELIGIBLE, "DERBY 3.1.1");
        assertTrue(eighteen.signposts().contains(Signposts.ADULT_HOUSING_OPTIONS));
    }

    @Test
    @DisplayName("DERBY 3.1.1: care leavers up to 21, or up to 25 in education or training")
    void careLeavers() {
        Vignette leaver = Vignette.accommodation().with(ServiceQuestions.ACCOMMODATION_CATEGORY, "CARE_LEAVER");
        assertDecision(leaver.aged(20).screen(), Outcome.ELIGIBLE, "DERBY 3.1.1");
        assertDecision(leaver.aged(23).with(ServiceQuestions.ACCOMMODATION_EDUCATION, "true").screen(), Outcome.ELIGIBLE, "DERBY 3.1.1");
        assertDecision(leaver.aged(23).with(ServiceQuestions.ACCOMMODATION_EDUCATION, "false").screen(), Outcome.NOT_ELIGIBLE,
                "DERBY 3.1.1");
        assertDecision(leaver.aged(23).without(ServiceQuestions.ACCOMMODATION_EDUCATION).screen(), Outcome.NEEDS_INFORMATION,
                "DERBY 3.1.1");
        assertDecision(leaver.aged(25).with(ServiceQuestions.ACCOMMODATION_EDUCATION, "true").screen(), Outcome.NOT_ELIGIBLE,
                "DERBY 3.1.1");
    }

    @Test
    @DisplayName("DERBY 3.1.1: looked-after young people leaving care from 16 to 18")
    void lookedAfterLeavingCare() {
        Vignette leaving = Vignette.accommodation().with(ServiceQuestions.ACCOMMODATION_CATEGORY, "LOOKED_AFTER_LEAVING_CARE");
        assertDecision(leaving.aged(15).screen(), Outcome.NOT_ELIGIBLE, "DERBY 3.1.1");
        assertDecision(leaving.aged(16).screen(), Outcome.ELIGIBLE, "DERBY 3.1.1");
        assertDecision(leaving.aged(18).screen(), Outcome.ELIGIBLE, "DERBY 3.1.1");
        assertDecision(leaving.aged(19).screen(), Outcome.NOT_ELIGIBLE, "DERBY 3.1.1");
    }

    @Test
    @DisplayName("DERBY 3.3.1: a self-referral is signposted to the council teams that assess and refer")
    void selfReferral() {
        ScreeningDecision decision = assertDecision(Vignette.accommodation().source(ReferralSource.SELF)
                .referrer(ReferrerRelationship.SELF).screen(), Outcome.SIGNPOSTED, "DERBY 3.3.1");
        assertTrue(decision.signposts().contains(Signposts.DERBY_REFERRING_TEAMS));
    }

    @Test
    @DisplayName("DERBY 3.1.1: a young person in none of the groups is not eligible; an unknown group is asked")
    void noneOfTheGroups() {
        assertDecision(Vignette.accommodation().with(ServiceQuestions.ACCOMMODATION_CATEGORY, "NONE_OF_THESE").screen(),
                Outcome.NOT_ELIGIBLE, "DERBY 3.1.1");
        assertDecision(Vignette.accommodation().without(ServiceQuestions.ACCOMMODATION_CATEGORY).screen(), Outcome.NEEDS_INFORMATION,
                "DERBY 3.1.1");
    }

    @Test
    @DisplayName("DERBY 3.1.1: where the young person is staying now does not matter: the council may place out of area")
    void placedOutOfArea() {
        assertDecision(Vignette.accommodation().stayingIn("OTHER").screen(), Outcome.ELIGIBLE);
        assertDecision(Vignette.accommodation().stayingIn("NOTTINGHAM").screen(), Outcome.ELIGIBLE);
    }
}
