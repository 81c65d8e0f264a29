package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReportFixtures.DERBY;
import static org.advocacyhub.domain.reports.ReportFixtures.LEW;
import static org.advocacyhub.domain.reports.ReportFixtures.LLR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.Test;

class ReportDeadlineTest {

    @Test
    void llr2612TheOctoberToDecemberReportIsDueByTheEndOf21JanuaryWithAReminderThreeWorkingDaysBefore() {
        ReportDeadline deadline = ReportDeadline.of(LLR, new FinancialQuarter(2026, 3)).orElseThrow();
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), deadline.startedAt(), "from the end of the quarter");
        assertEquals(Instant.parse("2027-01-22T00:00:00Z"), deadline.dueAt(), "21 days after 31 December, to the end of that day");
        // Thursday 21 January 2027: three working days before is Monday 18 January, at 09:00 (LLR 9.20).
        assertEquals(Instant.parse("2027-01-18T09:00:00Z"), deadline.reminderAt());
        assertEquals("LLR 26.12", deadline.clause());
        assertEquals("REPORT-LLR-FY2026Q3", deadline.ownerId());
    }

    @Test
    void lew173MidMonthIsThe15thInLondonTimeAndTheReminderSkipsAWeekend() {
        ReportDeadline deadline = ReportDeadline.of(LEW, new FinancialQuarter(2026, 2)).orElseThrow();
        assertEquals(Instant.parse("2026-10-15T23:00:00Z"), deadline.dueAt(), "the end of Thursday 15 October, British Summer Time");
        assertEquals(Instant.parse("2026-10-12T08:00:00Z"), deadline.reminderAt(), "Monday 12 October, 09:00 BST");
        ReportDeadline q4 = ReportDeadline.of(LEW, new FinancialQuarter(2026, 4)).orElseThrow();
        // Thursday 15 April 2027: three working days back is Monday 12 April.
        assertEquals(LocalDate.of(2027, 4, 12), q4.reminderAt().atZone(org.advocacyhub.domain.time.WorkingCalendar.ZONE).toLocalDate());
    }

    @Test
    void aDeadlineAfterTheClocksGoForwardIsCountedInBritishSummerTime() {
        // FY2025 Q4 ends Tuesday 31 March 2026, two days after the clocks went forward; due the end of Tuesday 21 April (BST).
        ReportDeadline deadline = ReportDeadline.of(LLR, new FinancialQuarter(2025, 4)).orElseThrow();
        assertEquals(Instant.parse("2026-03-31T23:00:00Z"), deadline.startedAt(), "midnight BST ending 31 March");
        assertEquals(Instant.parse("2026-04-21T23:00:00Z"), deadline.dueAt());
        assertEquals(Instant.parse("2026-04-16T08:00:00Z"), deadline.reminderAt(), "Thursday 16 April, 09:00 BST");
    }

    @Test
    void derby371SetsNoSubmissionDateSoThereIsNoDeadline() {
        assertTrue(ReportDeadline.of(DERBY, new FinancialQuarter(2026, 2)).isEmpty());
    }
}
