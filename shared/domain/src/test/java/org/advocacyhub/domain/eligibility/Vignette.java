package org.advocacyhub.domain.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.Urgency;

/**
 * A screening vignette: a referral that starts eligible for its service, changed one fact at a
 * time by the test. Screened on {@link #TODAY} with the bundled contracts.
 */
final class Vignette {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PERSON_NAME = "Alex Testperson";

    private final ServiceCode service;
    private LocalDate dateOfBirth;
    private String authority;
    private Residence residence;
    private ReferralSource source;
    private ReferrerRelationship relationship;
    private Awareness awareness = Awareness.AWARE_AND_AGREES;
    private Urgency urgency = Urgency.STANDARD;
    private final Map<String, String> answers = new LinkedHashMap<>();

    private Vignette(ServiceCode service, int age, String authority, Residence residence, ReferralSource source,
                     ReferrerRelationship relationship) {
        this.service = service;
        aged(age);
        this.authority = authority;
        this.residence = residence;
        this.source = source;
        this.relationship = relationship;
    }

    static Vignette of(ServiceCode service) {
        return switch (service) {
            case IMCA -> imca();
            case DOLS_IMCA -> dolsImca();
            case IMHA -> imha();
            case CARE_ACT -> careAct();
            case ICAS -> icas();
            case CYP -> cyp();
            case ACCOMMODATION -> accommodation();
        };
    }

    /** A decision maker's referral for a council care home move of more than 8 weeks, nobody to consult. */
    static Vignette imca() {
        return new Vignette(ServiceCode.IMCA, 80, "LEICESTER", Residence.GENERAL_HOSPITAL, ReferralSource.ADULT_SOCIAL_CARE,
                ReferrerRelationship.DECISION_MAKER)
                .awareness(Awareness.UNABLE_TO_AGREE)
                .with(ServiceQuestions.IMCA_DECISION, "COUNCIL_CARE_HOME_ACCOMMODATION")
                .with(ServiceQuestions.IMCA_STAY, "MORE_THAN_8_WEEKS")
                .with(ServiceQuestions.IMCA_CAPACITY, "LACKS_CAPACITY")
                .with(ServiceQuestions.IMCA_CAPACITY_ASSESSED, "true")
                .with(ServiceQuestions.IMCA_CONSULTEE, "NO");
    }

    /** A Leicestershire DoLS team's section 39A referral for a standard authorisation. */
    static Vignette dolsImca() {
        return new Vignette(ServiceCode.DOLS_IMCA, 85, "LEICESTERSHIRE", Residence.CARE_HOME, ReferralSource.DOLS_TEAM,
                ReferrerRelationship.PROFESSIONAL)
                .awareness(Awareness.UNABLE_TO_AGREE)
                .with(ServiceQuestions.DOLS_ROLE, "SECTION_39A")
                .with(ServiceQuestions.DOLS_AUTHORISATION, "STANDARD")
                .with(ServiceQuestions.DOLS_SUPERVISORY_BODY, "LEICESTERSHIRE");
    }

    /** A ward's referral, with consent, of a patient detained under section 3 in an LPT hospital. */
    static Vignette imha() {
        return new Vignette(ServiceCode.IMHA, 36, "LEICESTER", Residence.MENTAL_HEALTH_HOSPITAL,
                ReferralSource.MENTAL_HEALTH_SERVICES, ReferrerRelationship.PROFESSIONAL)
                .with(ServiceQuestions.MHA_STATUS, "SECTION_3")
                .with(ServiceQuestions.IMHA_HOSPITAL, "LEICESTERSHIRE_PARTNERSHIP_TRUST");
    }

    /** Adult social care's referral for a needs assessment: substantial difficulty, nobody to help. */
    static Vignette careAct() {
        return new Vignette(ServiceCode.CARE_ACT, 47, "RUTLAND", Residence.SUPPORTED_LIVING, ReferralSource.ADULT_SOCIAL_CARE,
                ReferrerRelationship.PROFESSIONAL)
                .with(ServiceQuestions.CARE_ACT_PROCESS, "NEEDS_ASSESSMENT")
                .with(ServiceQuestions.CARE_ACT_PERSON, "ADULT_WITH_NEEDS")
                .with(ServiceQuestions.CARE_ACT_DIFFICULTY, "USING_OR_WEIGHING")
                .with(ServiceQuestions.CARE_ACT_APPROPRIATE_INDIVIDUAL, "NO")
                .with(ServiceQuestions.CARE_ACT_ORDINARY_RESIDENCE, "YES")
                .with(ServiceQuestions.CARE_ACT_PRISON, "NOT_IN_PRISON");
    }

    /** A self-referral to complain about a late father's NHS hospital care. */
    static Vignette icas() {
        return new Vignette(ServiceCode.ICAS, 58, "LEICESTER", Residence.OWN_HOME, ReferralSource.SELF, ReferrerRelationship.SELF)
                .with(ServiceQuestions.ICAS_SERVICE_KIND, "HOSPITAL")
                .with(ServiceQuestions.ICAS_NHS_FUNDED, "YES")
                .with(ServiceQuestions.ICAS_COMPLAINANT, "FOR_SOMEONE_WHO_DIED")
                .with(ServiceQuestions.ICAS_PLACED_OUTSIDE, "false")
                .with(ServiceQuestions.ICAS_SUPPORT, "ADVOCATE");
    }

