package org.advocacyhub.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.LegalHold;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.retention.Anonymiser;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: an anonymised case keeps nothing of the person, and the quarter's return built from anonymised cases is the
 * return built from the cases as they were (people supported, age bands, postcode districts, decision types, goals' KPI).
 * Here, beside the report fixtures that build cases through each stage.
 */
class AnonymiserTest {

    private static final byte[] KEY = "a deployment's retention key, for the test".getBytes(StandardCharsets.UTF_8);
    private static final Instant OCTOBER = Instant.parse("2026-10-05T10:00:00Z");

    private static ReferralCase closedImca(Person person, Instant received) {
        ReferralCase c = ReportFixtures.received(ServiceCode.IMCA, person, received, Urgency.STANDARD, ReferralSource.ADULT_SOCIAL_CARE,
                Map.of("decisionType", "COUNCIL_CARE_HOME_ACCOMMODATION"));
        c = ReportFixtures.allocated(ReportFixtures.eligible(c, received.plusSeconds(600)), received.plusSeconds(3600), "ira-imca");
        c = ReportFixtures.withGoals(c, Goal.Status.ACHIEVED, Goal.Status.NOT_ACHIEVED);
        return ReportFixtures.closed(c, received.plusSeconds(86_400 * 10), ClosureReason.OUTCOME_REACHED);
    }

    private static QuarterlyReturn llr(List<ReferralCase> cases) {
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(ReportFixtures.LLR, new FinancialQuarter(2026, 3), ReportFixtures.CALENDAR);
        cases.forEach(builder::addCase);
        return builder.build(Instant.parse("2027-01-08T07:00:00Z"), "test");
    }

    @Test
    void theQuartersReturnFromAnonymisedCasesIsTheReturnFromTheCasesAsTheyWere() {
        Person alex = ReportFixtures.person("Alex Testperson", LocalDate.of(1941, 5, 17), "LEICESTER");
        Person again = ReportFixtures.person("TESTPERSON, Alex", LocalDate.of(1941, 5, 17), "LEICESTER");
        Person sam = ReportFixtures.person("Samira Otherperson", LocalDate.of(2008, 10, 5), "LEICESTER");
        List<ReferralCase> cases = List.of(closedImca(alex, OCTOBER), closedImca(again, OCTOBER.plusSeconds(86_400 * 14)),
                closedImca(sam, OCTOBER.plusSeconds(3600)),
                ReportFixtures.screened(ReportFixtures.received(ServiceCode.IMCA, sam, OCTOBER.plusSeconds(7200)), Outcome.NOT_ELIGIBLE,
                        new Reason("Has capacity for the decision.", "LLR 5.8"), OCTOBER.plusSeconds(9000)));
        List<ReferralCase> anonymised = cases.stream().map(c -> Anonymiser.anonymise(c, KEY)).toList();

        QuarterlyReturn before = llr(cases);
        assertEquals(before.workbooks(), llr(anonymised).workbooks(), "the same figures, sheet by sheet");

        String kept = anonymised.toString();
        for (String personal : List.of("Alex", "Testperson", "TESTPERSON", "1941-05-17", "Samira", "Otherperson", "2008-10-05", "LE1 7RH",
                "sam@council.example", "reason=Reason", "summary=Done", "name=Sam")) {
            assertFalse(kept.contains(personal), personal + " is still in an anonymised case");
        }
        assertEquals("LE1", anonymised.get(0).details().person().postcode(), "the postcode's district stays");
        assertEquals(anonymised.get(0).details().person().name(), anonymised.get(1).details().person().name(),
                "one person's two cases: one pseudonym");
        assertNotEquals(anonymised.get(0).details().person().name(), anonymised.get(2).details().person().name());
    }

    @Test
    void theReplacedDateOfBirthGivesTheSameAgeOnTheDayOfTheReferralAndIsNeverTheRealOne() {
        Instant received = Instant.parse("2026-11-23T10:00:00Z");
        for (LocalDate born : List.of(LocalDate.of(1941, 11, 23), LocalDate.of(1941, 11, 24), LocalDate.of(1960, 2, 29),
                LocalDate.of(2010, 1, 1))) {
            ReferralCase c = ReportFixtures.received(ServiceCode.IMCA, ReportFixtures.person("Alex Testperson", born, "LEICESTER"),
                    received);
            LocalDate replaced = Anonymiser.anonymise(c, KEY).details().person().dateOfBirth();
            assertNotEquals(born, replaced);
            assertEquals(CountingRules.ageAt(born, received), CountingRules.ageAt(replaced, received), born + " -> " + replaced);
        }
    }

    @Test
    void lew175CaseloadWordsGoTheStatusesThatAreCountedStay() {
        ReferralCase c = ReportFixtures.eligible(ReportFixtures.received(ServiceCode.CYP, ReportFixtures.person("Jo Young",
                LocalDate.of(2010, 3, 4), "LEWISHAM"), OCTOBER), OCTOBER.plusSeconds(600));
        c = c.worked(c.status(), c.clocks(), c.work().withCypReturn(new org.advocacyhub.domain.casework.CypReturn(
                org.advocacyhub.domain.casework.CypReturn.Group.LAC, org.advocacyhub.domain.referral.questions.CypReason.FORMAL_MEETING,
                null, new org.advocacyhub.domain.casework.CypReturn.Caseload("Sam Worker", true,
                org.advocacyhub.domain.casework.CypReturn.LegalStatus.CARE_ORDER, "Jo wants to stay with her foster carers",
                "Met Jo at school", new java.math.BigDecimal("3")))));
        org.advocacyhub.domain.casework.CypReturn.Caseload kept = Anonymiser.anonymise(c, KEY).work().cypReturn().caseload();
        assertEquals(new org.advocacyhub.domain.casework.CypReturn.Caseload(null, true,
                org.advocacyhub.domain.casework.CypReturn.LegalStatus.CARE_ORDER, null, null, new java.math.BigDecimal("3")), kept);
    }

    @Test
    void aCaseUnderALegalHoldIsNotAnonymised() {
        ReferralCase c = closedImca(ReportFixtures.person("Alex Testperson", LocalDate.of(1941, 5, 17), "LEICESTER"), OCTOBER);
        ReferralCase held = c.worked(c.status(), c.clocks(), c.work().withLegalHold(new LegalHold(LegalHold.Reason.LITIGATION, "A claim",
                "morgan-manager", OCTOBER)));
        assertThrows(IllegalStateException.class, () -> Anonymiser.anonymise(held, KEY));
    }
}
