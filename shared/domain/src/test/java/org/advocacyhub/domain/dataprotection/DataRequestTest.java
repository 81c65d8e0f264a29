package org.advocacyhub.domain.dataprotection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.Test;

/** UK GDPR Art. 12(3): one month from the day of receipt, as the ICO counts it. */
class DataRequestTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    private LocalDate due(String received) {
        return DataRequest.dueOn(LocalDate.parse(received), calendar);
    }

    @Test
    void theCorrespondingDateOfTheNextMonth() {
        assertEquals(LocalDate.parse("2026-10-07"), due("2026-09-07"), "Monday 7 September to Wednesday 7 October");
    }

    @Test
    void theLastDayOfAShorterMonthWhenItHasNoCorrespondingDate() {
        assertEquals(LocalDate.parse("2028-02-29"), due("2028-01-31"), "31 January 2028 to Tuesday 29 February (a leap year)");
        assertEquals(LocalDate.parse("2027-03-01"), due("2027-01-31"), "28 February 2027 is a Sunday: Monday 1 March");
    }

    @Test
    void aWeekendOrBankHolidayMovesToTheNextWorkingDay() {
        assertEquals(LocalDate.parse("2026-12-29"), due("2026-11-25"), "from Wednesday 25 November: Friday 25 December is "
                + "Christmas Day, then a weekend and Boxing Day's substitute (Monday 28th): Tuesday 29 December");
        assertEquals(LocalDate.parse("2027-01-04"), due("2026-12-02"), "Saturday 2 January 2027: Monday 4 January");
    }
}
