package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.LLR;
import static org.advocacyhub.domain.reports.ReportFixtures.allocated;
import static org.advocacyhub.domain.reports.ReportFixtures.closed;
import static org.advocacyhub.domain.reports.ReportFixtures.eligible;
import static org.advocacyhub.domain.reports.ReportFixtures.person;
import static org.advocacyhub.domain.reports.ReportFixtures.received;
import static org.advocacyhub.domain.reports.ReportFixtures.reopened;
import static org.advocacyhub.domain.reports.ReportFixtures.screened;
import static org.advocacyhub.domain.testing.London.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.reports.CountingRules.Decided;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The counting rules one by one (requirements §7, §10). */
class CountingRulesTest {

    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3);
    private static final Reason REASON = new Reason("Not in the area", "LLR 5.2");

    @Test
    @DisplayName("requirements §10: a referral belongs to the quarter of its London date: 23:30 on 31 March (BST) is Q4, 00:30 on 1 April is Q1")
    void quarterOfReceipt() {
        ReferralCase lastNight = received(ServiceCode.IMCA, person("LEICESTER"), at("2026-03-31T23:30"));
        ReferralCase firstMorning = received(ServiceCode.IMCA, person("LEICESTER"), at("2026-04-01T00:30"));
        assertTrue(CountingRules.receivedIn(lastNight, new FinancialQuarter(2025, 4).period()));
        assertFalse(CountingRules.receivedIn(lastNight, new FinancialQuarter(2026, 1).period()));
        assertTrue(CountingRules.receivedIn(firstMorning, new FinancialQuarter(2026, 1).period()));
    }

    @Test
    @DisplayName("LLR 4.5.2, 4.5.5: ELIGIBLE is appropriate; NOT_ELIGIBLE, INFORMATION_ONLY, SIGNPOSTED inappropriate; unscreened, "
            + "NEEDS_INFORMATION and REDIRECT await a decision")
    void decisions() {
        ReferralCase c = received(ServiceCode.IMCA, person("LEICESTER"), at("2026-11-23T10:00"));
        assertEquals(Decided.AWAITING_DECISION, CountingRules.decided(c));
        assertEquals(Decided.APPROPRIATE, CountingRules.decided(eligible(c, at("2026-11-23T11:00"))));
        for (Outcome outcome : new Outcome[] {Outcome.NOT_ELIGIBLE, Outcome.INFORMATION_ONLY, Outcome.SIGNPOSTED}) {
            assertEquals(Decided.INAPPROPRIATE, CountingRules.decided(screened(c, outcome, REASON, at("2026-11-23T11:00"))), outcome.name());
        }
        for (Outcome outcome : new Outcome[] {Outcome.NEEDS_INFORMATION, Outcome.REDIRECT}) {
            assertEquals(Decided.AWAITING_DECISION, CountingRules.decided(screened(c, outcome, REASON, at("2026-11-23T11:00"))));
        }
    }

    @Test
    @DisplayName("LEW 8.12: a case closed in the quarter is closed; the same case reopened is not, and is open again")
    void reopenedIsNotClosed() {
        ReferralCase open = eligible(received(ServiceCode.IMCA, person("LEICESTER"), at("2026-06-01T10:00")), at("2026-06-01T11:00"));
        ReferralCase closedCase = closed(open, at("2026-11-02T10:00"), ClosureReason.OUTCOME_REACHED);
        assertTrue(CountingRules.closedIn(closedCase, Q3.period()));
        assertFalse(CountingRules.closedIn(reopened(closedCase), Q3.period()));
        assertTrue(CountingRules.openDuring(reopened(closedCase), Q3.period()));
    }

    @Test
    @DisplayName("LLR 26.17: carried forward = received before the quarter and not closed before it, accepted or not yet decided")
    void carriedForward() {
        ReferralCase before = received(ServiceCode.IMCA, person("LEICESTER"), at("2026-09-28T10:00"));
        assertEquals(Optional.of(Decided.AWAITING_DECISION), CountingRules.carriedForwardInto(before, Q3));
        assertEquals(Optional.of(Decided.APPROPRIATE), CountingRules.carriedForwardInto(eligible(before, at("2026-09-28T11:00")), Q3));
        assertEquals(Optional.of(Decided.AWAITING_DECISION), CountingRules.carriedForwardInto(eligible(before, at("2026-10-01T09:00")), Q3),
                "decided only after the quarter began: undecided when it began");
        assertEquals(Optional.empty(), CountingRules.carriedForwardInto(screened(before, Outcome.NOT_ELIGIBLE, REASON,
                at("2026-09-28T11:00")), Q3));
        assertEquals(Optional.empty(), CountingRules.carriedForwardInto(closed(eligible(before, at("2026-09-28T11:00")),
                at("2026-09-30T10:00"), ClosureReason.PERSON_DECLINED), Q3));
        assertEquals(Optional.empty(), CountingRules.carriedForwardInto(received(ServiceCode.IMCA, person("LEICESTER"),
                at("2026-10-01T00:01")), Q3));
    }

    @Test
    @DisplayName("LLR 26.17: waiting at quarter end = accepted and not allocated by then; the first allocation counts after a reallocation")
    void waitingList() {
        ReferralCase accepted = eligible(received(ServiceCode.IMCA, person("LEICESTER"), at("2026-12-21T10:00")), at("2026-12-21T11:00"));
        assertTrue(CountingRules.waitingAtEnd(accepted, Q3));
        assertFalse(CountingRules.waitingAtEnd(allocated(accepted, at("2026-12-22T10:00"), "a"), Q3));
        assertTrue(CountingRules.waitingAtEnd(allocated(accepted, at("2027-01-04T10:00"), "a"), Q3), "allocated after the quarter");
        ReferralCase reallocated = allocated(accepted, at("2026-12-22T10:00"), "a");
        reallocated = reallocated.worked(reallocated.status(), reallocated.clocks(),
                reallocated.work().allocatedTo(new Allocation("b", "B", at("2027-01-05T10:00"), "m")));
        assertEquals(Optional.of(at("2026-12-22T10:00")), CountingRules.firstAllocation(reallocated.work()));
        assertFalse(CountingRules.waitingAtEnd(reallocated, Q3));
        assertEquals(7, CountingRules.workingDaysWaited(at("2026-12-21T10:00"), Q3.end(), LLR.calendar()),
                "the 17:00 of 21-24 and 29-31 December passed by quarter end; 25 and 28 are bank holidays, 26-27 a weekend");
    }

    @ParameterizedTest(name = "born {0}, referred {1}: {2}")
    @CsvSource({"2010-10-02, 2026-10-01T10:00, 11 to 15", "2010-10-01, 2026-10-01T10:00, 16 to 17", "2008-10-01, 2026-10-01T10:00, 18 to 24",
        "2001-10-02, 2026-10-01T10:00, 18 to 24", "1941-05-17, 2026-10-01T10:00, 85 and over", "1980-01-01, 2026-10-01T10:00, 45 to 54",
        "2020-01-01, 2026-10-01T10:00, Under 11"})
    @DisplayName("LLR 26.17: age band from the age in whole years on the London date of receipt")
    void ageBands(String born, String receivedAt, String band) {
        assertEquals(band, CountingRules.ageBand(LocalDate.parse(born), at(receivedAt)));
    }

    @Test
    @DisplayName("LLR 26.17: no date of birth is 'Not given'; a birthday at 00:30 London on the day of receipt (23:30 UTC before) counts")
    void ageAtLondonDate() {
        assertEquals("Not given", CountingRules.ageBand(null, at("2026-10-01T10:00")));
        assertEquals(18, CountingRules.ageAt(LocalDate.of(2008, 6, 2), at("2026-06-02T00:30")));
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(value = {"LE1 6ZG|LE1", "le16zg|LE1", " sw1a 1aa |SW1A", "LE19|LE19", "NOT A CODE|Not given", "12345|Not given",
        "null|Not given"}, delimiter = '|', nullValues = "null")
    @DisplayName("LLR 26.17: postcode district = the outward code, upper case; 'Not given' otherwise")
    void postcodeDistricts(String postcode, String district) {
        assertEquals(district, CountingRules.postcodeDistrict(postcode));
    }

    @Test
    @DisplayName("LLR 23.1, 7.38: a person from outside the area, or an unknown authority, goes to the lead authority's workbook")
    void workbooks() {
        assertEquals("LEICESTER", CountingRules.workbookOf(LLR, "LEICESTER"));
        assertEquals("LEICESTERSHIRE", CountingRules.workbookOf(LLR, "OTHER"));
        assertEquals("LEICESTERSHIRE", CountingRules.workbookOf(LLR, "LEWISHAM"));
    }

    @Test
    @DisplayName("LEW 13.3: yes-no answers count yes; 1 to 5 answers count 4 and 5; free text is never counted")
    void feedbackAnswers() {
        FeedbackQuestion yesNo = new FeedbackQuestion("q", "Q?", FeedbackQuestion.AnswerKind.YES_NO, "LEW Appendix 1", false);
        FeedbackQuestion scale = new FeedbackQuestion("s", "S?", FeedbackQuestion.AnswerKind.SCALE_1_TO_5, "LLR 9.51", false);
        FeedbackQuestion text = new FeedbackQuestion("t", "T?", FeedbackQuestion.AnswerKind.SHORT_TEXT, "LEW 17.2", false);
        assertEquals(Optional.of(true), CountingRules.positive(yesNo, "true"));
        assertEquals(Optional.of(false), CountingRules.positive(yesNo, "false"));
        assertEquals(Optional.empty(), CountingRules.positive(yesNo, null));
        assertEquals(Optional.of(true), CountingRules.positive(scale, "4"));
        assertEquals(Optional.of(true), CountingRules.positive(scale, "5"));
        assertEquals(Optional.of(false), CountingRules.positive(scale, "3"));
        assertEquals(Optional.empty(), CountingRules.positive(text, "Alex was great"));
    }

    @Test
    @DisplayName("LLR 5.26: the half-year of Q1 and Q2 starts in April, of Q3 and Q4 in October")
    void halfYears() {
        assertEquals(LocalDate.of(2026, 4, 1), CountingRules.halfYearStart(new FinancialQuarter(2026, 2)));
        assertEquals(LocalDate.of(2026, 10, 1), CountingRules.halfYearStart(new FinancialQuarter(2026, 4)));
    }
}