    /** The Participation Manager's referral of a 14 year old looked-after child for a LAC review. */
    static Vignette cyp() {
        return new Vignette(ServiceCode.CYP, 14, "LEWISHAM", Residence.FOSTER_OR_RESIDENTIAL_CARE,
                ReferralSource.PARTICIPATION_MANAGER, ReferrerRelationship.PROFESSIONAL)
                .with(ServiceQuestions.CYP_STATUS, "LOOKED_AFTER")
                .with(ServiceQuestions.CYP_REASON, "FORMAL_MEETING")
                .with(ServiceQuestions.CYP_SECURE, "false")
                .with(ServiceQuestions.CYP_IMCA_OR_IMHA, "false");
    }

    /** Children's social care's urgent referral of a homeless 17 year old. */
    static Vignette accommodation() {
        return new Vignette(ServiceCode.ACCOMMODATION, 17, "DERBY", Residence.TEMPORARY_OR_NO_FIXED_ADDRESS,
                ReferralSource.CHILDRENS_SOCIAL_CARE, ReferrerRelationship.PROFESSIONAL)
                .urgency(Urgency.URGENT)
                .with(ServiceQuestions.ACCOMMODATION_CATEGORY, "HOMELESS_16_17");
    }

    /** The person's age on {@link #TODAY} is {@code years}: their birthday was ten days ago. */
    Vignette aged(int years) {
        dateOfBirth = TODAY.minusYears(years).minusDays(10);
        return this;
    }

    /** Born on {@code date}. */
    Vignette born(LocalDate date) {
        dateOfBirth = date;
        return this;
    }

    Vignette stayingIn(String authorityCode) {
        authority = authorityCode;
        return this;
    }

    Vignette residence(Residence where) {
        residence = where;
        return this;
    }

    Vignette source(ReferralSource from) {
        source = from;
        return this;
    }

    Vignette referrer(ReferrerRelationship who) {
        relationship = who;
        return this;
    }

    Vignette awareness(Awareness value) {
        awareness = value;
        return this;
    }

    Vignette urgency(Urgency value) {
        urgency = value;
        return this;
    }

    Vignette with(FieldSpec question, String value) {
        answers.put(ServiceQuestions.key(question), value);
        return this;
    }

    Vignette with(FieldSpec question, Choice value) {
        return with(question, value.name());
    }

    Vignette without(FieldSpec question) {
        answers.remove(ServiceQuestions.key(question));
        return this;
    }

    ReferralDetails referral() {
        Person person = new Person(PERSON_NAME, dateOfBirth, Gender.NOT_KNOWN, Ethnicity.NOT_KNOWN, Set.of(Disability.NOT_KNOWN),
                residence, null, null, authority, null, "English", false);
        Referrer referrer = new Referrer(relationship, "Sam Example", relationship == ReferrerRelationship.SELF ? null : "Worker",
                relationship == ReferrerRelationship.SELF ? null : "Example organisation", "sam@example.org", null);
        return new ReferralDetails(service, ReferralRoute.ONLINE_FORM, source, person, referrer, urgency, null, null, awareness,
                "Reason for referral", answers);
    }

    ScreeningInput input() {
        return new ScreeningInput(referral(), TODAY, ContractCatalogue.bundled().contractFor(service));
    }

    /** Screens with the policy the bundled contract configures, and checks the invariants every decision keeps. */
    ScreeningDecision screen() {
        ScreeningDecision decision = EligibilityPolicies.screen(input());
        checkInvariants(decision);
        return decision;
    }

    static void checkInvariants(ScreeningDecision decision) {
        assertFalse(decision.reasons().isEmpty(), "every decision has a reason");
        for (Reason reason : decision.reasons()) {
            assertTrue(reason.clause().matches("(LLR|LEW|SCIE|DERBY) \\S.*"), reason.clause());
            assertFalse(reason.plainEnglish().contains(PERSON_NAME), "no personal data in letters: " + reason);
        }
        decision.informationNeeded().forEach(item -> assertFalse(item.what().contains(PERSON_NAME)));
        assertEquals(decision.outcome() == Outcome.NEEDS_INFORMATION, !decision.informationNeeded().isEmpty());
        assertEquals(decision.outcome() == Outcome.REDIRECT, decision.redirectTo() != null);
        if (decision.outcome() == Outcome.NOT_ELIGIBLE || decision.outcome() == Outcome.SIGNPOSTED) {
            assertFalse(decision.signposts().isEmpty(), "a refusal says where else to go (LLR 6.10, 8.32): " + decision);
        }
    }

    /** Asserts the outcome and that each clause is among the decision's reasons. */
    static ScreeningDecision assertDecision(ScreeningDecision decision, Outcome outcome, String... clauses) {
        assertNotNull(decision);
        assertEquals(outcome, decision.outcome(), () -> "decision: " + decision);
        for (String clause : clauses) {
            assertTrue(decision.clauses().contains(clause), () -> "expected a reason citing " + clause + " in " + decision.reasons());
        }
        return decision;
    }

    static List<String> fromWhom(ScreeningDecision decision) {
        return decision.informationNeeded().stream().map(InformationNeeded::fromWhom).distinct().toList();
    }
}
