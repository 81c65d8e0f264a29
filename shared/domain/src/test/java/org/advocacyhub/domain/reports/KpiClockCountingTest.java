package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.CALENDAR;
import static org.advocacyhub.domain.reports.ReportFixtures.LEW;
import static org.advocacyhub.domain.reports.ReportFixtures.LLR;
import static org.advocacyhub.domain.reports.ReportFixtures.allocated;
import static org.advocacyhub.domain.reports.ReportFixtures.closed;
import static org.advocacyhub.domain.reports.ReportFixtures.eligible;
import static org.advocacyhub.domain.reports.ReportFixtures.event;
import static org.advocacyhub.domain.reports.ReportFixtures.person;
import static org.advocacyhub.domain.reports.ReportFixtures.received;
import static org.advocacyhub.domain.reports.ReportFixtures.screened;
import static org.advocacyhub.domain.testing.London.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.reports.ReturnSummary.KpiLine;
import org.advocacyhub.domain.reports.ReturnSummary.Verdict;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Requirements §10: a KPI clock counts once, in the quarter it is resolved (LLR Appendix One KPIs 1-3, LEW 8.4). */
class KpiClockCountingTest {

    private static final FinancialQuarter Q4_2025 = new FinancialQuarter(2025, 4);
    private static final FinancialQuarter Q1_2026 = new FinancialQuarter(2026, 1);
    private static final FinancialQuarter Q3_2026 = new FinancialQuarter(2026, 3);

    static KpiLine kpi(Contract contract, FinancialQuarter quarter, Instant asAt, String authority, String name, ServiceCode service,
                       List<ReferralCase> cases) {
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(contract, quarter, CALENDAR);
        cases.forEach(builder::addCase);
        return builder.build(asAt, "test").workbook(authority).summary().kpis().stream()
                .filter(line -> line.name().equals(name) && line.service() == service).findFirst().orElseThrow();
    }

    private static KpiLine kpi1(FinancialQuarter quarter, Instant asAt, ReferralCase... cases) {
        return kpi(LLR, quarter, asAt, "LEICESTER", "KPI 1", ServiceCode.IMCA, List.of(cases));
    }

    private static ReferralCase imca(Instant receivedAt) {
        return eligible(received(ServiceCode.IMCA, person("LEICESTER"), receivedAt), receivedAt.plusSeconds(600));
    }

    @Test
    @DisplayName("LLR KPI 1 in the week the clocks go back: received Friday 23 October 2026, due Tuesday 27 October 17:00 GMT; "
            + "allocated at 16:59 is met, at 17:01 missed")
    void octoberClockChange() {
        ReferralCase early = allocated(imca(at("2026-10-23T10:00")), at("2026-10-27T16:59"), "adv-1");
        ReferralCase late = allocated(imca(at("2026-10-23T10:00")), at("2026-10-27T17:01"), "adv-1");
        assertEquals(Instant.parse("2026-10-27T17:00:00Z"), early.clocks().get(0).dueAt(CALENDAR).orElseThrow());
        KpiLine line = kpi1(Q3_2026, at("2027-01-08T07:00"), early, late);
        assertEquals(1, line.numerator());
        assertEquals(2, line.denominator());
        assertEquals(Verdict.NOT_MET, line.verdict(), "50% against 95%");
    }

    @Test
    @DisplayName("LLR KPI 1 in the week the clocks go forward: received Thursday 26 March 2026, due Monday 30 March 17:00 BST "
            + "(16:00 UTC); allocated at 16:30 London is met in Q4")
    void marchClockChange() {
        ReferralCase c = allocated(imca(at("2026-03-26T10:00")), at("2026-03-30T16:30"), "adv-1");
        assertEquals(Instant.parse("2026-03-30T16:00:00Z"), c.clocks().get(0).dueAt(CALENDAR).orElseThrow());
        KpiLine line = kpi1(Q4_2025, at("2026-04-08T07:00"), c);
        assertEquals(1, line.numerator());
        assertEquals(1, line.denominator());
        assertEquals(Verdict.MET, line.verdict());
    }

    @Test
    @DisplayName("LEW 8.4: the 72 elapsed hours over the October clock change: accepted Saturday 12:00 BST is due Tuesday 11:00 GMT; "
            + "contact at 11:30 London is missed although 72 wall-clock hours had not passed")
    void seventyTwoHoursOverClockChange() {
        ReferralCase accepted = eligible(received(ServiceCode.CYP, person("LEWISHAM"), at("2026-10-23T15:00"), Urgency.STANDARD,
                ReferralSource.SELF, Map.of()), at("2026-10-24T12:00"));
        ReferralCase intime = event(accepted, ClockEvent.FIRST_CONTACT, at("2026-10-27T10:59"));
        ReferralCase late = event(accepted, ClockEvent.FIRST_CONTACT, at("2026-10-27T11:30"));
        KpiLine line = kpi(LEW, Q3_2026, at("2027-01-08T07:00"), "LEWISHAM", "Percentage of young people contacted within 72 hours",
                ServiceCode.CYP, List.of(intime, late));
        assertEquals(1, line.numerator());
        assertEquals(2, line.denominator());
        assertEquals(Verdict.NO_TARGET, line.verdict(), "LEW Appendix 1 gives this output no target");
    }

