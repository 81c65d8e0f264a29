package org.advocacyhub.domain.eligibility;

import static org.advocacyhub.domain.eligibility.Vignette.assertDecision;
import static org.advocacyhub.domain.eligibility.Vignette.fromWhom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImcaPolicyTest {

    @Test
    @DisplayName("LLR 5.52, 5.53d, 5.57-5.58: the decision maker's referral for a council care home move of more than 8 weeks is eligible")
    void councilCareHomeMoveIsEligible() {
        ScreeningDecision decision = assertDecision(Vignette.imca().screen(), Outcome.ELIGIBLE,
                "LLR 5.52", "LLR 5.30", "LLR 5.53d", "LLR 5.52a", "LLR 5.60", "LLR 5.52b", "LLR 5.57-5.58");
        // SCIE Interactions: a council process, so Care Act advocacy may apply too.
        assertEquals(Set.of(ServiceCode.CARE_ACT), decision.alsoLooksEligibleFor());
    }

    @Test
    @DisplayName("LLR 5.53a: serious medical treatment is eligible, and is not a council process")
    void seriousMedicalTreatment() {
        ScreeningDecision decision = assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_DECISION, "SERIOUS_MEDICAL_TREATMENT")
                .without(ServiceQuestions.IMCA_STAY).screen(), Outcome.ELIGIBLE, "LLR 5.53a");
        assertEquals(Set.of(), decision.alsoLooksEligibleFor());
    }

    @Test
    @DisplayName("LLR 5.52, 5.4: a person under 16 is not eligible; a 16 year old is")
    void age() {
        assertDecision(Vignette.imca().aged(15).screen(), Outcome.NOT_ELIGIBLE, "LLR 5.52");
        assertDecision(Vignette.imca().aged(16).screen(), Outcome.ELIGIBLE, "LLR 5.52");
        // The day before the 16th birthday is still 15.
        assertDecision(Vignette.imca().born(Vignette.TODAY.minusYears(16).plusDays(1)).screen(), Outcome.NOT_ELIGIBLE, "LLR 5.52");
    }

    @Test
    @DisplayName("LLR 5.30: staying in the area at instruction counts whatever the home area; staying elsewhere is not eligible")
    void whereThePersonIsStaying() {
        assertDecision(Vignette.imca().stayingIn("RUTLAND").screen(), Outcome.ELIGIBLE, "LLR 5.30");
        ScreeningDecision elsewhere = assertDecision(Vignette.imca().stayingIn("OTHER").screen(), Outcome.NOT_ELIGIBLE, "LLR 5.30");
        assertTrue(elsewhere.signposts().contains(Signposts.IMCA_ELSEWHERE));
    }

    @Test
    @DisplayName("LLR 5.52a: a person who can make the decision is not eligible, and may be for Care Act advocacy")
    void hasCapacity() {
        ScreeningDecision decision = assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_CAPACITY, "HAS_CAPACITY").screen(),
                Outcome.NOT_ELIGIBLE, "LLR 5.52a");
        assertEquals(1, decision.reasons().size());
        assertEquals(Set.of(ServiceCode.CARE_ACT), decision.alsoLooksEligibleFor());
    }

    @Test
    @DisplayName("LLR 5.52a: when the decision maker's view of capacity is not known, the hub asks the decision maker")
    void capacityNotSure() {
        ScreeningDecision decision = assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_CAPACITY, "NOT_SURE").screen(),
                Outcome.NEEDS_INFORMATION, "LLR 5.52a");
        assertEquals(List.of("the decision maker"), fromWhom(decision));
    }

    @Test
    @DisplayName("LLR 5.52b: a person with a family member or friend to consult is not eligible")
    void familyToConsult() {
        assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_CONSULTEE, "YES").screen(), Outcome.NOT_ELIGIBLE, "LLR 5.52b");
        assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_CONSULTEE, "NOT_KNOWN").screen(), Outcome.NEEDS_INFORMATION,
                "LLR 5.52b");
    }

    @Test
    @DisplayName("LLR 5.54b: safeguarding IMCA is eligible even with family to consult")
    void safeguardingWithFamily() {
        assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_DECISION, "ADULT_SAFEGUARDING")
                .with(ServiceQuestions.IMCA_CONSULTEE, "YES").screen(), Outcome.ELIGIBLE, "LLR 5.54b");
    }

    @Test
    @DisplayName("LLR 5.54a: a care review is eligible only when no one else is available to consult")
    void careReview() {
        assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_DECISION, "CARE_REVIEW").screen(), Outcome.ELIGIBLE, "LLR 5.54a");
        assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_DECISION, "CARE_REVIEW")
                .with(ServiceQuestions.IMCA_CONSULTEE, "YES").screen(), Outcome.NOT_ELIGIBLE, "LLR 5.54a");
    }

    @Test
    @DisplayName("LLR 5.53c: an NHS hospital stay needs to be expected to last more than 28 days")
    void nhsHospitalStay() {
        Vignette hospital = Vignette.imca().with(ServiceQuestions.IMCA_DECISION, "NHS_HOSPITAL_ACCOMMODATION");
        assertDecision(hospital.with(ServiceQuestions.IMCA_STAY, "UP_TO_28_DAYS").screen(), Outcome.NOT_ELIGIBLE, "LLR 5.53c");
        assertDecision(hospital.with(ServiceQuestions.IMCA_STAY, "MORE_THAN_28_DAYS_UP_TO_8_WEEKS").screen(), Outcome.ELIGIBLE,
                "LLR 5.53c");
        ScreeningDecision unknown = assertDecision(hospital.with(ServiceQuestions.IMCA_STAY, "NOT_KNOWN").screen(),
                Outcome.NEEDS_INFORMATION, "LLR 5.53c");
        assertEquals("How long the stay is expected to last", unknown.informationNeeded().get(0).what());
    }

    @ParameterizedTest(name = "LLR 5.53d: a {0} stay needs to be expected to last more than 8 weeks")
    @ValueSource(strings = {"NHS_CARE_HOME_ACCOMMODATION", "COUNCIL_CARE_HOME_ACCOMMODATION"})
    void careHomeStay(String decision) {
        Vignette move = Vignette.imca().with(ServiceQuestions.IMCA_DECISION, decision);
        assertDecision(move.with(ServiceQuestions.IMCA_STAY, "MORE_THAN_28_DAYS_UP_TO_8_WEEKS").screen(), Outcome.NOT_ELIGIBLE,
                "LLR 5.53d");
        assertDecision(move.with(ServiceQuestions.IMCA_STAY, "MORE_THAN_8_WEEKS").screen(), Outcome.ELIGIBLE, "LLR 5.53d");
        assertDecision(move.without(ServiceQuestions.IMCA_STAY).screen(), Outcome.NEEDS_INFORMATION, "LLR 5.53d");
    }

    @Test
    @DisplayName("LLR 5.53-5.54: a decision that is not an IMCA decision is not eligible")
    void otherDecision() {
        assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_DECISION, "OTHER").screen(), Outcome.NOT_ELIGIBLE, "LLR 5.53-5.54");
    }

    @Test
    @DisplayName("LLR 5.57-5.58: a third-party referral needs the decision maker's confirmation before it is accepted")
    void thirdPartyReferral() {
        ScreeningDecision decision = assertDecision(Vignette.imca().referrer(ReferrerRelationship.PROFESSIONAL).screen(),
                Outcome.NEEDS_INFORMATION, "LLR 5.57-5.58");
        assertEquals(1, decision.reasons().size());
        assertEquals(List.of(new InformationNeeded("Confirmation that the decision maker instructs an IMCA for this decision",
                "the decision maker")), decision.informationNeeded());
        ScreeningDecision named = Vignette.imca().referrer(ReferrerRelationship.FAMILY_OR_FRIEND)
                .with(ServiceQuestions.IMCA_DECISION_MAKER, "Dr Example, consultant, Leicester Royal Infirmary").screen();
        assertEquals(List.of("the decision maker named in the referral"), fromWhom(named));
    }

    @Test
    @DisplayName("LLR 5.60: no capacity assessment yet, or not said, means the hub asks the decision maker")
    void noCapacityAssessment() {
        ScreeningDecision notDone = assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_CAPACITY_ASSESSED, "false").screen(),
                Outcome.NEEDS_INFORMATION, "LLR 5.60");
        assertEquals("A capacity assessment for this decision", notDone.informationNeeded().get(0).what());
        assertDecision(Vignette.imca().without(ServiceQuestions.IMCA_CAPACITY_ASSESSED).screen(), Outcome.NEEDS_INFORMATION, "LLR 5.60");
    }

    @Test
    @DisplayName("LLR 9.33: an IMCA referral about a DoLS authorisation is redirected to the DoLS IMCA service")
    void dolsDecisionIsRedirected() {
        ScreeningDecision decision = assertDecision(Vignette.imca().with(ServiceQuestions.IMCA_DECISION, "DEPRIVATION_OF_LIBERTY")
                .screen(), Outcome.REDIRECT, "LLR 9.33");
        assertEquals(ServiceCode.DOLS_IMCA, decision.redirectTo());
        assertTrue(decision.alsoLooksEligibleFor().contains(ServiceCode.DOLS_IMCA));
    }

    @Test
    @DisplayName("LLR 5.53-5.60: a referral with no service answers lists each thing to ask the decision maker")
    void nothingAnswered() {
        Vignette bare = Vignette.imca();
        ServiceQuestions.forService(ServiceCode.IMCA).forEach(bare::without);
        ScreeningDecision decision = assertDecision(bare.screen(), Outcome.NEEDS_INFORMATION,
                "LLR 5.53-5.54", "LLR 5.52a", "LLR 5.60", "LLR 5.52b");
        assertEquals(4, decision.informationNeeded().size());
        assertEquals(List.of("the decision maker"), fromWhom(decision));
    }
}
