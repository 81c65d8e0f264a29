package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinancialQuarterTest {

    @ParameterizedTest(name = "requirements §7: {0} is in {1} ({2}), {3} to {4}")
    @CsvSource({
        "2026-04-01, 2026-27 Q1, FY2026Q1, 2026-04-01, 2026-06-30",
        "2026-06-30, 2026-27 Q1, FY2026Q1, 2026-04-01, 2026-06-30",
        "2026-07-01, 2026-27 Q2, FY2026Q2, 2026-07-01, 2026-09-30",
        "2026-12-24, 2026-27 Q3, FY2026Q3, 2026-10-01, 2026-12-31",
        "2027-01-01, 2026-27 Q4, FY2026Q4, 2027-01-01, 2027-03-31",
        "2027-03-31, 2026-27 Q4, FY2026Q4, 2027-01-01, 2027-03-31",
        "2028-02-29, 2027-28 Q4, FY2027Q4, 2028-01-01, 2028-03-31",
        "2099-05-01, 2099-00 Q1, FY2099Q1, 2099-04-01, 2099-06-30"
    })
    void quarterOfADate(LocalDate date, String name, String key, LocalDate first, LocalDate last) {
        FinancialQuarter quarter = FinancialQuarter.containing(date);
        assertEquals(name, quarter.name());
        assertEquals(key, quarter.key());
        assertEquals(first, quarter.firstDay());
        assertEquals(last, quarter.lastDay());
        assertEquals(quarter, FinancialQuarter.parseKey(key));
    }

    @ParameterizedTest(name = "{0} runs from {1} to {2} UTC (00:00 UK time at both ends)")
    @CsvSource({
        "FY2026Q1, 2026-03-31T23:00:00Z, 2026-06-30T23:00:00Z",   // BST throughout
        "FY2026Q3, 2026-09-30T23:00:00Z, 2027-01-01T00:00:00Z",   // starts in BST, ends in GMT
        "FY2026Q4, 2027-01-01T00:00:00Z, 2027-03-31T23:00:00Z"    // starts in GMT, ends in BST
    })
    void startAndEndInstants(String key, Instant start, Instant end) {
        FinancialQuarter quarter = FinancialQuarter.parseKey(key);
        assertEquals(start, quarter.start());
        assertEquals(end, quarter.end());
        assertTrue(quarter.period().contains(start));
        assertFalse(quarter.period().contains(end));
        assertFalse(quarter.period().contains(start.minusSeconds(1)));
        assertEquals(quarter, FinancialQuarter.containing(start));
        assertEquals(quarter.next(), FinancialQuarter.containing(end));
    }

    @Test
    @DisplayName("00:30 on 1 April in UK summer time is already Q1, although it is still 31 March in UTC")
    void quarterOfAnInstantUsesUkTime() {
        assertEquals(new FinancialQuarter(2026, 1), FinancialQuarter.containing(Instant.parse("2026-03-31T23:30:00Z")));
    }

    @Test
    @DisplayName("the previous quarter of Q1 is Q4 of the year before; year to date runs from 1 April")
    void previousAndYearToDate() {
        FinancialQuarter q1 = new FinancialQuarter(2026, 1);
        assertEquals(new FinancialQuarter(2025, 4), q1.previous());
        assertEquals(new FinancialQuarter(2026, 2), new FinancialQuarter(2026, 3).previous());
        assertEquals(new FinancialQuarter(2027, 1), new FinancialQuarter(2026, 4).next());
        ReportingPeriod ytd = new FinancialQuarter(2026, 3).yearToDate();
        assertEquals(LocalDate.of(2026, 4, 1), ytd.firstDay());
        assertEquals(LocalDate.of(2026, 12, 31), ytd.lastDay());
        assertEquals(q1.period(), q1.yearToDate());
        assertTrue(q1.compareTo(q1.next()) < 0);
    }

    @ParameterizedTest(name = "LLR 26.12: the report for {0} is due within 21 days of quarter end, by {1}")
    @CsvSource({"FY2026Q1, 2026-07-21", "FY2026Q2, 2026-10-21", "FY2026Q3, 2027-01-21", "FY2026Q4, 2027-04-21"})
    void llrReportDue(String key, LocalDate due) {
        ReportDeadlineRule rule = new ReportDeadlineRule.DaysAfterQuarterEnd(21);
        assertEquals(due, rule.dueDate(FinancialQuarter.parseKey(key)));
        assertEquals(due.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant(), rule.dueBy(FinancialQuarter.parseKey(key)));
    }

    @ParameterizedTest(name = "LEW 17.3: the report for {0} is due mid-month after the quarter, {1}")
    @CsvSource({"FY2026Q1, 2026-07-15", "FY2026Q2, 2026-10-15", "FY2026Q3, 2027-01-15", "FY2026Q4, 2027-04-15"})
    void lewReportDue(String key, LocalDate due) {
        assertEquals(due, new ReportDeadlineRule.DayOfFollowingMonth(15).dueDate(FinancialQuarter.parseKey(key)));
    }

    @Test
    @DisplayName("malformed quarter keys and quarter numbers are refused")
    void malformedKeys() {
        assertThrows(IllegalArgumentException.class, () -> FinancialQuarter.parseKey("2026Q3"));
        assertThrows(IllegalArgumentException.class, () -> FinancialQuarter.parseKey("FY2026Q5"));
        assertThrows(IllegalArgumentException.class, () -> FinancialQuarter.parseKey(null));
        assertThrows(IllegalArgumentException.class, () -> new FinancialQuarter(2026, 0));
    }

    @Property
    @Label("every day of a quarter is in that quarter; keys round-trip; next and previous are inverses")
    void quarterProperties(@ForAll @IntRange(min = 2000, max = 2100) int year, @ForAll @IntRange(min = 1, max = 4) int number,
            @ForAll @IntRange(min = 0, max = 91) int dayOffset) {
        FinancialQuarter quarter = new FinancialQuarter(year, number);
        LocalDate day = quarter.firstDay().plusDays(dayOffset);
        assertEquals(!day.isAfter(quarter.lastDay()), FinancialQuarter.containing(day).equals(quarter));
        assertEquals(quarter, FinancialQuarter.parseKey(quarter.key()));
        assertEquals(quarter, quarter.next().previous());
        assertEquals(quarter.lastDay().plusDays(1), quarter.next().firstDay());
    }
}
