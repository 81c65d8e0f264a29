package org.advocacyhub.domain.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.advocacyhub.domain.testing.London;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalendarDaysTest {

    private final WorkingCalendar calendar = WorkingCalendar.englandAndWales();

    @ParameterizedTest(name = "{0}: {1} days from {2} ⇒ due by the end of {3}")
    @CsvSource({
        "LLR 7.48 IMHA eligibility within 3 days of receipt,     3, 2026-11-16T10:00, 2026-11-19",
        "LLR 7.48 received at midnight,                          3, 2026-11-16T00:00, 2026-11-19",
        "LLR 7.48 weekends and bank holidays count,              3, 2026-12-24T20:00, 2026-12-27",
        "LLR 5.38 urgent DoLS authorisation 7 days,              7, 2026-10-23T10:00, 2026-10-30",
        "LLR 5.38 standard DoLS authorisation 21 days (March),  21, 2026-03-20T10:00, 2026-04-10",
        "LLR 19.2 seven days' notice across 29 February 2028,    7, 2028-02-25T15:00, 2028-03-03"
    })
    void calendarDays(String clause, int days, String start, String lastDay) {
        // Interpretation (CalendarDays): due at 24:00 London on the last day, i.e. the next midnight.
        String nextMidnight = java.time.LocalDate.parse(lastDay).plusDays(1) + "T00:00";
        assertEquals(London.at(nextMidnight), new CalendarDays(days).dueAt(London.at(start), calendar), clause);
    }
}