    @Test
    @DisplayName("requirements §10: a clock still running at quarter end and due after it is carried forward, then missed in the "
            + "quarter of its due time (received Monday 30 March, due Wednesday 1 April): counted once across the two quarters")
    void runningAcrossQuarterBoundary() {
        ReferralCase c = imca(at("2026-03-30T10:00"));
        KpiLine q4 = kpi1(Q4_2025, at("2026-04-08T07:00"), c);
        KpiLine q1 = kpi1(Q1_2026, at("2026-07-08T07:00"), c);
        assertEquals(0, q4.denominator());
        assertEquals(1, q4.carriedForward());
        assertEquals(Verdict.NOTHING_TO_MEASURE, q4.verdict());
        assertEquals(0, q1.numerator());
        assertEquals(1, q1.denominator());
        assertEquals(0, q1.carriedForward());
    }

    @Test
    @DisplayName("requirements §10: a clock stopped late after quarter end is missed in the quarter of its due time, not of its stop")
    void stoppedLateCountsAtDueTime() {
        ReferralCase dueInQ4 = allocated(imca(at("2026-03-26T10:00")), at("2026-04-02T10:00"), "adv-1");
        assertEquals(1, kpi1(Q4_2025, at("2026-04-08T07:00"), dueInQ4).denominator());
        assertEquals(0, kpi1(Q4_2025, at("2026-04-08T07:00"), dueInQ4).numerator());
        assertEquals(0, kpi1(Q1_2026, at("2026-07-08T07:00"), dueInQ4).denominator());
    }

    @Test
    @DisplayName("requirements §10: a clock started in one quarter and met in the next counts met in the next, carried forward in the first")
    void metInTheNextQuarter() {
        ReferralCase c = allocated(imca(at("2026-03-31T10:00")), at("2026-04-01T10:00"), "adv-1");
        KpiLine q4 = kpi1(Q4_2025, at("2026-04-08T07:00"), c);
        KpiLine q1 = kpi1(Q1_2026, at("2026-07-08T07:00"), c);
        assertEquals(0, q4.denominator());
        assertEquals(1, q4.carriedForward());
        assertEquals(1, q1.numerator());
        assertEquals(1, q1.denominator());
    }

    @Test
    @DisplayName("requirements §10: a running clock is missed only once its due time has passed when the figures are taken")
    void runningClockJudgedAtGeneration() {
        ReferralCase c = imca(at("2026-11-23T10:00"));
        KpiLine before = kpi1(Q3_2026, at("2026-11-25T16:00"), c);
        KpiLine after = kpi1(Q3_2026, at("2026-11-25T17:01"), c);
        assertEquals(0, before.denominator());
        assertEquals(1, before.carriedForward());
        assertEquals(1, after.denominator());
        assertEquals(0, after.numerator());
    }

    @Test
    @DisplayName("Interpretation: a clock the closure stopped before its event and before its due time measured nothing; one already "
            + "past due when closed was missed")
    void closureStoppedClocks() {
        ReferralCase declinedInTime = closed(imca(at("2026-11-23T10:00")), at("2026-11-24T10:00"), ClosureReason.PERSON_DECLINED);
        ReferralCase declinedLate = closed(imca(at("2026-11-23T10:00")), at("2026-11-27T10:00"), ClosureReason.PERSON_DECLINED);
        KpiLine line = kpi1(Q3_2026, at("2027-01-08T07:00"), declinedInTime, declinedLate);
        assertEquals(0, line.numerator());
        assertEquals(1, line.denominator());
    }

    @Test
    @DisplayName("requirements §10: a paused clock (waiting for information, due time unknown) is carried forward, not counted")
    void pausedClockCarriedForward() {
        ReferralCase c = screened(received(ServiceCode.IMCA, person("LEICESTER"), at("2026-11-23T10:00")), Outcome.NEEDS_INFORMATION,
                new Reason("We need the decision", "LLR 5.57"), at("2026-11-23T11:00"));
        KpiLine line = kpi1(Q3_2026, at("2027-01-08T07:00"), c);
        assertEquals(0, line.denominator());
        assertEquals(1, line.carriedForward());
    }

    @Test
    @DisplayName("LLR KPI 2: the first-contact clock starts at allocation and is met by contact within a working day")
    void firstContact() {
        ReferralCase c = event(allocated(imca(at("2026-11-23T10:00")), at("2026-11-24T10:00"), "adv-1"), ClockEvent.FIRST_CONTACT,
                at("2026-11-25T09:00"));
        KpiLine line = kpi(LLR, Q3_2026, at("2027-01-08T07:00"), "LEICESTER", "KPI 2", ServiceCode.IMCA, List.of(c));
        assertEquals(1, line.numerator());
        assertEquals(1, line.denominator());
        assertEquals(Verdict.MET, line.verdict());
    }

    @Test
    @DisplayName("an event exactly at the due time meets it (requirements §5)")
    void exactlyAtDue() {
        ReferralCase c = allocated(imca(at("2026-11-23T10:00")), at("2026-11-25T17:00"), "adv-1");
        assertEquals(1, kpi1(Q3_2026, at("2027-01-08T07:00"), c).numerator());
    }
}
