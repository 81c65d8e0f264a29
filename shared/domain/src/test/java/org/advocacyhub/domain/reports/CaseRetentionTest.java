package org.advocacyhub.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.LegalHold;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.retention.CaseRetention;
import org.advocacyhub.domain.retention.RetainedKind;
import org.advocacyhub.domain.retention.RetentionPeriod;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: each contract's retention periods as its file sets them (the rest the documented defaults), and when a case's
 * time starts and ends. Here, beside the report fixtures that build cases through each stage.
 */
class CaseRetentionTest {

    private static final Instant RECEIVED = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void eachBundledContractSetsItsPeriodsAndCitesAClauseOrGivesTheProvidersBasis() {
        RetentionPeriod llrCases = ReportFixtures.LLR.retention().period(RetainedKind.CLOSED_CASE);
        assertEquals(6, llrCases.years());
        assertEquals(25, llrCases.untilAge(), "LLR serves people from 16 (LLR 5.4)");
        assertTrue(llrCases.why().startsWith("the provider's choice: six years, the Limitation Act 1980"), llrCases.why());
        assertEquals(1, ReportFixtures.LLR.retention().period(RetainedKind.DECLINED_REFERRAL).years());
        for (var contract : List.of(ReportFixtures.LLR, ReportFixtures.LEW, ReportFixtures.DERBY)) {
            assertEquals(RetentionPeriod.byClause(3, "LEW 14.3"), contract.retention().period(RetainedKind.COMPLAINT), contract.code());
            assertEquals(25, contract.retention().period(RetainedKind.CLOSED_CASE).untilAge(), contract.code());
        }
        assertEquals(RetentionPolicy.DEFAULTS.period(RetainedKind.DECLINED_REFERRAL),
                ReportFixtures.LEW.retention().period(RetainedKind.DECLINED_REFERRAL), "a kind a file does not set keeps the default");
    }

    @Test
    void aClosedAdultsCaseIsKeptSixYearsFromItsClosingDayInLondon() {
        ReferralCase open = ReportFixtures.allocated(ReportFixtures.eligible(ReportFixtures.received(ServiceCode.IMCA,
                ReportFixtures.person("Alex Testperson", LocalDate.of(1941, 5, 17), "LEICESTER"), RECEIVED), RECEIVED.plusSeconds(60)),
                RECEIVED.plusSeconds(120), "ira-imca");
        assertEquals(Optional.empty(), CaseRetention.of(open, ReportFixtures.LLR.retention()), "an open case is kept");

        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST): the closing day is 1 July.
        ReferralCase closed = ReportFixtures.closed(open, Instant.parse("2026-06-30T23:30:00Z"), ClosureReason.OUTCOME_REACHED);
        CaseRetention.Due due = CaseRetention.of(closed, ReportFixtures.LLR.retention()).orElseThrow();
        assertEquals(RetainedKind.CLOSED_CASE, due.kind());
        assertEquals(LocalDate.of(2026, 7, 1), due.start());
        assertEquals(LocalDate.of(2032, 7, 1), due.keptUntil());
        assertFalse(due.pastOn(LocalDate.of(2032, 7, 1)), "kept through the anniversary");
        assertTrue(due.pastOn(LocalDate.of(2032, 7, 2)));

        assertTrue(CaseRetention.anonymisable(closed, ReportFixtures.LLR.retention(), LocalDate.of(2032, 7, 2)));
        ReferralCase held = closed.worked(closed.status(), closed.clocks(), closed.work().withLegalHold(new LegalHold(
                LegalHold.Reason.LITIGATION, "A claim about the move", "morgan-manager", Instant.parse("2032-06-01T09:00:00Z"))));
        assertFalse(CaseRetention.anonymisable(held, ReportFixtures.LLR.retention(), LocalDate.of(2040, 1, 1)), "a legal hold keeps it");
        assertFalse(CaseRetention.anonymisable(closed, ReportFixtures.LLR.retention(), LocalDate.of(2032, 7, 1)));
        ReferralCase lifted = held.worked(held.status(), held.clocks(), held.work().withLegalHold(null));
        assertTrue(CaseRetention.anonymisable(lifted, ReportFixtures.LLR.retention(), LocalDate.of(2040, 1, 1)), "lifted: its period again");

        assertEquals(Optional.empty(), CaseRetention.of(ReportFixtures.reopened(closed), ReportFixtures.LLR.retention()),
                "reopened: open again, its time starts afresh at its next closure");
    }

    @Test
    void aYoungPersonsCaseIsKeptUntilTheir25thBirthdayWhenThatIsLaterThanSixYears() {
        ReferralCase child = ReportFixtures.allocated(ReportFixtures.eligible(ReportFixtures.received(ServiceCode.CYP,
                ReportFixtures.person("Sam Young", LocalDate.of(2010, 5, 1), "LEWISHAM"), RECEIVED), RECEIVED.plusSeconds(60)),
                RECEIVED.plusSeconds(120), "cai-cyp");
        ReferralCase closed = ReportFixtures.closed(child, Instant.parse("2026-03-10T12:00:00Z"), ClosureReason.OUTCOME_REACHED);
        assertEquals(LocalDate.of(2035, 4, 30), CaseRetention.of(closed, ReportFixtures.LEW.retention()).orElseThrow().keptUntil(),
                "the day before the 25th birthday, later than 10 March 2032");
    }

    @Test
    void aReferralNotTakenOnIsKeptAYearFromTheDecision() {
        ReferralCase declined = ReportFixtures.screened(ReportFixtures.received(ServiceCode.IMCA, ReportFixtures.person("LEICESTER"), RECEIVED),
                Outcome.NOT_ELIGIBLE, new Reason("Has capacity for the decision.", "LLR 5.8"), RECEIVED.plusSeconds(600));
        CaseRetention.Due due = CaseRetention.of(declined, ReportFixtures.LLR.retention()).orElseThrow();
        assertEquals(RetainedKind.DECLINED_REFERRAL, due.kind());
        assertEquals(LocalDate.of(2027, 3, 2), due.keptUntil());
        assertTrue(due.why().contains("complaint"), due.why());
    }

    @Test
    void aPeriodFromTheLeapDayEndsOnThe28thOfFebruary() {
        assertEquals(LocalDate.of(2030, 2, 28), RetentionPeriod.providerChoice(6, null, "b").keptUntil(LocalDate.of(2024, 2, 29), null));
        assertEquals(LocalDate.of(2030, 2, 28), RetentionPeriod.providerChoice(6, 25, "b").keptUntil(LocalDate.of(2024, 2, 29), null),
                "no date of birth: the years alone");
    }
}
